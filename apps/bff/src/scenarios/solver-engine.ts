import type { RecommendationSet } from '@twinhelm/contracts';
import {
  recommendActions,
  runEnsemble,
  toFailure,
  type RunFailure,
  type SolverPool,
} from '@twinhelm/solver';
import type { EngineJob, EngineOutcome, ResultText, ScenarioEngine } from './scenario-engine';

export interface SolverEngineOptions {
  /** Hydraulic-step and wall-time budget of each run (each member, each candidate). */
  maxSteps: number;
  timeoutMs: number;
}

/**
 * The engine over @twinhelm/solver's worker pool: the scenario's ensemble (one run when it has
 * none), then, when asked and the run has violations, the search for mitigating actions.
 * Progress: members over the first half (all of it without recommendations), candidates over
 * the second. Never throws: failures come back with the engine's own message.
 */
export function solverEngine(pool: SolverPool, options: SolverEngineOptions): ScenarioEngine {
  return {
    async run(job, { signal, onProgress }): Promise<EngineOutcome> {
      const share = job.recommend ? 0.5 : 1;
      const members = job.scenario.ensemble?.members ?? 1;
      onProgress({
        progress: 0,
        phase: members > 1 ? `ensemble member 1 of ${members}` : 'simulating',
      });
      const outcome =
        job.resultText && members <= 1
          ? await runText(pool, job, job.resultText.seriesDecimals, { signal, ...options })
          : await runEnsemble(
              pool,
              { inp: job.inp, scenario: job.scenario, state: job.state },
              {
                signal,
                maxSteps: options.maxSteps,
                timeoutMs: options.timeoutMs,
                onProgress: (done, total) =>
                  onProgress({
                    progress: (share * done) / total,
                    phase:
                      total > 1
                        ? `ensemble member ${Math.min(done + 1, total)} of ${total}`
                        : 'simulating',
                  }),
              },
            );
      if (!outcome.ok) return outcome;
      const { violations } = 'json' in outcome.result ? outcome.result.summary : outcome.result;
      if (!job.recommend || violations.length === 0)
        return { ok: true, result: outcome.result, recommendations: null };
      onProgress({ progress: share, phase: 'evaluating candidate actions' });
      let recommendations: RecommendationSet;
      try {
        recommendations = await recommendActions(
          pool,
          { inp: job.inp, scenario: job.scenario, ...(job.state ? { state: job.state } : {}) },
          {
            signal,
            maxSteps: options.maxSteps,
            timeoutMs: options.timeoutMs,
            onProgress: (done, total) =>
              onProgress({
                progress: share + (1 - share) * (total > 0 ? done / total : 0),
                phase: `evaluating candidate actions (${done} of ${total} runs)`,
              }),
          },
        );
      } catch (error) {
        return { ok: false, failure: failureOf(error, signal) };
      }
      return { ok: true, result: outcome.result, recommendations };
    },
  };
}

/** One run answered as JSON text made in the worker (solver-pool runJson). */
async function runText(
  pool: SolverPool,
  job: EngineJob,
  seriesDecimals: number,
  options: SolverEngineOptions & { signal: AbortSignal },
): Promise<{ ok: true; result: ResultText } | { ok: false; failure: RunFailure }> {
  const outcome = await pool.runJson({
    inp: job.inp,
    scenario: job.scenario,
    state: job.state,
    maxSteps: options.maxSteps,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    seriesDecimals,
  });
  return outcome.ok
    ? { ok: true, result: { json: outcome.json, summary: outcome.summary } }
    : outcome;
}

function failureOf(error: unknown, signal: AbortSignal): RunFailure {
  if (signal.aborted) return { kind: 'cancelled', message: 'cancelled' };
  const failure = toFailure(error);
  return { ...failure, message: `recommendations: ${failure.message}` };
}
