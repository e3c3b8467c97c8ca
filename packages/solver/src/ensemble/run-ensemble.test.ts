import {
  type Band,
  type ScenarioBands,
  type ScenarioInput,
  ScenarioSchema,
} from '@twinhelm/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../engine/plain-run.fixture';
import { createSolverPool } from '../engine/solver-pool';
import { readEnsembleNetwork } from './ensemble-network';
import { runEnsemble } from './run-ensemble';

const pool = createSolverPool({ size: 2 });
afterAll(() => pool.close());
const ctown = readNetwork('CTOWN.INP');
const net1 = readNetwork('Net1.inp');
const scenarioOf = (ensemble: NonNullable<ScenarioInput['ensemble']>, seed = 5) =>
  ScenarioSchema.parse({ horizonS: 86_400, reportStepS: 3600, seed, ensemble });
const spread = { members: 12, demandSpread: 0.15, roughnessSpread: 0.05, initialLevelSpreadM: 0.5 };

async function ensembleOf(inp: string, scenario: ReturnType<typeof scenarioOf>) {
  const outcome = await runEnsemble(pool, { inp, scenario });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  const { bands, ...result } = outcome.result;
  if (!bands) throw new Error('no bands');
  return { bands, result };
}

const allBands = (b: ScenarioBands): Band[] => [
  ...Object.values(b.nodes).flatMap((n) => [n.pressure, n.head, n.demand, n.requested]),
  ...Object.values(b.links).flatMap((l) => [l.flow, l.velocity]),
  ...Object.values(b.pumps).map((p) => p.power),
];

