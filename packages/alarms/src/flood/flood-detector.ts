import type { FloodChange } from '@twinhelm/contracts';

export interface FloodOptions {
  /** Flood starts when the window holds more than this many alarms (EEMUA 191: 10). */
  onAbove?: number;
  /** Flood ends when the window holds fewer than this many (EEMUA 191: 5). */
  offBelow?: number;
  /** Sliding window (ms), default 10 minutes. */
  windowMs?: number;
}

export interface FloodState {
  flood: boolean;
  /** Alarms in the window as of the last record or advance. */
  count: number;
}

export interface FloodDetector {
  /** Counts one announced alarm of a site at `ts`; returns the flood changes it caused. */
  record(siteId: string, ts: number): FloodChange[];
  /** Advances the clock for every site: floods end as alarms leave the window. */
  advance(now: number): FloodChange[];
  state(siteId: string): FloodState;
}

interface SiteWindow {
  times: number[];
  head: number;
  flood: boolean;
  clock: number;
}

export const FLOOD_DEFAULTS = { onAbove: 10, offBelow: 5, windowMs: 600_000 } as const;

/**
 * Sliding-window flood detection per site, with hysteresis (on above `onAbove`, off below
 * `offBelow`). An alarm stays in the window for `windowMs` after its time; a flood's end is
 * stamped with the exact time the count fell, not the time someone asked. Times that go
 * backwards within a site are taken as the site's latest time.
 */
export function createFloodDetector(options: FloodOptions = {}): FloodDetector {
  const { onAbove, offBelow, windowMs } = { ...FLOOD_DEFAULTS, ...options };
  if (!(offBelow <= onAbove + 1))
    throw new Error(`flood offBelow (${offBelow}) must not exceed onAbove + 1 (${onAbove + 1})`);
  const sites = new Map<string, SiteWindow>();

  const count = (w: SiteWindow): number => w.times.length - w.head;

  function expire(siteId: string, w: SiteWindow, now: number, out: FloodChange[]): void {
    while (w.head < w.times.length && w.times[w.head]! + windowMs <= now) {
      const leftAt = w.times[w.head]! + windowMs;
      w.head++;
      if (w.flood && count(w) < offBelow) {
        w.flood = false;
        out.push({ siteId, flood: false, ts: leftAt, count: count(w), windowMs });
      }
    }
    if (w.head > 256 && w.head * 2 > w.times.length) {
      w.times = w.times.slice(w.head);
      w.head = 0;
    }
  }

  return {
    record(siteId, ts) {
      const w = sites.get(siteId) ?? { times: [], head: 0, flood: false, clock: ts };
      sites.set(siteId, w);
      const at = Math.max(ts, w.clock);
      w.clock = at;
      const out: FloodChange[] = [];
      expire(siteId, w, at, out);
      w.times.push(at);
      if (!w.flood && count(w) > onAbove) {
        w.flood = true;
        out.push({ siteId, flood: true, ts: at, count: count(w), windowMs });
      }
      return out;
    },
    advance(now) {
      const out: FloodChange[] = [];
      for (const [siteId, w] of sites) {
        if (now <= w.clock) continue;
        w.clock = now;
        expire(siteId, w, now, out);
      }
      return out;
    },
    state(siteId) {
      const w = sites.get(siteId);
      return w ? { flood: w.flood, count: count(w) } : { flood: false, count: 0 };
    },
  };
}
