import { describe, expect, it } from 'vitest';
import { AssetLiveStore } from './asset-live-store';

function setup() {
  let now = 0;
  const timers: { fn: () => void; at: number; cancelled: boolean }[] = [];
  const store = new AssetLiveStore({
    throttleMs: 250,
    maxPoints: 3,
    now: () => now,
    schedule: (fn, ms) => {
      const timer = { fn, at: now + ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  let renders = 0;
  store.subscribe(() => (renders += 1));
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) {
      if (!t.cancelled && t.at <= now) {
        t.cancelled = true;
        t.fn();
      }
    }
  };
  return { store, advance, renders: () => renders };
}

describe('AssetLiveStore', () => {
  it('keeps only the selected asset and its newest values', () => {
    const { store } = setup();
    store.select('T1', { level: { v: 1, ts: 10 } });
    store.ingestDelta({ T2: { level: { v: 9, ts: 20 } } });
    expect(store.getState().latest).toEqual({ level: { v: 1, ts: 10 } });
    store.ingestDelta({ T1: { level: { v: 2, ts: 30 }, head: { v: 50, ts: 30 } } });
    store.ingestDelta({ T1: { level: { v: 0, ts: 5 } } });
    expect(store.getState()).toMatchObject({
      latest: { level: { v: 2, ts: 30 }, head: { v: 50, ts: 30 } },
      lastSeenAt: 30,
    });
  });

  it('notifies at most once per throttle window however many deltas arrive', () => {
    const { store, advance, renders } = setup();
    store.select('T1');
    advance(1000);
    const base = renders();
    for (let i = 1; i <= 100; i += 1) {
      store.ingestDelta({ T1: { level: { v: i, ts: i } } });
      advance(10);
    }
    advance(250);
    expect(renders() - base).toBeLessThanOrEqual(5);
    expect(store.getState().latest.level?.v).toBe(100);
  });

  it('appends live points for the trend, capped, and bumps the revision', () => {
    const { store } = setup();
    store.select('T1');
    const r0 = store.getState().revision;
    for (let ts = 1; ts <= 5; ts += 1) store.ingestDelta({ T1: { level: { v: ts * 2, ts } } });
    expect(store.getPoints('level')).toEqual([
      { t: 3, v: 6 },
      { t: 4, v: 8 },
      { t: 5, v: 10 },
    ]);
    expect(store.getState().revision).toBeGreaterThan(r0);
    expect(store.getPoints('flow')).toEqual([]);
  });

  it('applies a snapshot for the selected asset', () => {
    const { store } = setup();
    store.select('PU4');
    store.ingestSnapshot({ PU4: { status: { v: 1, ts: 100 } }, T1: { level: { v: 3, ts: 100 } } });
    expect(store.getState().latest).toEqual({ status: { v: 1, ts: 100 } });
  });

  it('starts a newly selected asset from live values received before, when newer than the seed', () => {
    const { store } = setup();
    store.ingestSnapshot({ T1: { level: { v: 3, ts: 100 } } });
    store.ingestDelta({ T1: { head: { v: 60, ts: 120 } } });
    store.select('T1', { level: { v: 2, ts: 90 }, pressure: { v: 1, ts: 80 } });
    expect(store.getState().latest).toEqual({
      level: { v: 3, ts: 100 },
      head: { v: 60, ts: 120 },
      pressure: { v: 1, ts: 80 },
    });
    expect(store.getState().lastSeenAt).toBe(120);
  });

  it('ignores data when nothing is selected and clears points on a new selection', () => {
    const { store } = setup();
    store.ingestDelta({ T1: { level: { v: 1, ts: 1 } } });
    expect(store.getState().latest).toEqual({});
    store.select('T1');
    store.ingestDelta({ T1: { level: { v: 1, ts: 1 } } });
    store.select('T2');
    expect(store.getPoints('level')).toEqual([]);
  });
});
