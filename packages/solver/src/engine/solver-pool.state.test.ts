import { LiveStateSchema, ScenarioSchema } from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from './local-engine';
import { readNetwork } from './plain-run.fixture';
import { createSolverPool } from './solver-pool';

const ctown = readNetwork('CTOWN.INP');
const first = createSolverPool({ size: 1 });
const second = createSolverPool({ size: 1 });
afterAll(() => Promise.all([first.close(), second.close()]));

const state = LiveStateSchema.parse({
  takenAt: 1_790_000_000_000,
  timeOfDayS: 7 * 3600,
  tanks: { T1: { levelM: 4.2 }, T4: { levelM: 3.1 } },
  pumps: { PU2: { on: true, speed: 0.95 }, PU4: { on: true } },
  valves: { v1: { setting: 38 } },
  demandMultipliers: { all: 1.05, dma: { DMA1: 1.2 } },
});
const scenario = ScenarioSchema.parse({
  horizonS: 86_400,
  seed: 42,
  tariff: {
    periods: [
      { fromS: 0, pricePerKwh: 0.1 },
      { fromS: 25_200, pricePerKwh: 0.3 },
    ],
  },
  perturbations: [
    { type: 'asset-outage', assetId: 'PU2', startS: 3600, endS: 14_400 },
    { type: 'demand-multiplier', dma: 'DMA2', multiplier: 1.3, startS: 0, endS: 43_200 },
  ],
});
const request = { inp: ctown, scenario, state, roughnessFactor: 0.97 };

describe('solver pool with a live state and a roughness factor', () => {
  it('carries them through the worker and records the state and start clock with the result', async () => {
    const outcome = await first.run(request);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.result.state).toEqual(state);
    expect(outcome.result.startClockS).toBe(7 * 3600);
    const engine = await createLocalEngine(1);
    const local = engine.run(
      ctown,
      scenario,
      { maxSteps: 20_000 },
      { state, roughnessFactor: 0.97 },
    );
    expect(outcome.result).toEqual(local);
  });

  it('is reproducible: the same model, state, scenario and seed give identical results in two pools, whatever ran before', async () => {
    const other = LiveStateSchema.parse({
      takenAt: 0,
      timeOfDayS: 0,
      tanks: { T1: { levelM: 1 } },
      pumps: { PU1: { on: true }, PU3: { on: true }, PU2: { on: false } },
      valves: {},
    });
    const warmUp = await second.run({ inp: ctown, scenario, state: other });
    expect(warmUp.ok).toBe(true);
    const [a, b] = await Promise.all([first.run(request), second.run(request)]);
    expect(a.ok && b.ok).toBe(true);
    expect(b).toEqual(a);
  });

  it('fails a state that does not fit the network as invalid, naming every problem', async () => {
    const outcome = await first.run({
      ...request,
      state: { ...state, tanks: { T11: { levelM: 1 } }, pumps: { V2: { on: true } } },
    });
    expect(outcome).toEqual({
      ok: false,
      failure: {
        kind: 'invalid',
        message: expect.stringContaining('state.tanks.T11') as unknown,
        problems: [
          'state.tanks.T11: T11: unknown tank in this network (did you mean T1, T2, T3?)',
          'state.pumps.V2: V2 is a valve, expected a pump',
        ],
      },
    });
  });
});
