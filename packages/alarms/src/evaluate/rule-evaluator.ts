import type { AlarmRule, ConditionChange, SampleSource } from '@twinhelm/contracts';
import {
  alarmKeyOf,
  type ConditionHandler,
  MISMATCH_COMMAND,
  MISMATCH_FEEDBACK,
  MismatchHandler,
  PredictionHandler,
  RateHandler,
  RESIDUAL_MEASURED,
  RESIDUAL_MODEL,
  ResidualHandler,
  type RuleTarget,
  ThresholdHandler,
} from './condition-handlers';
import { StaleWatch } from './stale-watch';

/** One value of one metric of one asset. `source` defaults to 'measured'. */
export interface AlarmSample {
  assetId: string;
  metric: string;
  value: number;
  /** epoch ms (sample time) */
  ts: number;
  source?: SampleSource;
}

export interface EvaluatorStats {
  samples: number;
  /** Rule evaluations: one per rule that a sample fed. */
  evaluations: number;
  /** Samples older than the last one of the same asset, metric and source: ignored. */
  outOfOrder: number;
  /** Samples of assets without rules. */
  unmatched: number;
}

export interface RuleEvaluator {
  /** Feeds one sample; returns the condition changes it caused (usually none). */
  push(sample: AlarmSample): readonly ConditionChange[];
  /** Advances the injected clock: raises stale-data conditions. */
  tick(now: number): readonly ConditionChange[];
  /** The raising change of every condition active now. */
  activeConditions(): ConditionChange[];
  stats(): EvaluatorStats;
}

export interface RuleEvaluatorOptions {
  /**
   * Arms every stale rule at this time, so that an asset that never reports goes stale.
   * Without it a stale rule arms at the asset's first sample.
   */
  staleArmedAt?: number;
  /**
   * Conditions already active when the evaluator starts (after a restart or a rule change),
   * e.g. the alarms whose `condition` is true: they start active, so that they clear.
   */
  active?: Iterable<{ key: string; activeSince: number | null }>;
}

interface Subscriber {
  handler: ConditionHandler | StaleWatch;
  role: number;
}

/** The rules fed by one (asset, source, metric), and the last sample time seen there. */
interface Slot {
  lastTs: number;
  subscribers: Subscriber[];
}

interface AssetEntry {
  slots: Record<SampleSource, Map<string, Slot>>;
  /** Stale rules that any measured metric keeps fresh. */
  anyMetricStale: StaleWatch[];
}

const NO_CHANGES: readonly ConditionChange[] = Object.freeze([]);

function subscriptions(
  target: RuleTarget,
  rule: AlarmRule,
  staleArmedAt: number | undefined,
): { handler: ConditionHandler | StaleWatch; on: [SampleSource, string, number][] } {
  switch (rule.kind) {
    case 'threshold':
      return { handler: new ThresholdHandler(target, rule), on: [['measured', rule.metric, 0]] };
    case 'rate':
      return { handler: new RateHandler(target, rule), on: [['measured', rule.metric, 0]] };
    case 'mismatch':
      return {
        handler: new MismatchHandler(target, rule),
        on: [
          ['measured', rule.commandMetric, MISMATCH_COMMAND],
          ['measured', rule.feedbackMetric, MISMATCH_FEEDBACK],
        ],
      };
    case 'residual':
      return {
        handler: new ResidualHandler(target, rule),
        on: [
          ['measured', rule.metric, RESIDUAL_MEASURED],
          ['model', rule.metric, RESIDUAL_MODEL],
        ],
      };
    case 'prediction':
      return { handler: new PredictionHandler(target, rule), on: [['prediction', rule.metric, 0]] };
    case 'stale':
      return {
        handler: new StaleWatch(target, rule, staleArmedAt),
        on: rule.metric === undefined ? [] : [['measured', rule.metric, 0]],
      };
  }
}

/**
 * Evaluates rules over samples that arrive in time order per asset and metric. Pure apart
 * from its own state: no clock (samples carry time, `tick` takes it), no I/O. Disabled rules
 * are skipped. Per sample it touches only the rules fed by that asset and metric.
 */
export function createRuleEvaluator(
  assets: readonly { assetId: string; rules: readonly AlarmRule[] }[],
  options: RuleEvaluatorOptions = {},
): RuleEvaluator {
  const entries = new Map<string, AssetEntry>();
  const handlers = new Map<string, ConditionHandler | StaleWatch>();
  const staleWatches: StaleWatch[] = [];
  const stats: EvaluatorStats = { samples: 0, evaluations: 0, outOfOrder: 0, unmatched: 0 };

  for (const { assetId, rules } of assets) {
    const entry: AssetEntry = entries.get(assetId) ?? {
      slots: { measured: new Map(), model: new Map(), prediction: new Map() },
      anyMetricStale: [],
    };
    for (const rule of rules) {
      if (!rule.enabled) continue;
      const target: RuleTarget = { alarmKey: alarmKeyOf(assetId, rule.id), assetId, rule };
      const { handler, on } = subscriptions(target, rule, options.staleArmedAt);
      handlers.set(target.alarmKey, handler);
      if (handler instanceof StaleWatch) {
        staleWatches.push(handler);
        if (on.length === 0) entry.anyMetricStale.push(handler);
      }
      for (const [source, metric, role] of on) {
        const slots = entry.slots[source];
        const slot = slots.get(metric) ?? { lastTs: Number.NEGATIVE_INFINITY, subscribers: [] };
        slot.subscribers.push({ handler, role });
        slots.set(metric, slot);
      }
    }
    entries.set(assetId, entry);
  }

  for (const { key, activeSince } of options.active ?? []) {
    handlers.get(key)?.restoreActive(activeSince ?? options.staleArmedAt ?? 0);
  }

  function push(sample: AlarmSample): readonly ConditionChange[] {
    stats.samples++;
    const entry = entries.get(sample.assetId);
    if (entry === undefined) {
      stats.unmatched++;
      return NO_CHANGES;
    }
    const source = sample.source ?? 'measured';
    const slot = entry.slots[source].get(sample.metric);
    if (slot !== undefined) {
      if (sample.ts < slot.lastTs) {
        stats.outOfOrder++;
        return NO_CHANGES;
      }
      slot.lastTs = sample.ts;
    }
    let changes: ConditionChange[] | null = null;
    if (source === 'measured') {
      for (const watch of entry.anyMetricStale) {
        stats.evaluations++;
        const change = watch.seen(sample.ts);
        if (change !== null) (changes ??= []).push(change);
      }
    }
    if (slot !== undefined) {
      for (const { handler, role } of slot.subscribers) {
        stats.evaluations++;
        const change =
          handler instanceof StaleWatch
            ? handler.seen(sample.ts)
            : handler.onSample(role, sample.value, sample.ts);
        if (change !== null) (changes ??= []).push(change);
      }
    }
    return changes ?? NO_CHANGES;
  }

  function tick(now: number): readonly ConditionChange[] {
    let changes: ConditionChange[] | null = null;
    for (const watch of staleWatches) {
      const change = watch.check(now);
      if (change !== null) (changes ??= []).push(change);
    }
    return changes ?? NO_CHANGES;
  }

  return {
    push,
    tick,
    activeConditions: () =>
      [...handlers.values()].flatMap((handler) => {
        const current = handler.current();
        return current === null ? [] : [current];
      }),
    stats: () => ({ ...stats }),
  };
}
