import {
  CandidateActionSchema,
  ScenarioSchema,
  type ScenarioInput,
  type ScenarioResult,
} from '@twinhelm/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine, type LocalEngine } from '../engine/local-engine';
import { readNetwork } from '../engine/plain-run.fixture';
import { validateScenario } from '../scenario/validate-scenario';
import { type Candidate } from './candidate';
import { scenarioWith } from './evaluate-candidates';
import { actionWindow, generateCandidates } from './generate-candidates';
import { SMALL_VALVES_INP } from './small-valves.fixture';
import { topologyOf } from './topology';

const ctown = readNetwork('CTOWN.INP');
let engine: LocalEngine;
beforeAll(async () => {
  engine = await createLocalEngine();
});

async function candidatesFor(inp: string, input: ScenarioInput, max = 100) {
  const scenario = ScenarioSchema.parse(input);
  const baseline: ScenarioResult = engine.run(inp, scenario, { maxSteps: 20_000 });
  const topology = await topologyOf(inp);
  const window = actionWindow(
    scenario,
    baseline,
    scenario.horizonS ?? topology.model.times.duration,
  );
  return {
    scenario,
    window,
    candidates: generateCandidates(topology, scenario, baseline, window, max),
  };
}

const PU1_OUTAGE: ScenarioInput = {
  horizonS: 86_400,
  reportStepS: 900,
  perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 86_400 }],
};
const byKind = (cs: Candidate[], kind: string) => cs.filter((c) => c.action.kind === kind);

describe('generateCandidates on C-Town with its main pump PU1 out for 24 h', () => {
  it('derives at least 20 valid candidates from the network and the baseline', async () => {
    const { scenario, candidates } = await candidatesFor(ctown, PU1_OUTAGE);
    expect(candidates.length).toBeGreaterThanOrEqual(20);
    const catalog = engine.open(ctown).catalog;
    for (const c of candidates) {
      expect(CandidateActionSchema.parse(c.action)).toEqual(c.action);
      expect(validateScenario(scenarioWith(scenario, [c]), catalog)).toEqual([]);
      expect(c.action.assetIds).not.toContain('PU1');
    }
    expect(new Set(candidates.map((c) => c.action.description)).size).toBe(candidates.length);
  });

  it('starts the standby pump of the outaged pump’s station', async () => {
    const { candidates } = await candidatesFor(ctown, PU1_OUTAGE);
    const start = byKind(candidates, 'start-pump').find((c) => c.action.assetIds[0] === 'PU3');
    expect(start?.action).toEqual({
      kind: 'start-pump',
      assetIds: ['PU3'],
      description:
        "Start pump PU3 (standby at PU1's station) at 100 % speed from 0 h to 24 h, its controls suspended meanwhile",
      perturbations: [{ type: 'pump-speed', assetId: 'PU3', speed: 1, startS: 0, endS: 86_400 }],
    });
  });

  it('offers pump speeds, tank-control shifts, valve open/close and PRV settings', async () => {
    const { candidates } = await candidatesFor(ctown, PU1_OUTAGE);
    expect(byKind(candidates, 'pump-speed').map((c) => c.label)).toContain('PU2 at 120 %');
    const shift = byKind(candidates, 'tank-control')[0];
    expect(shift?.action.perturbations.map((p) => p.type)).toEqual([
      'control-disabled',
      'pump-speed',
    ]);
    expect(shift?.action.description).toMatch(
      /instead of stopping when T\d rises above [\d.]+ m \(control \d+ suspended/,
    );
    expect(byKind(candidates, 'open-valve').map((c) => c.label)).toContain('Open v1');
    expect(byKind(candidates, 'close-valve').map((c) => c.label)).toContain('Close V2');
    expect(byKind(candidates, 'valve-setting').map((c) => c.label)).toEqual(
      expect.arrayContaining(['v1 to 45 m', 'v1 to 35 m']),
    );
  });

  it('stops pumps that fill a tank the baseline overflows (Net1, stop control off)', async () => {
    const { candidates } = await candidatesFor(readNetwork('Net1.inp'), {
      perturbations: [{ type: 'control-disabled', controlIndex: 2, startS: 0, endS: 86_400 }],
    });
    expect(byKind(candidates, 'stop-pump').map((c) => c.action)).toEqual([
      {
        kind: 'stop-pump',
        assetIds: ['9'],
        description:
          'Stop pump 9, which fills 2 (overflowing in the baseline), from 0 h to 24 h, its controls suspended meanwhile',
        perturbations: [{ type: 'pump-speed', assetId: '9', speed: 0, startS: 0, endS: 86_400 }],
      },
    ]);
  });

  it('is deterministic and keeps the nearest candidates when capped', async () => {
    const all = (await candidatesFor(ctown, PU1_OUTAGE)).candidates;
    const again = (await candidatesFor(ctown, PU1_OUTAGE)).candidates;
    expect(again).toEqual(all);
    expect((await candidatesFor(ctown, PU1_OUTAGE, 7)).candidates).toEqual(all.slice(0, 7));
  });

  it('acts from the outage start when it comes before any violation', async () => {
    const { window, candidates } = await candidatesFor(ctown, {
      ...PU1_OUTAGE,
      perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 7200, endS: 86_400 }],
    });
    expect(window.endS).toBe(86_400);
    expect(window.startS).toBeLessThanOrEqual(7200);
    for (const c of candidates)
      for (const p of c.action.perturbations) expect(p).toMatchObject(window);
  });
});

describe('burst isolation candidates', () => {
  const burst = (assetId: string) => ({
    perturbations: [
      {
        type: 'burst' as const,
        assetId,
        size: { kind: 'coefficient' as const, lpsPerSqrtM: 150 },
        startS: 3600,
        endS: 86_400,
      },
    ],
  });

  it('closes exactly the valves that bound the burst’s segment', async () => {
    const { candidates } = await candidatesFor(SMALL_VALVES_INP, burst('J3'));
    const isolate = byKind(candidates, 'isolate-segment');
    expect(isolate).toHaveLength(1);
    expect(isolate[0]?.action.assetIds).toEqual(['V1', 'V2', 'V3']);
    expect(isolate[0]?.action.perturbations).toEqual(
      ['V1', 'V2', 'V3'].map((assetId) => ({
        type: 'valve-setting',
        assetId,
        status: 'closed',
        startS: 3600,
        endS: 86_400,
      })),
    );
    expect(isolate[0]?.action.description).toBe(
      'Isolate the burst at J3: close V1, V2, V3 from 1 h to 24 h (the segment holds J3 and cuts off 3 more nodes)',
    );
  });

  it('closes the pipes around the burst, and says so, on a network without valves', async () => {
    const { candidates } = await candidatesFor(readNetwork('Net1.inp'), burst('22'));
    const isolate = byKind(candidates, 'isolate-segment')[0];
    expect(isolate?.action.perturbations.every((p) => p.type === 'asset-outage')).toBe(true);
    expect(isolate?.action.assetIds.length).toBeGreaterThanOrEqual(2);
    expect(isolate?.assumptions[0]).toMatch(
      /^No isolation valves near 22 \(the model has no valves\): each pipe end at 22 is taken as a valve position/,
    );
  });
});
