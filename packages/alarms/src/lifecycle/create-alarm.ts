import {
  ANNOUNCED_STATES,
  type Alarm,
  type AlarmAction,
  type AlarmRule,
  type AlarmState,
  type ConditionChange,
} from '@twinhelm/contracts';
import { alarmKeyOf } from '../evaluate/condition-handlers';

/** What can happen to an alarm: a condition change, an operator action (with who), the clock. */
export type AlarmEvent =
  | {
      type: 'condition_active';
      at: number;
      values?: Record<string, number>;
      /** Why, for people: the change's text. */
      text?: string;
    }
  | { type: 'condition_clear'; at: number; values?: Record<string, number>; text?: string }
  | (AlarmAction & { who: string; at: number })
  | { type: 'tick'; at: number };

/** A fresh alarm for a rule at an asset: normal, condition clear. */
export function createAlarm(assetId: string, rule: AlarmRule, at: number): Alarm {
  return {
    key: alarmKeyOf(assetId, rule.id),
    assetId,
    ruleId: rule.id,
    ruleVersion: rule.version,
    kind: rule.kind,
    metric: rule.kind === 'mismatch' ? rule.commandMetric : (rule.metric ?? null),
    sense:
      rule.kind === 'threshold'
        ? rule.limit === 'h' || rule.limit === 'hh'
          ? 'high'
          : 'low'
        : null,
    priority: rule.priority,
    latched: rule.latched,
    state: 'normal',
    condition: false,
    activeSince: null,
    values: {},
    ackedBy: null,
    ackedAt: null,
    shelvedUntil: null,
    overlayReason: null,
    overlayBy: null,
    assignee: null,
    updatedAt: at,
  };
}

/** The lifecycle event a condition change becomes. */
export function conditionEvent(change: ConditionChange): AlarmEvent {
  return {
    type: change.active ? 'condition_active' : 'condition_clear',
    at: change.ts,
    values: change.values,
    text: change.text,
  };
}

/** Whether operators see the alarm in this state (shelved, suppressed, out of service: never). */
export function isAnnounced(state: AlarmState): boolean {
  return ANNOUNCED_STATES.includes(state);
}

/** States that hide the alarm by intent; the condition is still tracked underneath. */
export const OVERLAY_STATES: readonly AlarmState[] = ['shelved', 'suppressed', 'out_of_service'];
