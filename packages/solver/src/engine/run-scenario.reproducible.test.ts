import {
  LiveStateSchema,
  type ScenarioInput,
  ScenarioSchema,
  type ScenarioResult,
} from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { createLocalEngine } from './local-engine';
import { readNetwork } from './plain-run.fixture';

const ctown = readNetwork('CTOWN.INP');
const DAY = 86_400;
const state = (s: object) =>
  LiveStateSchema.parse({ takenAt: 0, timeOfDayS: 0, tanks: {}, pumps: {}, valves: {}, ...s });
const scenario = (perturbations: ScenarioInput['perturbations'] = []) =>
  ScenarioSchema.parse({ horizonS: DAY, perturbations });
const budget = { maxSteps: 20_000 };

/** The run under test: a bound state and a few perturbations. */
const target = {
  scenario: scenario([
    { type: 'asset-outage', assetId: 'PU1', startS: 3600, endS: 7200 },
    { type: 'demand-multiplier', dma: 'DMA4', multiplier: 1.2, startS: 0, endS: DAY },
  ]),
  binding: {
    state: state({ tanks: { T3: { levelM: 4 } }, pumps: { PU4: { on: true } }, timeOfDayS: 3600 }),
  },
};

/** Runs that change every kind of value a run edits and puts back. */
const before: { scenario: ReturnType<typeof scenario>; binding: object }[] = [
  {
    scenario: scenario(),
    binding: { state: state({ tanks: { T1: { levelM: 5.5 }, T5: { levelM: 0.7 } } }) },
  },
  {
    scenario: scenario(),
    binding: { state: state({ demandMultipliers: { all: 1.3, dma: { DMA1: 0.7 } } }) },
  },
  {
    scenario: scenario(),
    binding: {
      state: state({
        pumps: { PU1: { on: true, speed: 0.8 }, PU2: { on: false } },
        valves: { v1: { setting: 33 }, V2: { status: 'open' }, V45: { status: 'closed' } },
      }),
    },
  },
  { scenario: scenario(), binding: { roughnessFactor: 0.83 } },
  {
    scenario: scenario([
      {
        type: 'burst',
        assetId: 'J10',
        size: { kind: 'orifice', diameterMm: 40 },
        startS: 0,
        endS: 7200,
      },
      { type: 'fire-flow', assetId: 'J20', flowLps: 30, startS: 3600, endS: 10_800 },
      { type: 'tank-level', assetId: 'T2', levelM: 3, startS: 0, endS: 3600 },
      { type: 'valve-setting', assetId: 'v1', setting: 30, startS: 0, endS: 7200 },
      { type: 'pump-speed', assetId: 'PU2', speed: 0.7, startS: 0, endS: 7200 },
      { type: 'control-disabled', controlIndex: 3, startS: 0, endS: 7200 },
      {
        type: 'demand-multiplier',
        junctionIds: ['J10', 'J11'],
        multiplier: 2,
        startS: 0,
        endS: DAY,
      },
    ]),
    binding: {},
  },
];

/** Largest absolute difference between two results' heads and flows. */
function largestDifference(a: ScenarioResult, b: ScenarioResult): number {
  let worst = 0;
  for (const [id, n] of Object.entries(a.nodes)) {
    n.head.forEach(
      (h, k) => (worst = Math.max(worst, Math.abs(h - (b.nodes[id]?.head[k] ?? NaN)))),
    );
  }
  for (const [id, l] of Object.entries(a.links)) {
    l.flow.forEach(
      (q, k) => (worst = Math.max(worst, Math.abs(q - (b.links[id]?.flow[k] ?? NaN)))),
    );
  }
  return worst;
}

describe('runs on an open model do not depend on the runs before them', () => {
  it('gives bit-identical results after runs that edit every kind of value (C-Town)', async () => {
    const fresh = await createLocalEngine();
    const expected = fresh.run(ctown, target.scenario, budget, target.binding);
    const used = await createLocalEngine();
    for (const run of before) used.run(ctown, run.scenario, budget, run.binding);
    const got = used.run(ctown, target.scenario, budget, target.binding);
    expect(largestDifference(expected, got)).toBe(0);
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
  });
});
