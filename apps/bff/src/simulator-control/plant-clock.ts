import type { BindLiveState } from '../nowcast/nowcast-types';

const DAY_S = 86_400;

/** What the clock reads of the running simulator (the worker handle's stats()). */
export interface PlantTimeSource {
  stats(): { running: boolean; plantTimeS: number };
}

/**
 * The demo plant's time of day. The simulator runs its own day (plant time, SIMULATOR_SPEEDUP
 * times the wall clock: a C-Town day in 24 wall minutes at 60×), so a run from its site's live
 * state must start at the plant's time of day, not the wall clock's: demand patterns and
 * clock-time controls follow it. Without this, a what-if at 09:00 wall time of a plant at 02:00
 * predicts the morning's demand for the night's.
 */
export interface PlantClock {
  /**
   * Seconds after midnight on the plant now, for the simulator's site while it runs; undefined
   * otherwise (the wall clock and SITE_UTC_OFFSET_MIN apply).
   */
  timeOfDayOf(siteId: string): number | undefined;
  /**
   * Reads the simulator of `siteId` from now on (server.ts, once it has started). startClockS:
   * the network's start clock time (its plant time 0), 0 for C-Town.
   */
  attach(siteId: string, source: PlantTimeSource, startClockS?: number): void;
}

export function createPlantClock(): PlantClock {
  let attached: { siteId: string; source: PlantTimeSource; startClockS: number } | undefined;
  return {
    timeOfDayOf(siteId) {
      if (attached?.siteId !== siteId) return undefined;
      const { running, plantTimeS } = attached.source.stats();
      if (!running || !Number.isFinite(plantTimeS)) return undefined;
      const s = Math.floor(attached.startClockS + plantTimeS);
      return ((s % DAY_S) + DAY_S) % DAY_S;
    },
    attach(siteId, source, startClockS = 0) {
      attached = { siteId, source, startClockS };
    },
  };
}

/** The nowcast's live-state binding, started at the plant's time of day for the plant's site. */
export function onPlantClock(bind: BindLiveState, clock: PlantClock): BindLiveState {
  return async (input) => {
    const state = await bind(input);
    const timeOfDayS = clock.timeOfDayOf(input.siteId);
    return timeOfDayS === undefined ? state : { ...state, timeOfDayS };
  };
}
