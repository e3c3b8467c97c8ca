import { type ScenarioDetail } from '@twinhelm/contracts';
import { RecommendationCard } from './RecommendationCard';

interface Props {
  scenario: ScenarioDetail;
  /** Assets the scenario perturbs (marked as affected when a recommendation is shown in 3D). */
  affected: readonly string[];
}

/** Ranked mitigating actions with their effect against doing nothing. */
export function RecommendationList({ scenario, affected }: Props) {
  const set = scenario.recommendations;
  if (!set) return null;
  const currency = set.baseline.kpis.energy.currency;
  return (
    <section className="whatif__section" aria-label="Recommendations">
      <h3>Recommendations</h3>
      <p className="whatif__dim">
        {set.candidatesEvaluated} candidate actions simulated in {(set.elapsedMs / 1000).toFixed(1)}{' '}
        s{set.candidatesFailed > 0 ? `, ${set.candidatesFailed} failed` : ''}; changes are against
        doing nothing ({set.baseline.violations.length} violations).
      </p>
      {set.recommendations.length === 0 ? (
        <p className="message">{set.note ?? 'No action improves on doing nothing.'}</p>
      ) : (
        <ol className="whatif__recs">
          {set.recommendations.map((rec) => (
            <RecommendationCard
              key={rec.rank}
              scenarioId={scenario.id}
              recommendation={rec}
              currency={currency}
              affected={affected}
              decisions={scenario.approvals.filter((a) => a.rank === rec.rank)}
            />
          ))}
        </ol>
      )}
      {set.note && set.recommendations.length > 0 ? (
        <p className="whatif__dim">{set.note}</p>
      ) : null}
    </section>
  );
}
