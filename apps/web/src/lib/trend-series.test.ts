import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTrendSeries, MIN_BAND_BUCKETS, timeTicks } from './trend-series';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const bucket = (t: number, v: number, spread = 1) => ({
  t,
  v,
  min: v - spread,
  max: v + spread,
  n: 10,
});

describe('buildTrendSeries', () => {
  it('draws no band for a few wide buckets, and extends the line with live samples', () => {
    const s = buildTrendSeries(
      [bucket(NOW - 120_000, 96), bucket(NOW - 60_000, 97)],
      [
        { t: NOW - 60_000, v: 50 },
        { t: NOW - 30_000, v: 95.5 },
        { t: NOW - 10_000, v: 96.2 },
      ],
      NOW,
      6 * H,
    );
    expect(s.showBand).toBe(false);
    expect(s.points.every((p) => p.band === undefined)).toBe(true);
    expect(s.points.map((p) => p.v)).toEqual([96, 97, 95.5, 96.2]);
    expect(s.domain).toEqual([NOW - 120_000, NOW]);
    expect(s.coversWindow).toBe(false);
  });

  it('draws the band on history buckets only once there are enough of them', () => {
    const history = Array.from({ length: MIN_BAND_BUCKETS }, (_, i) =>
      bucket(NOW - (MIN_BAND_BUCKETS - i) * 60_000, 2.8),
    );
    const s = buildTrendSeries(history, [{ t: NOW - 1000, v: 2.9 }], NOW, 6 * H);
    expect(s.showBand).toBe(true);
    for (const p of s.points.slice(0, -1)) {
      expect(p.band?.[0]).toBeCloseTo(1.8, 9);
      expect(p.band?.[1]).toBeCloseTo(3.8, 9);
    }
    expect(s.points.at(-1)?.band).toBeUndefined();
  });

  it('trims to the window ending now and says when the data covers the whole window', () => {
    const history = Array.from({ length: 400 }, (_, i) => bucket(NOW - 7 * H + i * 63_000, 1));
    const s = buildTrendSeries(history, [], NOW, 6 * H);
    expect(s.domain[0] - (NOW - 6 * H)).toBeLessThan(63_000);
    expect(s.domain[1]).toBe(NOW);
    expect(s.points.every((p) => p.t >= NOW - 6 * H)).toBe(true);
    expect(s.coversWindow).toBe(true);
    expect(s.withSeconds).toBe(false);
  });

  it('gives a one-minute axis with second ticks for a single sample, and survives no data', () => {
    const one = buildTrendSeries([], [{ t: NOW, v: 1 }], NOW, 6 * H);
    expect(one.domain).toEqual([NOW - 60_000, NOW]);
    expect(one.withSeconds).toBe(true);
    const none = buildTrendSeries([], [], NOW, 6 * H);
    expect(none.points).toEqual([]);
    expect(none.domain[1]).toBe(NOW);
  });

  it('ignores non-finite values and duplicate live timestamps', () => {
    const s = buildTrendSeries(
      [{ t: NOW - 1000, v: Number.NaN, min: 0, max: 1, n: 1 }],
      [
        { t: NOW - 500, v: 1 },
        { t: NOW - 500, v: 1 },
        { t: NOW - 100, v: Number.POSITIVE_INFINITY },
      ],
      NOW,
      6 * H,
    );
    expect(s.points).toEqual([{ t: NOW - 500, v: 1 }]);
  });
});

describe('timeTicks', () => {
  it('picks round steps: 1 h over 6 h, 1 min over 5 min', () => {
    expect(timeTicks(NOW - 6 * H, NOW).stepMs).toBe(2 * H);
    expect(timeTicks(NOW - 5 * 60_000, NOW).stepMs).toBe(60_000);
  });

  it('keeps ticks inside the range, sorted, at most the count asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 6 * H }),
        fc.integer({ min: 2, max: 8 }),
        (from, span, max) => {
          const { ticks } = timeTicks(from, from + span, max);
          expect(ticks.length).toBeLessThanOrEqual(max + 1);
          for (const t of ticks) {
            expect(t).toBeGreaterThanOrEqual(from);
            expect(t).toBeLessThanOrEqual(from + span);
          }
          expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
        },
      ),
    );
  });
});
