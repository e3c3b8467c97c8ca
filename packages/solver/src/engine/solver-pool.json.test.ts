import { ScenarioResultSchema, ScenarioSchema, type ScenarioResult } from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { readNetwork } from './plain-run.fixture';
import { toResultJson } from './result-json';
import { createSolverPool } from './solver-pool';

const pool = createSolverPool({ size: 1 });
afterAll(() => pool.close());
const ctown = readNetwork('CTOWN.INP');
const day = ScenarioSchema.parse({
  horizonS: 86_400,
  reportStepS: 900,
  perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 43_200 }],
});

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;
const roundedSeries = (r: ScenarioResult): ScenarioResult => {
  const group = <T extends Record<string, number[]>>(g: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(g).map(([id, s]) => [
        id,
        Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.map(round4)])),
      ]),
    );
  return {
    ...r,
    nodes: group(r.nodes) as ScenarioResult['nodes'],
    links: group(r.links) as ScenarioResult['links'],
    pumps: group(r.pumps) as ScenarioResult['pumps'],
    tanks: group(r.tanks) as ScenarioResult['tanks'],
  };
};

describe('SolverPool.runJson', () => {
  it('answers the same result as run, as JSON text with series rounded, and its summary', async () => {
    const object = await pool.run({ inp: ctown, scenario: day });
    const text = await pool.runJson({ inp: ctown, scenario: day, seriesDecimals: 4 });
    if (!object.ok || !text.ok) throw new Error('C-Town did not run');
    const parsed = ScenarioResultSchema.parse(JSON.parse(text.json));
    // JSON has no -0: compare with the rounded result through JSON.
    expect(parsed).toEqual(JSON.parse(JSON.stringify(roundedSeries(object.result))));
    const { nodes: _n, links: _l, pumps: _p, tanks: _t, ...summary } = object.result;
    expect(text.summary).toEqual(summary);
    expect(text.summary.violations.length).toBeGreaterThan(0);
  });

  it('keeps every digit without seriesDecimals', async () => {
    const object = await pool.run({ inp: ctown, scenario: day });
    const text = await pool.runJson({ inp: ctown, scenario: day });
    if (!object.ok || !text.ok) throw new Error('C-Town did not run');
    expect(text.json).toBe(JSON.stringify(object.result));
  });

  it('answers failures as run does', async () => {
    const outcome = await pool.runJson({ inp: ctown, scenario: day, maxSteps: 5 });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'budget' } });
    const aborted = new AbortController();
    aborted.abort();
    expect(await pool.runJson({ inp: ctown, scenario: day, signal: aborted.signal })).toMatchObject(
      { ok: false, failure: { kind: 'cancelled' } },
    );
  });
});

describe('toResultJson', () => {
  it('rounds a tank level shared with its node pressure once, and leaves non-finite values to JSON', () => {
    const shared = [1.23456789, Number.NaN];
    const result = {
      times: [0, 900],
      nodes: {
        T1: { pressure: shared, head: [0.00005, -2.00004], demand: [0, 0], requested: [0, 0] },
      },
      links: {},
      pumps: {},
      tanks: { T1: { level: shared } },
    } as unknown as ScenarioResult;
    const { json, summary } = toResultJson(result, { seriesDecimals: 4 });
    expect(JSON.parse(json)).toEqual({
      times: [0, 900],
      nodes: {
        T1: { pressure: [1.2346, null], head: [0.0001, -2], demand: [0, 0], requested: [0, 0] },
      },
      links: {},
      pumps: {},
      tanks: { T1: { level: [1.2346, null] } },
    });
    expect(summary).toEqual({ times: [0, 900] });
  });
});