describe('runEnsemble', { timeout: 60_000 }, () => {
  it('returns member 0 as the plain run, with ordered bands for every series', async () => {
    const scenario = scenarioOf(spread);
    const plain = await pool.run({ inp: ctown, scenario });
    const { bands, result } = await ensembleOf(ctown, scenario);
    if (!plain.ok) throw new Error(plain.failure.message);
    expect(JSON.stringify(result)).toBe(JSON.stringify(plain.result));
    expect(bands).toMatchObject({ members: 12, failedMembers: 0 });
    expect(Object.keys(bands.nodes)).toEqual(Object.keys(result.nodes));
    expect(Object.keys(bands.links)).toEqual(Object.keys(result.links));
    expect(Object.keys(bands.tanks)).toEqual(Object.keys(result.tanks));
    expect(Object.keys(bands.pumps)).toEqual(Object.keys(result.pumps));
    const disordered = allBands(bands).filter(
      (band) =>
        band.p5.length !== result.times.length ||
        band.p5.some(
          (p5, t) => !(p5 <= (band.p50[t] ?? NaN) && (band.p50[t] ?? NaN) <= (band.p95[t] ?? NaN)),
        ),
    );
    expect(disordered).toEqual([]);
    const t1 = bands.tanks.T1?.level;
    expect((t1?.p95[0] ?? 0) - (t1?.p5[0] ?? 0)).toBeGreaterThan(0.1);
    const k = bands.kpis;
    expect(k.energyKwh.p5).toBeLessThan(k.energyKwh.p95);
    expect(k.minPressureM?.p5).toBeLessThanOrEqual(k.minPressureM?.p95 ?? NaN);
    for (const v of bands.violationProbability) {
      expect(v.probability).toBeGreaterThan(0);
      expect(v.probability).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic: the same seed gives the same bands, another seed others', async () => {
    const a = await ensembleOf(ctown, scenarioOf(spread, 9));
    const b = await ensembleOf(ctown, scenarioOf(spread, 9));
    const c = await ensembleOf(ctown, scenarioOf(spread, 10));
    expect(JSON.stringify(a.bands)).toBe(JSON.stringify(b.bands));
    expect(JSON.stringify(c.bands)).not.toBe(JSON.stringify(a.bands));
  });

  it('collapses the bands onto the run when nothing is spread', async () => {
    const quiet = { members: 6, demandSpread: 0, roughnessSpread: 0, initialLevelSpreadM: 0 };
    for (const inp of [ctown, net1]) {
      const { bands, result } = await ensembleOf(inp, scenarioOf(quiet));
      const close = (band: Band | undefined, run: number[] | undefined): void => {
        run?.forEach((v, t) => {
          const tolerance = 1e-5 * (1 + Math.abs(v));
          for (const p of [band?.p5[t], band?.p50[t], band?.p95[t]]) {
            expect(Math.abs((p ?? NaN) - v)).toBeLessThanOrEqual(tolerance);
          }
        });
      };
      for (const [id, n] of Object.entries(result.nodes)) {
        close(bands.nodes[id]?.pressure, n.pressure);
        close(bands.nodes[id]?.head, n.head);
        close(bands.nodes[id]?.demand, n.demand);
        close(bands.nodes[id]?.requested, n.requested);
      }
      for (const [id, l] of Object.entries(result.links)) {
        close(bands.links[id]?.flow, l.flow);
        close(bands.links[id]?.velocity, l.velocity);
      }
      for (const [id, p] of Object.entries(result.pumps)) close(bands.pumps[id]?.power, p.power);
      expect(bands.kpis.energyKwh.p5).toBeCloseTo(result.kpis.energy.totalKwh, 6);
      expect(bands.violationProbability.every((v) => v.probability === 1)).toBe(true);
    }
  });

  it('spreads a network without DMAs with one demand factor', async () => {
    const { bands } = await ensembleOf(net1, scenarioOf({ members: 8, demandSpread: 0.2 }));
    const demand = bands.nodes['11']?.demand;
    expect((demand?.p95[1] ?? 0) - (demand?.p5[1] ?? 0)).toBeGreaterThan(0);
  });

  it('counts failed members and leaves them out', async () => {
    // Levels drawn against a wrong upper limit: the engine rejects those above the real one.
    const real = readEnsembleNetwork(ctown);
    const network = {
      ...real,
      tanks: new Map([...real.tanks].map(([id, t]) => [id, { ...t, maxLevelM: t.maxLevelM + 20 }])),
    };
    const scenario = scenarioOf({ members: 12, demandSpread: 0.1, initialLevelSpreadM: 4 });
    const outcome = await runEnsemble(pool, { inp: ctown, scenario, network });
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const failed = outcome.result.bands?.failedMembers ?? 0;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(11);
    expect(outcome.result.bands?.members).toBe(12);
  });

  it('fails when every member besides member 0 fails, with the members’ reason', async () => {
    const network = { ...readEnsembleNetwork(ctown), dmas: ['DMA9'] };
    const outcome = await runEnsemble(pool, { inp: ctown, scenario: scenarioOf(spread), network });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    expect(outcome.ok ? '' : outcome.failure.message).toMatch(
      /every ensemble member besides member 0 failed \(11 of 11\): .*DMA9: unknown DMA/,
    );
  });

  it('reports progress and stops when cancelled', async () => {
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const outcome = await runEnsemble(
      pool,
      { inp: ctown, scenario: scenarioOf({ ...spread, members: 40 }) },
      {
        signal: controller.signal,
        onProgress: (done, total) => {
          seen.push([done, total]);
          if (done === 3) controller.abort();
        },
      },
    );
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'cancelled' } });
    expect(seen.slice(0, 3)).toEqual([
      [1, 40],
      [2, 40],
      [3, 40],
    ]);
    expect(seen.length).toBeLessThan(40);
  });

  it('runs one plain run without an ensemble, and refuses bands past the memory limit', async () => {
    const plain = await runEnsemble(pool, { inp: net1, scenario: ScenarioSchema.parse({}) });
    expect(plain.ok && plain.result.bands).toBe(undefined);
    const big = await runEnsemble(
      pool,
      { inp: ctown, scenario: scenarioOf({ members: 200 }) },
      { maxBandBytes: 1024 * 1024 },
    );
    expect(big.ok ? '' : big.failure.message).toMatch(
      /^ensemble bands would need 48 MiB \(2483 series × 25 report times × 200 members\) over the limit of 1 MiB: use fewer members/,
    );
  });
});
