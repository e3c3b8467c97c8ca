import { METRICS, type AssetType, type Metric } from '@twinhelm/contracts';

export function isKnownMetric(metric: string): metric is Metric {
  return Object.hasOwn(METRICS, metric);
}

export function metricLabel(metric: string): string {
  return isKnownMetric(metric) ? METRICS[metric].label : metric;
}

export function metricUnit(metric: string): string {
  return isKnownMetric(metric) ? METRICS[metric].unit : '';
}

/** Three significant figures, at most two decimals; thousands stay whole. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  const decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return v.toFixed(decimals).replace(/^-(0\.?0*)$/, '$1');
}

/** A value as an operator reads it: "42.1 m", "running", "closed". */
export function formatMetricValue(metric: string, v: number, assetType?: AssetType): string {
  if (metric === 'status') {
    const on = v >= 0.5;
    if (assetType === 'pump') return on ? 'running' : 'stopped';
    return on ? 'open' : 'closed';
  }
  const unit = metricUnit(metric);
  return unit === '' ? formatNumber(v) : `${formatNumber(v)} ${unit}`;
}

/** Metrics worth a trend first, in order; status is a last resort. */
const TREND_PREFERENCE = [
  'level',
  'pressure',
  'flow',
  'head',
  'velocity',
  'demand',
  'power',
  'speed',
  'setting',
];

/** The metric the trend shows by default for an asset with these metrics. */
export function defaultTrendMetric(metrics: readonly string[]): string | null {
  for (const preferred of TREND_PREFERENCE) if (metrics.includes(preferred)) return preferred;
  return metrics.find((m) => m !== 'status') ?? metrics[0] ?? null;
}
