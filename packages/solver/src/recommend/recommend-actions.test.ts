import {
  type LiveState,
  RecommendationSetSchema,
  type RecommendationSet,
  ScenarioSchema,
} from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../engine/plain-run.fixture';
import { RunError } from '../engine/run-errors';
import { createSolverPool, type RunRequest, type SolverPool } from '../engine/solver-pool';
import { recommendActions } from './recommend-actions';
import { SMALL_VALVES_INP } from './small-valves.fixture';

const pool = createSolverPool({ size: 2 });
afterAll(() => pool.close());
const ctown = readNetwork('CTOWN.INP');
const net1 = readNetwork('Net1.inp');

const pu1Outage = ScenarioSchema.parse({
  horizonS: 86_400,
  reportStepS: 900,
  perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 86_400 }],
});
const burstAtJ3 = ScenarioSchema.parse({
  perturbations: [
    {
      type: 'burst',
      assetId: 'J3',
      size: { kind: 'coefficient', lpsPerSqrtM: 150 },
      startS: 3600,
      endS: 86_400,
    },
  ],
});
const withoutTime = (set: RecommendationSet) => ({ ...set, elapsedMs: 0 });

describe('recommendActions on C-Town with its main pump PU1 out for 24 h', () => {
  it('evaluates at least 20 candidates and ranks actions that remove violations', async () => {
    const progress: [number, number][] = [];
    const set = await recommendActions(
      pool,
      { inp: ctown, scenario: pu1Outage },
      { onProgress: (done, total) => progress.push([done, total]) },
    );
    expect(RecommendationSetSchema.parse(set)).toEqual(set);
    expect(set.candidatesEvaluated).toBeGreaterThanOrEqual(20);
    expect(set.candidatesFailed).toBe(0);
    expect(set.recommendations.length).toBe(5);
    expect(set.recommendations.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    const counts = set.recommendations.map((r) => r.violations.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    for (const r of set.recommendations) {
      expect(r.deltas.violations).toBeLessThan(0);
      expect(r.violations.length).toBeLessThan(set.baseline.violations.length);
      expect(r.why).toMatch(/^Cuts violations from \d+ to \d+/);
      expect(r.assumptions).toContain('Pump curves, pipe roughness and controls as in the model.');
    }
    const titles = set.recommendations.map((r) => r.title).join(' | ');
    expect(titles).toContain('Start PU3');
    expect(set.baseline.violations.some((v) => v.kind === 'tank-empty' && v.assetId === 'T1')).toBe(
      true,
    );
    expect(progress.at(-1)).toEqual([set.candidatesEvaluated + 1, set.candidatesEvaluated + 1]);
    expect(progress.map(([done]) => done)).toEqual(progress.map((_, i) => i + 1));
  }, 120_000);
});

describe('recommendActions on a burst', () => {
  it('recommends isolating the burst’s valve segment, deterministically', async () => {
    const a = await recommendActions(pool, { inp: SMALL_VALVES_INP, scenario: burstAtJ3 });
    const isolate = a.recommendations
      .flatMap((r) => r.actions)
      .find((x) => x.kind === 'isolate-segment');
    expect(isolate?.assetIds).toEqual(['V1', 'V2', 'V3']);
    const b = await recommendActions(pool, { inp: SMALL_VALVES_INP, scenario: burstAtJ3 });
    expect(withoutTime(b)).toEqual(withoutTime(a));
  }, 60_000);

  it('passes the bound live state to every run', async () => {
    const seen: unknown[] = [];
    const recording: Pick<SolverPool, 'run'> = {
      run: (request: RunRequest) => {
        seen.push(request.state);
        return pool.run(request);
      },
    };
    const state: LiveState = {
      takenAt: Date.UTC(2026, 0, 5, 6),
      timeOfDayS: 21_600,
      tanks: {},
      pumps: {},
      valves: {},
      demandMultipliers: {},
    };
    const set = await recommendActions(recording, {
      inp: SMALL_VALVES_INP,
      scenario: burstAtJ3,
      state,
    });
    expect(seen).toHaveLength(set.candidatesEvaluated + 1);
    expect(seen.every((s) => s === state)).toBe(true);
    expect(set.recommendations[0]?.assumptions).toContain(
      'Demands, tank levels and pump and valve states as the bound live state (snapshot of 2026-01-05T06:00:00.000Z).',
    );
  }, 60_000);
});

describe('recommendActions when there is nothing to do or nothing runs', () => {
  it('returns no recommendations, with a note, when the scenario has no violations', async () => {
    const set = await recommendActions(pool, { inp: net1, scenario: ScenarioSchema.parse({}) });
    expect(set).toMatchObject({ candidatesEvaluated: 0, candidatesFailed: 0, recommendations: [] });
    expect(set.note).toMatch(/^The scenario has no violations .*nothing to fix\.$/);
    expect(set.baseline.violations).toEqual([]);
  }, 60_000);

  it('counts failed candidate runs instead of throwing', async () => {
    let calls = 0;
    const flaky: Pick<SolverPool, 'run'> = {
      run: (request) =>
        calls++ % 2 === 1
          ? Promise.resolve({ ok: false, failure: { kind: 'engine', message: 'EPANET Error 110' } })
          : pool.run(request),
    };
    const set = await recommendActions(flaky, { inp: SMALL_VALVES_INP, scenario: burstAtJ3 });
    expect(set.candidatesFailed).toBeGreaterThan(0);
    expect(set.candidatesFailed).toBeLessThan(set.candidatesEvaluated);
    expect(set.note).toMatch(/\d+ of \d+ candidate runs failed and were left out\./);
  }, 60_000);

  it('throws the baseline’s RunError when the scenario itself does not run', async () => {
    const scenario = ScenarioSchema.parse({
      perturbations: [{ type: 'asset-outage', assetId: 'PU99', startS: 0, endS: 3600 }],
    });
    const run = recommendActions(pool, { inp: ctown, scenario });
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(run).rejects.toThrow(/PU99: unknown link in this network/);
  }, 60_000);
});

describe('cancellation', () => {
  it('rejects with the signal’s reason, mid-search or before it starts', async () => {
    const controller = new AbortController();
    const run = recommendActions(
      pool,
      { inp: ctown, scenario: pu1Outage },
      {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 3) controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect(
      recommendActions(pool, { inp: ctown, scenario: pu1Outage }, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect((await pool.run({ inp: net1, scenario: ScenarioSchema.parse({}) })).ok).toBe(true);
  }, 60_000);
});
