import { ScenarioSchema } from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { readNetwork } from './plain-run.fixture';
import { createSolverPool } from './solver-pool';

const pool = createSolverPool({ size: 1 });
afterAll(() => pool.close());
const net1 = readNetwork('Net1.inp');
const ctown = readNetwork('CTOWN.INP');

describe('createSolverPool', () => {
  it('runs a scenario in a worker and records the engine and model versions', async () => {
    const outcome = await pool.run({ inp: net1, scenario: ScenarioSchema.parse({}) });
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.result.engineVersion).toBe('OWA-EPANET 2.3.5 (epanet-js 0.9.0)');
    expect(outcome.result.modelHash).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.result.times).toHaveLength(25);
  });

  it('is deterministic: the same inputs give identical JSON', async () => {
    const scenario = ScenarioSchema.parse({
      seed: 7,
      tariff: {
        periods: [
          { fromS: 0, pricePerKwh: 0.1 },
          { fromS: 25_200, pricePerKwh: 0.25 },
        ],
      },
      perturbations: [{ type: 'asset-outage', assetId: '9', startS: 3600, endS: 36_000 }],
    });
    const a = await pool.run({ inp: net1, scenario });
    const b = await pool.run({ inp: net1, scenario });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('fails a run that trips its step budget with a clear message', async () => {
    const outcome = await pool.run({ inp: ctown, scenario: ScenarioSchema.parse({}), maxSteps: 5 });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'budget' } });
    expect(outcome.ok ? '' : outcome.failure.message).toMatch(
      /step budget reached: stopped after 5 hydraulic steps at \d+ s of 604800 s/,
    );
  });

  it('cancels a run through its AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await pool.run({
      inp: ctown,
      scenario: ScenarioSchema.parse({}),
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'cancelled' } });
  });

  it('returns EPANET’s own message for a file it cannot open, and keeps serving', async () => {
    const bad = net1.replace(
      /^ 10 {14}\t10 {14}\t11 {14}\t10530 {7}\t18 {10}\t100/m,
      ' 10 10 11 10530 18 -100',
    );
    const outcome = await pool.run({ inp: bad, scenario: ScenarioSchema.parse({}) });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'engine' } });
    expect(outcome.ok ? '' : outcome.failure.message).toMatch(/EPANET Error 200/);
    expect((await pool.run({ inp: net1, scenario: ScenarioSchema.parse({}) })).ok).toBe(true);
  });

  it('rejects an invalid scenario with one message per problem', async () => {
    const outcome = await pool.run({
      inp: net1,
      scenario: ScenarioSchema.parse({
        perturbations: [
          { type: 'asset-outage', assetId: '99', startS: 0, endS: 3600 },
          { type: 'fire-flow', assetId: '32', flowLps: 50, startS: 80_000, endS: 90_000 },
        ],
      }),
    });
    expect(outcome.ok ? [] : outcome.failure.problems).toEqual([
      'perturbations[0] (asset-outage): 99: unknown link in this network (did you mean 9, 10, 11?)',
      'perturbations[1] (fire-flow): window 80000-90000 s ends after the horizon (86400 s): shorten the window or set horizonS',
    ]);
  });
});
