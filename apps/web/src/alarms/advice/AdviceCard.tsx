'use client';

import { type AdviceRecommendation, type AlarmAdvice } from '@twinhelm/contracts';
import { type AssetHighlight, type HighlightRole } from '../../scene/use-scene-controller';
import { kpiDeltas } from '../../whatif/results/kpi-cards';
import { effectLines } from '../advice-shaping';
import { AdviceDecision } from './AdviceDecision';
import { EffectChart } from './EffectChart';

const ROLE_OF: Record<AdviceRecommendation['actions'][number]['kind'], HighlightRole> = {
  'close-valve': 'close',
  'isolate-segment': 'close',
  'open-valve': 'open',
  'start-pump': 'start',
  'stop-pump': 'stop',
  'pump-speed': 'change',
  'valve-setting': 'change',
  'tank-control': 'change',
};

/** What "View in 3D" marks: the action's assets by what happens to them, the alarm's asset as affected. */
export function adviceHighlights(
  rec: AdviceRecommendation,
  alarmAssetId: string,
): AssetHighlight[] {
  const seen = new Set<string>();
  const out: AssetHighlight[] = [];
  for (const action of rec.actions)
    for (const assetId of action.assetIds)
      if (!seen.has(assetId)) {
        seen.add(assetId);
        out.push({ assetId, role: ROLE_OF[action.kind] });
      }
  if (!seen.has(alarmAssetId)) out.push({ assetId: alarmAssetId, role: 'affected' });
  return out;
}

const DELTA_CLASS = { true: 'delta delta--better', false: 'delta delta--worse', null: 'delta' };

interface Props {
  siteId: string;
  advice: AlarmAdvice;
  rec: AdviceRecommendation;
  canAct: boolean;
  onView: (highlights: AssetHighlight[]) => void;
}

/** One ranked action: what it does, its simulated effect on the alarm's quantity, KPI deltas, why, the decision. */
export function AdviceCard({ siteId, advice, rec, canAct, onView }: Props) {
  const quantity = advice.quantity;
  return (
    <li className="advice-card" aria-label={`Recommendation ${rec.rank}: ${rec.title}`}>
      <div className="advice-card__head">
        <span className="advice-card__rank num" aria-hidden="true">
          {rec.rank}
        </span>
        <h4>{rec.title}</h4>
        <button
          type="button"
          className="button"
          onClick={() => onView(adviceHighlights(rec, advice.assetId))}
        >
          View in 3D
        </button>
      </div>
      <ul className="advice-card__actions">
        {rec.actions.map((action, i) => (
          <li key={i}>{action.description}</li>
        ))}
      </ul>
      {quantity && rec.effect ? (
        <>
          <table className="advice-effect">
            <caption>Effect on the {quantity.label}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Doing nothing</th>
                <th scope="col">With the action</th>
              </tr>
            </thead>
            <tbody>
              {effectLines(quantity, advice.baseline, rec.effect).map((line) => (
                <tr key={line.label}>
                  <th scope="row">{line.label}</th>
                  <td className="num">{line.baseline}</td>
                  <td className="num">
                    {line.withAction}
                    {line.uncertainty ? (
                      <span className="advice-effect__range">{line.uncertainty}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <EffectChart
            quantity={quantity}
            baseline={advice.baseline}
            effect={rec.effect}
            title={`Simulated ${quantity.label} with recommendation ${rec.rank}`}
          />
        </>
      ) : (
        <p className="alarms__note">
          {rec.effectError ?? 'The effect on the alarm’s quantity is still being simulated…'}
        </p>
      )}
      <ul className="advice-card__deltas" aria-label="Change against doing nothing">
        {kpiDeltas(rec.deltas, null).map((d) => (
          <li key={d.label} className={DELTA_CLASS[String(d.better) as 'true' | 'false' | 'null']}>
            <span>{d.label}</span> <strong className="num">{d.text}</strong>
          </li>
        ))}
      </ul>
      <p className="advice-card__why">{rec.why}</p>
      {rec.assumptions.length > 0 ? (
        <details className="advice-card__assumptions">
          <summary>Assumptions ({rec.assumptions.length})</summary>
          <ul>
            {rec.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <AdviceDecision
        siteId={siteId}
        alarmKey={advice.alarmKey}
        adviceId={advice.id}
        rec={rec}
        canAct={canAct}
      />
    </li>
  );
}
