import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ScenarioSchema } from '@twinhelm/contracts';
import { createSolverPool } from '../src/engine/solver-pool';
import { recommendActions } from '../src/recommend';

/**
 * Recommended actions for C-Town with its main pump PU1 out for 24 h (15 min report step), on
 * a warm pool sized to the machine: candidates evaluated, the top five, wall time, and the
 * main thread's event-loop delay while the search runs.
 */
const ctown = readFileSync(
  fileURLToPath(new URL('../../../data/networks/CTOWN.INP', import.meta.url)),
  'utf8',
);
const scenario = ScenarioSchema.parse({
  horizonS: 86_400,
  reportStepS: 900,
  perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 86_400 }],
});
const REPEATS = 3;
const ms = (ns: number): string => (ns / 1e6).toFixed(1);

const pool = createSolverPool({ size: availableParallelism() });
await Promise.all(Array.from({ length: 2 * pool.size }, () => pool.run({ inp: ctown, scenario })));
console.log(`C-Town, PU1 out 0-24 h, report step 15 min, ${pool.size} warm worker(s)`);

for (let i = 0; i < REPEATS; i++) {
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const elu = performance.eventLoopUtilization();
  const t0 = performance.now();
  const set = await recommendActions(pool, { inp: ctown, scenario });
  const wall = performance.now() - t0;
  lag.disable();
  const busy = performance.eventLoopUtilization(elu);
  console.log(
    `run ${i + 1}: ${set.candidatesEvaluated} candidates evaluated (${set.candidatesFailed} failed), ` +
      `wall ${(wall / 1000).toFixed(2)} s, event-loop delay p50 ${ms(lag.percentile(50))} ms, ` +
      `p99 ${ms(lag.percentile(99))} ms, max ${ms(lag.max)} ms, main thread busy ${busy.active.toFixed(0)} ms`,
  );
  if (i === 0) {
    console.log(
      `  baseline: ${set.baseline.violations.length} violations, ` +
        `${set.baseline.kpis.unservedDemandM3.toFixed(1)} m³ unserved, ${set.baseline.kpis.energy.totalKwh.toFixed(0)} kWh`,
    );
    for (const r of set.recommendations) {
      console.log(
        `  #${r.rank} ${r.title}: ${r.violations.length} violations (${r.deltas.violations}), ` +
          `unserved ${r.kpis.unservedDemandM3.toFixed(1)} m³, energy ${r.deltas.energyKwh >= 0 ? '+' : ''}${r.deltas.energyKwh.toFixed(0)} kWh`,
      );
    }
  }
}
await pool.close();
