import { BAND_QUANTILES, quantilesInPlace } from './band-quantiles.mjs';

export { BAND_QUANTILES, quantilesInPlace };

/** P5/P50/P95 of a list (pure: works on a copy). */
export function percentilesOf(values: readonly number[]): { p5: number; p50: number; p95: number } {
  const out = new Float64Array(BAND_QUANTILES.length);
  quantilesInPlace(Float64Array.from(values), values.length, BAND_QUANTILES, out);
  return { p5: out[0] ?? NaN, p50: out[1] ?? NaN, p95: out[2] ?? NaN };
}
