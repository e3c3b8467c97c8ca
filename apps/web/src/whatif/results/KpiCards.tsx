import { type EnsembleSummary, type ScenarioKpis } from '@twinhelm/contracts';
import { formatNumber } from '../../lib/format-value';
import { useWhatIf } from '../whatif-context';
import { kpiCards } from './kpi-cards';

type Percentiles = { p5: number; p50: number; p95: number } | null;

/** The ensemble's P5–P95 of the KPIs that have one. */
function rangeOf(key: string, ensemble: EnsembleSummary | null): string | null {
  if (!ensemble) return null;
  const k = ensemble.kpis;
  const byKey: Record<string, [Percentiles, string]> = {
    'min-pressure': [k.minPressureM, ' m'],
    'below-service': [k.nodesBelowService, ''],
    unserved: [k.unservedDemandM3, ' m³'],
    energy: [k.energyKwh, ' kWh'],
  };
  const entry = byKey[key];
  if (!entry?.[0]) return null;
  const [p, unit] = entry;
  const low = formatNumber(p.p5);
  const high = formatNumber(p.p95);
  return low === high ? `P5–P95 ${low}${unit} (no spread)` : `P5–P95 ${low} to ${high}${unit}`;
}

/** The scenario's KPIs as cards; one naming an asset flies the camera there. */
export function KpiCards({
  kpis,
  ensemble,
}: {
  kpis: ScenarioKpis;
  ensemble: EnsembleSummary | null;
}) {
  const { coordinator } = useWhatIf();
  return (
    <section aria-label="Key figures">
      <ul className="whatif__kpis">
        {kpiCards(kpis).map((card) => {
          const range = rangeOf(card.key, ensemble);
          const body = (
            <>
              <span className="whatif__kpi-label">{card.label}</span>
              <span className="whatif__kpi-value num">{card.value}</span>
              {card.detail ? <span className="whatif__kpi-detail">{card.detail}</span> : null}
              {range ? <span className="whatif__kpi-detail num">{range}</span> : null}
            </>
          );
          const className = card.alarm ? 'whatif__kpi whatif__kpi--alarm' : 'whatif__kpi';
          return (
            <li key={card.key}>
              {card.assetId ? (
                <button
                  type="button"
                  className={className}
                  title={`Show ${card.assetId} in 3D`}
                  onClick={() => coordinator.focus(card.assetId ?? '')}
                >
                  {body}
                </button>
              ) : (
                <div className={className}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
