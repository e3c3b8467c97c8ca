import type {
  AlarmQuantity,
  EnsembleSummary,
  QuantityEffect,
  ScenarioKpis,
  ScenarioSeries,
} from '@twinhelm/contracts';

type AssetSeries = ScenarioSeries['assets'][string];

/**
 * A run's course of the alarm's quantity (pure): member 0's series and the ensemble's P5/P95
 * (flows as magnitudes: a burst is judged by how much flows, not which way), the extreme and
 * the end value with their P5–P95 (the extreme of the P5 and of the P95 series: the bands'
 * envelope, not the percentiles of each member's extreme), the time beyond the alarm's limit,
 * a tank's time to empty from the KPIs, and the share of members with a violation at the
 * asset. Undefined when the run holds no series of the quantity.
 */
export function quantityEffect(
  quantity: AlarmQuantity,
  times: readonly number[],
  asset: AssetSeries | undefined,
  kpis: ScenarioKpis | null,
  ensemble: EnsembleSummary | null,
): QuantityEffect | undefined {
  const raw = asset?.series[quantity.metric];
  if (raw === undefined || raw.length === 0 || raw.length !== times.length) return undefined;
  const magnitude = quantity.metric === 'flow';
  const values = magnitude ? raw.map(Math.abs) : [...raw];
  const band = asset?.bands[quantity.metric];
  let p5: number[] | null = null;
  let p95: number[] | null = null;
  if (band && band.p5.length === raw.length && band.p95.length === raw.length) {
    if (magnitude) {
      const lo = band.p5.map((v, i) => bandLow(v, band.p95[i] ?? v));
      const hi = band.p5.map((v, i) => Math.max(Math.abs(v), Math.abs(band.p95[i] ?? v)));
      [p5, p95] = [lo, hi];
    } else [p5, p95] = [[...band.p5], [...band.p95]];
  }
  const extremeOf = (xs: readonly number[]): number =>
    quantity.extreme === 'min' ? Math.min(...xs) : Math.max(...xs);
  const last = (xs: readonly number[]): number => xs[xs.length - 1] ?? Number.NaN;
  const probabilities = ensemble?.violationProbability
    .filter((v) => v.assetId === quantity.assetId)
    .map((v) => v.probability);
  return {
    times: [...times],
    values,
    p5,
    p95,
    extreme: extremeOf(values),
    end: last(values),
    extremeRange: p5 && p95 ? ordered(extremeOf(p5), extremeOf(p95)) : null,
    endRange: p5 && p95 ? ordered(last(p5), last(p95)) : null,
    beyondLimitS: quantity.limit === null ? null : beyondLimit(times, values, quantity),
    timeToEmptyS:
      quantity.metric === 'level'
        ? (kpis?.tanks.find((t) => t.tankId === quantity.assetId)?.timeToEmptyS ?? null)
        : null,
    violationProbability:
      ensemble && ensemble.members > 1 && probabilities
        ? probabilities.length === 0
          ? 0
          : Math.max(...probabilities)
        : null,
  };
}

/** Seconds beyond the limit: each report interval counts when its start lies beyond. */
function beyondLimit(
  times: readonly number[],
  values: readonly number[],
  quantity: AlarmQuantity,
): number {
  const limit = quantity.limit ?? 0;
  let total = 0;
  for (let i = 0; i + 1 < times.length; i++) {
    const v = values[i] ?? Number.NaN;
    const beyond = quantity.extreme === 'min' ? v < limit : v > limit;
    if (beyond) total += (times[i + 1] ?? 0) - (times[i] ?? 0);
  }
  return total;
}

/** The smaller magnitude of a band that may straddle zero (then 0). */
function bandLow(p5: number, p95: number): number {
  if (p5 <= 0 && p95 >= 0) return 0;
  return Math.min(Math.abs(p5), Math.abs(p95));
}

const ordered = (a: number, b: number): { p5: number; p95: number } => ({
  p5: Math.min(a, b),
  p95: Math.max(a, b),
});
