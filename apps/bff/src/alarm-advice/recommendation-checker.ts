import { appendAudit } from '../services/audit';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import { unfinishedAdviceIds } from './advice-store';
import type { AdviceAdvancer } from './advance-advice';
import {
  checkOf,
  dueChecks,
  measuredSamples,
  recordVerdict,
  valueBefore,
  type DueCheck,
} from './check-store';
import { anchorAt, ANCHORED_METRICS, judgeCheck } from './judge-check';

/** How old the last measurement before an approval may be to anchor a level's course (wall ms). */
const ANCHOR_MAX_AGE_MS = 10 * 60_000;

export interface RecommendationChecker {
  /** Moves unfinished advice on, then judges every due check; resolves with the checks judged. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for a run in flight. */
  stop(): Promise<void>;
}

/**
 * The loop that closes it: every `intervalMs`, each approved recommendation whose check window
 * has passed is judged against the measured telemetry of its asset and metric (telemetry_sample,
 * from the approval to the due time; sample offsets × the time scale = plant seconds into the
 * prediction; a tank level's course started at the last level measured before the approval,
 * anchorAt), stored, audited as `recommendation.check` (actor `system`) and sent through
 * deps.notify. It also advances advice whose scenario events were missed (a restart). Runs
 * never overlap; a failing run is logged, never thrown.
 */
export function startRecommendationChecker(
  deps: AlarmAdviceDeps,
  advancer: AdviceAdvancer,
  options: { intervalMs: number },
): RecommendationChecker {
  const sql = sqlOf(deps);
  let running: Promise<number> | undefined;

  async function judge(check: DueCheck): Promise<boolean> {
    const samples = await measuredSamples(sql, {
      siteId: check.site_id,
      assetId: check.asset_id,
      metric: check.metric,
      from: check.approved_at,
      to: check.due_at,
    });
    const magnitude = check.metric === 'flow';
    const measured = samples.map((s) => ({
      offsetS: ((s.ts - check.approved_at) / 1000) * check.time_scale,
      value: magnitude ? Math.abs(s.value) : s.value,
    }));
    const start = ANCHORED_METRICS.has(check.metric)
      ? await valueBefore(sql, {
          siteId: check.site_id,
          assetId: check.asset_id,
          metric: check.metric,
          at: check.approved_at,
          maxAgeMs: ANCHOR_MAX_AGE_MS,
        })
      : undefined;
    const anchored = anchorAt(check.predicted, start);
    const judged = judgeCheck(anchored.course, measured, check.tolerance);
    const verdict = judged.verdict;
    const numbers =
      anchored.offset === null
        ? judged.numbers
        : { ...judged.numbers, startOffset: anchored.offset };
    const at = deps.services.clock();
    if (!(await recordVerdict(sql, check.id, verdict, numbers, at))) return false;
    await appendAudit(deps.services.prisma, {
      actor: 'system',
      action: 'recommendation.check',
      target: check.advice_id,
      detail: {
        siteId: check.site_id,
        adviceId: check.advice_id,
        alarmKey: check.alarm_key,
        scenarioId: check.scenario_id,
        rank: check.rank,
        assetId: check.asset_id,
        metric: check.metric,
        verdict,
        numbers: { ...numbers },
      },
    });
    deps.notify({
      siteId: check.site_id,
      adviceId: check.advice_id,
      alarmKey: check.alarm_key,
      status: 'done',
      check: checkOf({ ...check, verdict, numbers, checked_at: at }),
    });
    deps.log(
      'info',
      `advice ${check.advice_id} rank ${check.rank}: ${verdict} (${numbers.points} points, ${numbers.withinBand === null ? 'no' : Math.round(numbers.withinBand * 100)} % within the band)`,
    );
    return true;
  }

  async function run(): Promise<number> {
    for (const id of await unfinishedAdviceIds(sql)) await advancer.advance(id);
    let judged = 0;
    for (const check of await dueChecks(sql, deps.services.clock())) {
      try {
        if (await judge(check)) judged += 1;
      } catch (error) {
        deps.log(
          'warn',
          `check of advice ${check.advice_id} rank ${check.rank}: ${messageOf(error)}`,
        );
      }
    }
    return judged;
  }

  const runOnce = (): Promise<number> => {
    running ??= run()
      .catch((error: unknown) => {
        deps.log('warn', `recommendation checks: ${messageOf(error)}`);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
