import { performance } from 'node:perf_hooks';
import type { LiveState, TankPredictions } from '@twinhelm/contracts';
import type { Logger } from '../log';
import type { NowcastSolver, PredictorStats } from './nowcast-types';
import { predictionScenario, timeToEmptyOf } from './tank-predictions';

export interface TankPredictorOptions {
  solver: NowcastSolver;
  /** Between forward runs of a site, in the nowcast's clock; 0 turns them off. */
  intervalMs: number;
  horizonH: number;
  maxSteps: number;
  timeoutMs: number;
  log: Logger;
}

export interface TankPredictor {
  /**
   * Runs the forward run when the site's is due (never throws: a failure is logged and counted).
   * `latest`: the site's newest predictions still in date (younger than 2 intervals), to carry
   * in the nowcast; `fresh`: true when they come from this call.
   */
  update(
    siteId: string,
    input: { inp: string; state: LiveState; at: number },
  ): Promise<{ latest?: TankPredictions; fresh: boolean }>;
  stats(): PredictorStats;
}

/**
 * The forward runs behind the prediction alarm rules: every `intervalMs` per site, from the
 * nowcast's bound state (same demand multipliers), `horizonH` hours ahead, each tank's time to
 * empty. The schedule rides on the nowcasts: a run is due at the first nowcast an interval
 * after the site's last attempt (failed attempts included, so a failing model is not rerun at
 * every nowcast).
 */
export function createTankPredictor(options: TankPredictorOptions): TankPredictor {
  const latest = new Map<string, TankPredictions>();
  const attemptedAt = new Map<string, number>();
  const stats: PredictorStats = { predictions: 0, predictionFailures: 0 };
  const scenario = predictionScenario(options.horizonH);

  const inDate = (siteId: string, at: number): TankPredictions | undefined => {
    const last = latest.get(siteId);
    return last && at - last.at < 2 * options.intervalMs ? last : undefined;
  };

  async function run(siteId: string, inp: string, state: LiveState, at: number) {
    const started = performance.now();
    try {
      const outcome = await options.solver.run({
        inp,
        scenario,
        state,
        maxSteps: options.maxSteps,
        timeoutMs: options.timeoutMs,
      });
      if (!outcome.ok) throw new Error(outcome.failure.message);
      const predictions: TankPredictions = {
        at,
        horizonH: options.horizonH,
        timeToEmptyH: timeToEmptyOf(outcome.result),
        elapsedMs: Math.round(performance.now() - started),
      };
      latest.set(siteId, predictions);
      stats.predictions += 1;
      return predictions;
    } catch (error) {
      stats.predictionFailures += 1;
      const reason = error instanceof Error ? error.message : String(error);
      options.log(
        'warn',
        `nowcast ${siteId}: tank prediction failed (${stats.predictionFailures} so far): ${reason}`,
      );
      return undefined;
    }
  }

  return {
    async update(siteId, { inp, state, at }) {
      if (options.intervalMs <= 0) return { fresh: false };
      const last = attemptedAt.get(siteId);
      // not due within an interval of the last attempt (a clock set back makes it due)
      if (last !== undefined && at >= last && at - last < options.intervalMs) {
        return { latest: inDate(siteId, at), fresh: false };
      }
      attemptedAt.set(siteId, at);
      const predictions = await run(siteId, inp, state, at);
      return predictions
        ? { latest: predictions, fresh: true }
        : { latest: inDate(siteId, at), fresh: false };
    },
    stats: () => ({ ...stats }),
  };
}
