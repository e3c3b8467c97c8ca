import type {
  Alarm,
  AlarmAction,
  AlarmEventRecord,
  AlarmRule,
  ConditionChange,
  FloodChange,
} from '@twinhelm/contracts';
import { alarmKeyOf } from '../evaluate/condition-handlers';
import { createFloodDetector, type FloodOptions, type FloodState } from '../flood/flood-detector';
import { closestId } from '../rules/closest-id';
import { applyAlarmEvent, SYSTEM_ACTOR } from './apply-alarm-event';
import { conditionEvent, createAlarm, type AlarmEvent } from './create-alarm';

/** What one call changed: the alarms after it, their records, flood changes, refusals. */
export interface BookUpdate {
  alarms: Alarm[];
  records: AlarmEventRecord[];
  floods: FloodChange[];
  /** Events the lifecycle refused (e.g. a repeated condition), one sentence each. */
  refused: string[];
}

export interface AlarmBookOptions {
  siteId: string;
  rules: readonly { assetId: string; rules: readonly AlarmRule[] }[];
  /** Alarms restored from storage. */
  alarms?: readonly Alarm[];
  flood?: FloodOptions;
}

export interface AlarmBook {
  /** Feeds the evaluator's condition changes; an alarm is created at its rule's first change. */
  applyConditions(changes: readonly ConditionChange[]): BookUpdate;
  /** An operator action on one alarm (by key); refused with the lifecycle's reason. */
  act(
    key: string,
    action: AlarmAction,
    who: string,
    at: number,
  ): { ok: true; update: BookUpdate } | { ok: false; error: string };
  /** Advances the clock: expires shelves, ends floods. */
  tick(now: number): BookUpdate;
  /**
   * Replaces the rules: alarms take their rule's new version, priority and latch; an alarm
   * whose rule is gone or disabled has its condition cleared.
   */
  setRules(rules: AlarmBookOptions['rules'], at: number): BookUpdate;
  get(key: string): Alarm | undefined;
  list(): Alarm[];
  floodState(): FloodState;
}

const emptyUpdate = (): BookUpdate => ({ alarms: [], records: [], floods: [], refused: [] });

/** Keeps the last version of each alarm an update touched, in first-touch order. */
function settled(update: BookUpdate): BookUpdate {
  const latest = new Map<string, Alarm>();
  for (const alarm of update.alarms) latest.set(alarm.key, alarm);
  return { ...update, alarms: [...latest.values()] };
}

/**
 * The alarms of one site, composed from the pure parts: condition changes and actions go
 * through the lifecycle, announcements feed the flood detector. Holds state, does no I/O;
 * the caller persists what each update returns.
 */
export function createAlarmBook(options: AlarmBookOptions): AlarmBook {
  const { siteId } = options;
  let rules = new Map<string, { assetId: string; rule: AlarmRule }>();
  const alarms = new Map<string, Alarm>();
  for (const alarm of options.alarms ?? []) alarms.set(alarm.key, alarm);
  const flood = createFloodDetector(options.flood);

  const indexRules = (sets: AlarmBookOptions['rules']) => {
    rules = new Map();
    for (const { assetId, rules: list } of sets)
      for (const rule of list) rules.set(alarmKeyOf(assetId, rule.id), { assetId, rule });
  };
  indexRules(options.rules);

  function apply(alarm: Alarm, event: AlarmEvent, update: BookUpdate): string | null {
    const result = applyAlarmEvent(alarm, event);
    if (!result.ok) return result.error;
    alarms.set(alarm.key, result.alarm);
    if (result.record === null) return null;
    update.alarms.push(result.alarm);
    update.records.push(result.record);
    if (result.record.announced) update.floods.push(...flood.record(siteId, result.record.when));
    return null;
  }

  function alarmFor(key: string, at: number): Alarm | string {
    const existing = alarms.get(key);
    if (existing) return existing;
    const bound = rules.get(key);
    if (bound === undefined || !bound.rule.enabled) {
      const hint = closestId(key, rules.keys());
      return `${key}: no enabled rule has this alarm key${hint ? ` (did you mean ${hint}?)` : ''}`;
    }
    return createAlarm(bound.assetId, bound.rule, at);
  }

  return {
    applyConditions(changes) {
      const update = emptyUpdate();
      for (const change of changes) {
        const alarm = alarmFor(change.alarmKey, change.ts);
        const refused =
          typeof alarm === 'string' ? alarm : apply(alarm, conditionEvent(change), update);
        if (refused !== null) update.refused.push(refused);
      }
      return settled(update);
    },
    act(key, action, who, at) {
      const alarm = alarmFor(key, at);
      if (typeof alarm === 'string') return { ok: false, error: alarm };
      const update = emptyUpdate();
      const refused = apply(alarm, { ...action, who, at }, update);
      return refused === null
        ? { ok: true, update: settled(update) }
        : { ok: false, error: refused };
    },
    tick(now) {
      const update = emptyUpdate();
      for (const alarm of alarms.values())
        if (alarm.state === 'shelved') apply(alarm, { type: 'tick', at: now }, update);
      update.floods.push(...flood.advance(now));
      return settled(update);
    },
    setRules(sets, at) {
      indexRules(sets);
      const update = emptyUpdate();
      for (const alarm of [...alarms.values()]) {
        const bound = rules.get(alarm.key);
        if (bound === undefined || !bound.rule.enabled) {
          if (alarm.condition)
            apply(alarm, { type: 'condition_clear', at, text: 'rule removed or disabled' }, update);
          continue;
        }
        const { version, priority, latched } = bound.rule;
        // A latch the rule no longer asks for is released, on the record.
        if (alarm.state === 'latched' && !latched)
          apply(alarm, { type: 'reset', who: SYSTEM_ACTOR, at }, update);
        const current = alarms.get(alarm.key) ?? alarm;
        if (
          current.ruleVersion !== version ||
          current.priority !== priority ||
          current.latched !== latched
        ) {
          const next = { ...current, ruleVersion: version, priority, latched, updatedAt: at };
          alarms.set(alarm.key, next);
          update.alarms.push(next);
        }
      }
      return settled(update);
    },
    get: (key) => alarms.get(key),
    list: () => [...alarms.values()],
    floodState: () => flood.state(siteId),
  };
}
