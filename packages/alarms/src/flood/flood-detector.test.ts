import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFloodDetector } from './flood-detector';

const MIN = 60_000;

describe('flood detection', () => {
  it('starts above 10 alarms in 10 minutes and ends below 5, stamped when the count fell', () => {
    const flood = createFloodDetector();
    const changes = [];
    for (let i = 0; i < 11; i++) changes.push(...flood.record('ctown', i * 30_000));
    expect(changes).toEqual([
      { siteId: 'ctown', flood: true, ts: 300_000, count: 11, windowMs: 600_000 },
    ]);
    expect(flood.state('ctown')).toEqual({ flood: true, count: 11 });
    expect(flood.advance(10 * MIN + 150_000)).toEqual([]);
    // Alarms at 0..300 s leave at 600..900 s; the 7th to leave (at 780 s) drops the count to 4.
    expect(flood.advance(20 * MIN)).toEqual([
      { siteId: 'ctown', flood: false, ts: 780_000, count: 4, windowMs: 600_000 },
    ]);
    expect(flood.state('ctown')).toEqual({ flood: false, count: 0 });
  });

  it('keeps sites apart and ignores time going backwards', () => {
    const flood = createFloodDetector({ onAbove: 2, offBelow: 1, windowMs: MIN });
    flood.record('a', 0);
    flood.record('b', 0);
    flood.record('a', 10);
    expect(flood.record('a', 5)).toMatchObject([{ siteId: 'a', flood: true, ts: 10, count: 3 }]);
    expect(flood.state('b')).toEqual({ flood: false, count: 1 });
  });

  it('refuses an off threshold above the on threshold + 1', () => {
    expect(() => createFloodDetector({ onAbove: 3, offBelow: 9 })).toThrow(
      'flood offBelow (9) must not exceed onAbove + 1 (4)',
    );
  });

  it('alternates on and off, and is on exactly when a window would say so', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { maxLength: 200 }), (gaps) => {
        const flood = createFloodDetector();
        let t = 0;
        let on = false;
        const times: number[] = [];
        for (const gap of gaps) {
          t += gap;
          times.push(t);
          for (const change of flood.record('s', t)) {
            expect(change.flood).toBe(!on);
            on = change.flood;
          }
          const inWindow = times.filter((x) => x > t - 600_000).length;
          expect(flood.state('s').count).toBe(inWindow);
          if (inWindow > 10) expect(on).toBe(true);
          if (inWindow < 5) expect(on).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
