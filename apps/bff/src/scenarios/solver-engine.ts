import { type SolverPool } from '@twinhelm/solver';
import type { EngineOutcome, ScenarioEngine } from './scenario-engine';

export interface SolverEngineOptions {
  maxSteps: number;
  timeoutMs: number;
}

export function solverEngine(pool: SolverPool, options: SolverEngineOptions): ScenarioEngine {
  return {
    async run(job, { signal, onProgress }): Promise<EngineOutcome> {
      onProgress({ progress: 0, phase: 'simulating' });
      const outcome = await pool.run({
        inp: job.inp,
        scenario: job.scenario,
        state: job.state,
        signal,
        maxSteps: options.maxSteps,
        timeoutMs: options.timeoutMs,
      });
      return outcome.ok ? { ok: true, result: outcome.result, recommendations: null } : outcome;
    },
  };
}
