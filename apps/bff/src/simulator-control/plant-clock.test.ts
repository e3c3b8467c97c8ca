import type { LiveState } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { createPlantClock, onPlantClock } from './plant-clock';

const stats = { running: true, plantTimeS: 0 };
const source = { stats: () => stats };

describe('createPlantClock', () => {
  it("reads the plant's time of day for the simulator's site only, once attached and running", () => {
    const clock = createPlantClock();
    expect(clock.timeOfDayOf('ctown')).toBeUndefined();
    clock.attach('ctown', source);
    stats.plantTimeS = 7449.18;
    expect(clock.timeOfDayOf('ctown')).toBe(7449);
    stats.plantTimeS = 3 * 86_400 + 46_864.8;
    expect(clock.timeOfDayOf('ctown')).toBe(46_864);
    expect(clock.timeOfDayOf('other')).toBeUndefined();
    stats.running = false;
    expect(clock.timeOfDayOf('ctown')).toBeUndefined();
    stats.running = true;
  });

  it("adds the network's start clock time", () => {
    const clock = createPlantClock();
    clock.attach('ctown', source, 22 * 3600);
    stats.plantTimeS = 3 * 3600;
    expect(clock.timeOfDayOf('ctown')).toBe(3600);
  });
});

describe('onPlantClock', () => {
  it("starts the nowcast's live state at the plant's time of day, other sites at the wall clock's", async () => {
    const clock = createPlantClock();
    clock.attach('ctown', source);
    stats.plantTimeS = 7200;
    const bound: LiveState = {
      takenAt: 1,
      timeOfDayS: 32_638,
      tanks: { T5: { levelM: 0.775 } },
      pumps: {},
      valves: {},
      demandMultipliers: {},
    };
    const bind = onPlantClock(() => bound, clock);
    const input = { hash: 'h', state: {}, nowMs: 1, utcOffsetMin: 0, maxAgeMs: 1 };
    expect(await bind({ ...input, siteId: 'ctown' })).toEqual({ ...bound, timeOfDayS: 7200 });
    expect(await bind({ ...input, siteId: 'other' })).toBe(bound);
  });
});
