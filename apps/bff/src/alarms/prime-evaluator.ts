import type { AlarmSample, RuleEvaluator } from '@twinhelm/alarms';
import type { ConditionChange, TwinState } from '@twinhelm/contracts';

/** A metric no rule reads: a sample of it only tells "any metric" stale watches the asset is alive. */
const ALIVE_METRIC = '(alive)';

/**
 * Brings a fresh evaluator (engine start, rule reload) up to the plant as the twin knows it:
 * 1. the latest value of every metric, in time order, as measured samples: each (asset,
 *    metric) then starts from its latest time, so older samples redelivered after a restart are
 *    ignored instead of raising again, and new rules judge the current values at once;
 * 2. the stale-data watches of the assets that have reported are armed at their latest sample,
 *    but no earlier than `notBefore` (the engine's start: after a restart the plant gets the
 *    usual silence limit to report again). Assets that never reported stay unarmed until their
 *    first sample, so a network's unmeasured assets never go stale. Only "any metric" watches
 *    are armed this way; one bound to a metric is armed by its samples.
 * Assets in `skip` (a stale alarm active) are left out: an old value would clear it.
 * Returns the condition changes the latest values cause (usually none).
 */
export function primeEvaluator(
  evaluator: RuleEvaluator,
  state: TwinState,
  options: { notBefore: number; skip: ReadonlySet<string> },
): ConditionChange[] {
  const samples: AlarmSample[] = [];
  const alive: AlarmSample[] = [];
  for (const [assetId, metrics] of Object.entries(state)) {
    if (options.skip.has(assetId)) continue;
    let latest = Number.NEGATIVE_INFINITY;
    for (const [metric, value] of Object.entries(metrics)) {
      samples.push({ assetId, metric, value: value.v, ts: value.ts });
      latest = Math.max(latest, value.ts);
    }
    alive.push({
      assetId,
      metric: ALIVE_METRIC,
      value: 0,
      ts: Math.max(latest, options.notBefore),
    });
  }
  samples.sort((a, b) => a.ts - b.ts);
  const changes: ConditionChange[] = [];
  for (const sample of [...samples, ...alive]) changes.push(...evaluator.push(sample));
  return changes;
}
