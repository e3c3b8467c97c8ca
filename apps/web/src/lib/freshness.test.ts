import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAge, freshnessOf, lastSampleAt } from './freshness';

describe('freshnessOf', () => {
  const now = 1_700_000_000_000;
  it('is unmeasured when the asset never reported', () => {
    expect(freshnessOf(null, now)).toBe('unmeasured');
  });
  it('uses 60 s when no interval is declared', () => {
    expect(freshnessOf(now - 60_000, now)).toBe('fresh');
    expect(freshnessOf(now - 60_001, now)).toBe('stale');
  });
  it('honours the declared interval', () => {
    expect(freshnessOf(now - 200_000, now, 300)).toBe('fresh');
    expect(freshnessOf(now - 11_000, now, 10)).toBe('stale');
  });
  it('falls back to the default for a nonsensical interval', () => {
    expect(freshnessOf(now - 30_000, now, 0)).toBe('fresh');
    expect(freshnessOf(now - 30_000, now, -5)).toBe('fresh');
  });
  it('treats samples from the future as fresh', () => {
    expect(freshnessOf(now + 10_000, now)).toBe('fresh');
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [999, 'just now'],
    [12_400, '12 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [3_599_000, '59 min ago'],
    [3_600_000, '1 h ago'],
    [47 * 3_600_000, '47 h ago'],
    [49 * 3_600_000, '2 d ago'],
    [-2_000, 'just now'],
    [-60_000, 'in the future'],
    [Number.NaN, 'unknown'],
    [Number.POSITIVE_INFINITY, 'unknown'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('never throws and always says something', () => {
    fc.assert(
      fc.property(fc.double(), (ms) => {
        expect(formatAge(ms).length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('lastSampleAt', () => {
  it('is null without samples', () => {
    expect(lastSampleAt({})).toBeNull();
  });
  it('picks the newest metric', () => {
    expect(lastSampleAt({ a: { ts: 5 }, b: { ts: 9 }, c: { ts: 1 } })).toBe(9);
  });
});
