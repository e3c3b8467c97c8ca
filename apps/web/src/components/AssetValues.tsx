import { type AssetType, type MetricValue } from '@twinhelm/contracts';
import { formatAge } from '../lib/freshness';
import { formatMetricValue, metricLabel } from '../lib/format-value';

interface Props {
  metrics: readonly string[];
  latest: Readonly<Record<string, MetricValue>>;
  assetType: AssetType | undefined;
  now: number;
  intervalMs: number;
  trendMetric: string | null;
  onTrend: (metric: string) => void;
}

/** One row per metric: value with unit and age; stale values in amber; "no data" when unmeasured. */
export function AssetValues({
  metrics,
  latest,
  assetType,
  now,
  intervalMs,
  trendMetric,
  onTrend,
}: Props) {
  return (
    <ul className="values" aria-label="Latest values">
      {metrics.map((metric) => {
        const value = latest[metric];
        const stale = value !== undefined && now - value.ts > intervalMs;
        const cls =
          value === undefined ? 'value value--nodata' : stale ? 'value value--stale' : 'value';
        return (
          <li key={metric}>
            <button
              type="button"
              className={cls}
              aria-pressed={trendMetric === metric}
              onClick={() => onTrend(metric)}
            >
              <span className="value__label">{metricLabel(metric)}</span>
              <span className="value__reading num">
                {value === undefined ? 'no data' : formatMetricValue(metric, value.v, assetType)}
              </span>
              {value !== undefined ? (
                <span className="value__age num">
                  {stale ? 'stale · ' : ''}
                  {formatAge(now - value.ts)}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
