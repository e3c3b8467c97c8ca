import { type ScenarioSeries } from '@twinhelm/contracts';

type SeriesAsset = ScenarioSeries['assets'][string];

/** One row of a scenario chart: time (s from the start), the run's value, the ensemble's band. */
export interface BandRow {
  t: number;
  /** Member 0 (the unperturbed-demand run); absent where the series has no finite value. */
  v?: number;
  p50?: number;
  /** P5–P95 as Recharts draws a range area. */
  band?: [number, number];
}

export interface AssetChart {
  assetId: string;
  metric: string;
  rows: BandRow[];
  hasBand: boolean;
}

/** The metric a chart shows first for an asset of this series kind. */
const PREFERRED: Record<SeriesAsset['kind'], readonly string[]> = {
  node: ['pressure', 'head', 'demand'],
  tank: ['level', 'pressure', 'head'],
  link: ['flow', 'velocity'],
  pump: ['flow', 'power'],
};

export function chartMetric(asset: SeriesAsset): string | null {
  const available = [...Object.keys(asset.series), ...Object.keys(asset.bands)];
  return (
    PREFERRED[asset.kind].find((m) => available.includes(m)) ??
    available.find((m) => m !== 'requested') ??
    null
  );
}

const finite = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);

/**
 * Rows for Recharts from one asset's series and bands: one per report time, the band only where
 * P5 and P95 are both finite (ordered low–high), the P50 line only with a band.
 */
export function bandRows(times: readonly number[], asset: SeriesAsset, metric: string): BandRow[] {
  const values = asset.series[metric] ?? [];
  const band = asset.bands[metric];
  return times.map((t, i) => {
    const row: BandRow = { t };
    const v = values[i];
    if (finite(v)) row.v = v;
    if (band) {
      const lo = band.p5[i];
      const hi = band.p95[i];
      const mid = band.p50[i];
      if (finite(lo) && finite(hi)) row.band = lo <= hi ? [lo, hi] : [hi, lo];
      if (finite(mid)) row.p50 = mid;
    }
    return row;
  });
}

/** A chart per requested asset that the series answered, in the requested order. */
export function assetCharts(series: ScenarioSeries, assetIds: readonly string[]): AssetChart[] {
  const charts: AssetChart[] = [];
  for (const assetId of assetIds) {
    const asset = series.assets[assetId];
    if (!asset) continue;
    const metric = chartMetric(asset);
    if (metric === null) continue;
    const rows = bandRows(series.times, asset, metric);
    charts.push({ assetId, metric, rows, hasBand: rows.some((r) => r.band !== undefined) });
  }
  return charts;
}
