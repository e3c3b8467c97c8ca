import { describe, expect, it } from 'vitest';
import { FloodTracker } from './flood-tracker';

const MIN = 60_000;
const none = { announcements: [], floods: [] };

describe('FloodTracker (EEMUA 191 per site, rebuilt after a restart)', () => {
  it('starts a flood at the 11th announcement in 10 minutes and ends it with its peak', () => {
    const flood = new FloodTracker('ctown', none, 0);
    const ops = Array.from({ length: 12 }, (_, i) => flood.announced(i * 1000)).flat();
    expect(ops).toEqual([{ type: 'start', at: 10_000, count: 11, windowMs: 10 * MIN }]);
    expect(flood.status(12_000)).toEqual({
      active: true,
      since: 10_000,
      count: 12,
      windowMs: 10 * MIN,
      last24h: 1,
    });
    // the count falls under 5 when the 8th announcement (t = 7 s) leaves the window
    expect(flood.advance(20 * MIN)).toEqual([
      { type: 'end', startedAt: 10_000, at: 10 * MIN + 7000, peak: 12 },
    ]);
    expect(flood.status(20 * MIN)).toMatchObject({ active: false, since: null, count: 0 });
  });

  it('continues a flood still open at the stop, without a second start', () => {
    const now = 100 * MIN;
    const announcements = Array.from({ length: 11 }, (_, i) => now - 5 * MIN + i * 1000);
    const flood = new FloodTracker(
      'ctown',
      { announcements, floods: [{ startedAt: now - 5 * MIN + 10_000, endedAt: null, peak: 11 }] },
      now,
    );
    expect(flood.pendingOps).toEqual([]);
    expect(flood.status(now)).toMatchObject({ active: true, since: now - 5 * MIN + 10_000 });
    expect(flood.announced(now)).toEqual([]);
  });

  it('closes a flood that ended while the engine was down', () => {
    const now = 100 * MIN;
    const flood = new FloodTracker(
      'ctown',
      {
        announcements: [now - MIN],
        floods: [{ startedAt: now - 30 * MIN, endedAt: null, peak: 14 }],
      },
      now,
    );
    expect(flood.pendingOps).toEqual([
      { type: 'end', startedAt: now - 30 * MIN, at: now, peak: 14 },
    ]);
    expect(flood.status(now)).toMatchObject({ active: false, count: 1, last24h: 1 });
  });
});
