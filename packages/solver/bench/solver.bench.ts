import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ScenarioSchema } from '@twinhelm/contracts';
import { createSolverPool } from '../src/engine/solver-pool';
import { generateGridNetwork } from '../src/testing/generate-grid-network';

/**
 * C-Town 24 h at 15 min through the pool: warm single-run latency, then throughput; then a
 * generated 15k-junction grid, 24 h at 1 h (first run, model opening included, then warm).
 */
const ctown = readFileSync(
  fileURLToPath(new URL('../../../data/networks/CTOWN.INP', import.meta.url)),
  'utf8',
);
const scenario = ScenarioSchema.parse({ horizonS: 86_400, reportStepS: 900, perturbations: [] });
const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

async function latency(): Promise<void> {
  const pool = createSolverPool({ size: 1 });
  await pool.run({ inp: ctown, scenario });
  const ms: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const outcome = await pool.run({ inp: ctown, scenario });
    ms.push(performance.now() - t0);
    if (!outcome.ok) throw new Error(outcome.failure.message);
  }
  console.log(
    `C-Town 24 h @15 min, warm, 1 worker: p50 ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms (n=${ms.length})`,
  );
  await pool.close();
}

async function throughput(size: number, runs: number): Promise<void> {
  const pool = createSolverPool({ size });
  await Promise.all(Array.from({ length: 4 * size }, () => pool.run({ inp: ctown, scenario })));
  const t0 = performance.now();
  await Promise.all(Array.from({ length: runs }, () => pool.run({ inp: ctown, scenario })));
  const s = (performance.now() - t0) / 1000;
  console.log(
    `throughput, ${size} worker(s): ${(runs / s).toFixed(2)} runs/s (${runs} runs in ${s.toFixed(2)} s)`,
  );
  await pool.close();
}

await latency();
await throughput(1, 24);
await throughput(2, 24);
await throughput(1, 24);

async function grid(): Promise<void> {
  const inp = generateGridNetwork({ rows: 120, cols: 125, seed: 1, withCoordinates: false });
  const pool = createSolverPool({ size: 1 });
  const ms: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const outcome = await pool.run({ inp, scenario: ScenarioSchema.parse({}) });
    ms.push(performance.now() - t0);
    if (!outcome.ok) throw new Error(outcome.failure.message);
  }
  console.log(
    `15k-junction grid 24 h @1 h, 1 worker: first run ${(ms[0] ?? NaN).toFixed(0)} ms (opens the model), warm p50 ${quantile(ms.slice(1), 0.5).toFixed(0)} ms`,
  );
  await pool.close();
}

await grid();
