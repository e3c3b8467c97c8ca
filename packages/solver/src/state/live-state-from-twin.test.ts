import { ASSET_TYPES, LiveStateSchema, type TwinState } from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveStateFromTwin } from './live-state-from-twin';

const NOW = Date.UTC(2026, 10, 22, 6, 30, 0);
const at = (v: number, ts = NOW - 1000) => ({ v, ts });
const ASSETS = [
  { id: 'T1', type: 'tank' },
  { id: 'PU1', type: 'pump' },
  { id: 'PU2', type: 'pump' },
  { id: 'V1', type: 'valve' },
  { id: 'V2', type: 'valve' },
  { id: 'V3', type: 'valve' },
  { id: 'J1', type: 'junction' },
] as const;

describe('liveStateFromTwin', () => {
  it('maps tank levels, pump status and speed, valve status and setting', () => {
    const twin: TwinState = {
      T1: { level: at(3.25, NOW - 5000), head: at(70) },
      PU1: { status: at(1), speed: at(0.9, NOW - 200), flow: at(40) },
      PU2: { status: at(0), speed: at(0) },
      V1: { status: at(0), setting: at(30) },
      V2: { status: at(2), setting: at(35.5) },
      V3: { status: at(1) },
      J1: { pressure: at(40) },
    };
    expect(liveStateFromTwin(twin, ASSETS, { nowMs: NOW, utcOffsetMin: 60 })).toEqual({
      takenAt: NOW - 200,
      timeOfDayS: 7.5 * 3600,
      tanks: { T1: { levelM: 3.25 } },
      pumps: { PU1: { on: true, speed: 0.9 }, PU2: { on: false } },
      valves: { V1: { status: 'closed' }, V2: { setting: 35.5 }, V3: { status: 'open' } },
      demandMultipliers: {},
    });
  });

  it('leaves out unknown assets, non-finite and out-of-range values, and stale samples', () => {
    const twin: TwinState = {
      T1: { level: at(-0.5) },
      PU1: { status: at(Number.NaN), speed: at(Number.POSITIVE_INFINITY) },
      PU2: { speed: at(4) },
      V1: { setting: at(-1) },
      V2: { status: at(1, NOW - 7_200_000) },
      T9: { level: at(2) },
    };
    const state = liveStateFromTwin(twin, ASSETS, {
      nowMs: NOW,
      utcOffsetMin: 0,
      maxAgeMs: 3_600_000,
    });
    expect(state).toEqual({
      takenAt: NOW,
      timeOfDayS: 6.5 * 3600,
      tanks: {},
      pumps: {},
      valves: {},
      demandMultipliers: {},
    });
  });

  it('takes a pump without a status as running when its speed is above 0', () => {
    const twin: TwinState = { PU1: { speed: at(0.8) }, PU2: { speed: at(0) } };
    const state = liveStateFromTwin(twin, ASSETS, { nowMs: NOW, utcOffsetMin: 0 });
    expect(state.pumps).toEqual({ PU1: { on: true, speed: 0.8 }, PU2: { on: false } });
  });

  it('wraps the time of day for offsets across midnight in both directions', () => {
    const opts = (utcOffsetMin: number) => ({ nowMs: NOW, utcOffsetMin });
    expect(liveStateFromTwin({}, [], opts(-480)).timeOfDayS).toBe(22.5 * 3600);
    expect(liveStateFromTwin({}, [], opts(18 * 60)).timeOfDayS).toBe(0.5 * 3600);
  });

  it('never throws and always gives a state LiveStateSchema accepts (property)', () => {
    const metric = fc.constantFrom('level', 'status', 'speed', 'setting', 'flow', '__proto__');
    const sample = fc.record({ v: fc.double(), ts: fc.double() });
    const id = fc.oneof(
      fc.constantFrom('T1', 'PU1', 'V1', '__proto__', 'constructor', 'a b', ''),
      fc.string({ maxLength: 40 }),
    );
    const twin = fc.dictionary(id, fc.dictionary(metric, sample));
    const assets = fc.array(fc.record({ id, type: fc.constantFrom(...ASSET_TYPES) }));
    const opts = fc.record({
      nowMs: fc.double(),
      utcOffsetMin: fc.double(),
      maxAgeMs: fc.option(fc.double(), { nil: undefined }),
    });
    fc.assert(
      fc.property(twin, assets, opts, (t, a, o) => {
        const state = liveStateFromTwin(t, a, o);
        expect(LiveStateSchema.safeParse(state).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
