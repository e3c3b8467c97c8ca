/** A server bucket: time, mean, min and max of `n` samples. */
export interface HistoryPoint {
  t: number;
  v: number;
  min: number;
  max: number;
  n: number;
}

export interface TrendPoint {
  t: number;
  v: number;
  /** min–max of the bucket; only on history points, only when the band is drawn. */
  band?: [number, number];
}

export interface TrendSeries {
  points: TrendPoint[];
  /** Time axis range (ms): from the first point (or the window's start) to now. */
  domain: [number, number];
  ticks: number[];
  /** Ticks closer than a minute: label them with seconds. */
  withSeconds: boolean;
  /** The min–max band is drawn when enough buckets spread. */
  showBand: boolean;
  /** The data reaches back to the window's start (otherwise the title says "since …"). */
  coversWindow: boolean;
}

/** Fewer buckets than this draw no band: a few wide buckets make misleading wedges. */
export const MIN_BAND_BUCKETS = 8;
const MIN_SPAN_MS = 60_000;
const STEPS_MS = [
  10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
  7_200_000, 10_800_000, 21_600_000,
];
const LONGEST_STEP_MS = 21_600_000;

/** Round time ticks from `from` to `to`: the smallest step that gives at most `maxTicks`. */
export function timeTicks(
  from: number,
  to: number,
  maxTicks = 5,
): { ticks: number[]; stepMs: number } {
  const span = Math.max(0, to - from);
  const stepMs = STEPS_MS.find((s) => span / s <= Math.max(1, maxTicks)) ?? LONGEST_STEP_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / stepMs) * stepMs; t <= to; t += stepMs) ticks.push(t);
  return { ticks, stepMs };
}

/**
 * The chart's series: the server's buckets, then live samples newer than the last bucket (the
 * line extends, the band stops), trimmed to the window ending now; the axis runs from the first
 * point to now so that a feed that has gone quiet shows as a gap at the right.
 */
export function buildTrendSeries(
  history: readonly HistoryPoint[],
  live: readonly { t: number; v: number }[],
  now: number,
  windowMs: number,
  maxTicks = 5,
): TrendSeries {
  const buckets = history
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v))
    .toSorted((a, b) => a.t - b.t);
  const lastBucket = buckets.at(-1)?.t ?? Number.NEGATIVE_INFINITY;
  const fresh = live
    .filter((p) => p.t > lastBucket && Number.isFinite(p.v))
    .toSorted((a, b) => a.t - b.t)
    .filter((p, i, all) => i === 0 || p.t !== all[i - 1]?.t);
  const newest = Math.max(now, fresh.at(-1)?.t ?? lastBucket);
  const start = newest - windowMs;
  const spread = buckets.filter((p) => p.t >= start && p.max > p.min).length;
  const inWindow = buckets.filter((p) => p.t >= start);
  const showBand = inWindow.length >= MIN_BAND_BUCKETS && spread > 0;
  const points: TrendPoint[] = [
    ...inWindow.map((p) =>
      showBand ? { t: p.t, v: p.v, band: [p.min, p.max] as [number, number] } : { t: p.t, v: p.v },
    ),
    ...fresh.filter((p) => p.t >= start).map((p) => ({ t: p.t, v: p.v })),
  ];
  const first = points[0]?.t ?? newest;
  const from = Math.min(Math.max(first, start), newest - MIN_SPAN_MS);
  const { ticks, stepMs } = timeTicks(from, newest, maxTicks);
  return {
    points,
    domain: [from, newest],
    ticks,
    withSeconds: stepMs < 60_000,
    showBand,
    coversWindow: from <= start + windowMs * 0.02,
  };
}
