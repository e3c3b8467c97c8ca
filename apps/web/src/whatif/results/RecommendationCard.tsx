import { type Recommendation, type ScenarioDetail } from '@twinhelm/contracts';
import { useWhatIf } from '../whatif-context';
import { DecisionControls } from './DecisionControls';
import { kpiDeltas } from './kpi-cards';
import { recommendationHighlights } from './recommendation-highlights';

interface Props {
  scenarioId: string;
  recommendation: Recommendation;
  currency: string | null;
  affected: readonly string[];
  decisions: ScenarioDetail['approvals'];
}

const DELTA_CLASS = { true: 'delta delta--better', false: 'delta delta--worse', null: 'delta' };

/** One ranked recommendation: actions, deltas, why, assumptions, View in 3D and the decision. */
export function RecommendationCard({
  scenarioId,
  recommendation: rec,
  currency,
  affected,
  decisions,
}: Props) {
  const { coordinator } = useWhatIf();
  const view = () => {
    const { highlights, frame } = recommendationHighlights(rec, affected);
    coordinator.highlight(highlights, frame);
  };
  return (
    <li className="whatif__rec" aria-label={`Recommendation ${rec.rank}: ${rec.title}`}>
      <div className="whatif__rec-head">
        <span className="whatif__rank num" aria-hidden="true">
          {rec.rank}
        </span>
        <h4>{rec.title}</h4>
        <button type="button" className="button" onClick={view}>
          View in 3D
        </button>
      </div>
      <ul className="whatif__actions">
        {rec.actions.map((action, i) => (
          <li key={i}>{action.description}</li>
        ))}
      </ul>
      <ul className="whatif__deltas" aria-label="Change against doing nothing">
        {kpiDeltas(rec.deltas, currency).map((d) => (
          <li key={d.label} className={DELTA_CLASS[String(d.better) as 'true' | 'false' | 'null']}>
            <span>{d.label}</span> <strong className="num">{d.text}</strong>
          </li>
        ))}
      </ul>
      <p className="whatif__why">{rec.why}</p>
      {rec.assumptions.length > 0 ? (
        <details className="whatif__assumptions">
          <summary>Assumptions ({rec.assumptions.length})</summary>
          <ul>
            {rec.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <DecisionControls scenarioId={scenarioId} rank={rec.rank} decisions={decisions} />
    </li>
  );
}
