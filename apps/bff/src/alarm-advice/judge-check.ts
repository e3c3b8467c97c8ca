import type { CheckNumbers, CheckVerdict, QuantityEffect } from '@twinhelm/contracts';
import type { PredictedCourse } from './check-store';

/** Share of points that must lie within the band for "as predicted". */
export const AS_PREDICTED_SHARE = 0.9;

/**
 * How far a measurement may stray beyond the P5–P95 band (or from the prediction, without a
 * band) and still count as within: about a sensor's accuracy plus the model's report-step
 * interpolation. Units of the metric (m, m, L/s).
 */
export const CHECK_TOLERANCE: Record<string, number> = { level: 0.1, pressure: 1, flow: 1 };

/**
 * The predicted course over the check window (pure): the report times up to the first one at
 * or past `windowS` (so interpolation reaches the window's end), with their P5/P95.
 */
export function predictedWindow(effect: QuantityEffect, windowS: number): PredictedCourse {
  const end = effect.times.findIndex((t) => t >= windowS);
  const n = end === -1 ? effect.times.length : end + 1;
  return {
    times: effect.times.slice(0, n),
    values: effect.values.slice(0, n),
    p5: effect.p5?.slice(0, n) ?? null,
    p95: effect.p95?.slice(0, n) ?? null,
  };
}

/**
 * Metrics compared as changes since the approval: a tank's level integrates its net inflow, so
 * a level the plant reached while the operator read the advice carries through the course the
 * action gives it. Pressures and flows follow the state at each moment and are compared as they
 * are.
 */
export const ANCHORED_METRICS: ReadonlySet<string> = new Set(['level']);

/**
 * The predicted course started where the plant stood at the approval (pure): every value and
 * band shifted by startValue − the predicted start, never below 0 (an empty tank); `offset` is
 * that shift. Unchanged (offset null) without a start value or a predicted start.
 */
export function anchorAt(
  predicted: PredictedCourse,
  startValue: number | undefined,
): { course: PredictedCourse; offset: number | null } {
  const first = predicted.values[0];
  if (startValue === undefined || !Number.isFinite(startValue) || first === undefined)
    return { course: predicted, offset: null };
  const offset = startValue - first;
  const shift = (ys: number[]) => ys.map((y) => Math.max(0, y + offset));
  return {
    course: {
      times: predicted.times,
      values: shift(predicted.values),
      p5: predicted.p5 ? shift(predicted.p5) : null,
      p95: predicted.p95 ? shift(predicted.p95) : null,
    },
    offset,
  };
}

/**
 * Measured values against the prediction at matching offsets (pure): each measurement at
 * `offsetS` (plant seconds after the approval) inside the predicted span is compared with the
 * prediction linearly interpolated there, and counted within when it lies in the P5–P95 band
 * widened by the tolerance (prediction ± tolerance without a band). "as_predicted" when at
 * least 90 % are within, "deviated" otherwise, "no_data" without measurements in the span.
 */
export function judgeCheck(
  predicted: PredictedCourse,
  measured: readonly { offsetS: number; value: number }[],
  tolerance: number,
): { verdict: CheckVerdict; numbers: CheckNumbers } {
  const { times } = predicted;
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? Number.NEGATIVE_INFINITY;
  let n = 0;
  let within = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  for (const { offsetS, value } of measured) {
    if (!(offsetS >= first && offsetS <= last) || !Number.isFinite(value)) continue;
    const expected = interpolate(times, predicted.values, offsetS);
    const low = predicted.p5 ? interpolate(times, predicted.p5, offsetS) : expected;
    const high = predicted.p95 ? interpolate(times, predicted.p95, offsetS) : expected;
    const error = Math.abs(value - expected);
    n += 1;
    sumAbs += error;
    maxAbs = Math.max(maxAbs, error);
    if (value >= Math.min(low, high) - tolerance && value <= Math.max(low, high) + tolerance)
      within += 1;
  }
  if (n === 0)
    return {
      verdict: 'no_data',
      numbers: { points: 0, withinBand: null, meanAbsError: null, maxAbsError: null, tolerance },
    };
  const share = within / n;
  return {
    verdict: share >= AS_PREDICTED_SHARE ? 'as_predicted' : 'deviated',
    numbers: {
      points: n,
      withinBand: share,
      meanAbsError: sumAbs / n,
      maxAbsError: maxAbs,
      tolerance,
    },
  };
}

/** Linear interpolation of ys over ascending xs at x (clamped to the ends). */
export function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return Number.NaN;
  if (x <= (xs[0] ?? 0)) return ys[0] ?? Number.NaN;
  for (let i = 1; i < n; i++) {
    const x1 = xs[i] ?? 0;
    if (x <= x1) {
      const x0 = xs[i - 1] ?? 0;
      const y0 = ys[i - 1] ?? 0;
      const y1 = ys[i] ?? 0;
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return ys[n - 1] ?? Number.NaN;
}
