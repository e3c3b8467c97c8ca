import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_QUANTILES, percentilesOf, quantilesInPlace } from './percentiles';

/** Reference: numpy's default (linear) quantile over a sorted copy. */
function reference(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const low = sorted[lo] ?? NaN;
  return low + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? NaN) - low);
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

describe('quantilesInPlace', () => {
  it('agrees with a sort-based reference for any list and ascending quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 250 }),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (values, qs) => {
          const sorted = [...qs].sort((a, b) => a - b);
          const out = new Float64Array(sorted.length);
          quantilesInPlace(Float64Array.from(values), values.length, sorted, out);
          sorted.forEach((q, k) => {
            const want = reference(values, q);
            expect(Math.abs((out[k] ?? NaN) - want)).toBeLessThanOrEqual(
              1e-9 * (1 + Math.abs(want)),
            );
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives ordered percentiles within the range, whatever the order of the members', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 200 }), (values) => {
        const { p5, p50, p95 } = percentilesOf(values);
        expect(p5).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p95);
        expect(p5).toBeGreaterThanOrEqual(Math.min(...values));
        expect(p95).toBeLessThanOrEqual(Math.max(...values));
        expect(percentilesOf([...values].reverse())).toEqual({ p5, p50, p95 });
      }),
    );
  });

  it('uses only the first n values and reads NaN for an empty list', () => {
    const out = new Float64Array(3);
    quantilesInPlace(Float64Array.from([3, 1, 2, 100]), 3, BAND_QUANTILES, out);
    expect(out[0]).toBeCloseTo(1.1, 12);
    expect(out[1]).toBe(2);
    expect(out[2]).toBeCloseTo(2.9, 12);
    quantilesInPlace(new Float64Array(0), 0, BAND_QUANTILES, out);
    expect([...out].every(Number.isNaN)).toBe(true);
  });

  it('collapses to the value when every member agrees', () => {
    expect(percentilesOf(Array.from({ length: 200 }, () => 42.5))).toEqual({
      p5: 42.5,
      p50: 42.5,
      p95: 42.5,
    });
  });
});
