import {
  MAX_SHELVE_MS,
  type Alarm,
  type AlarmEventRecord,
  type AlarmEventType,
  type AlarmState,
} from '@twinhelm/contracts';
import type { AlarmEvent } from './create-alarm';

export type AlarmEventResult =
  { ok: true; alarm: Alarm; record: AlarmEventRecord | null } | { ok: false; error: string };

/** Who the record names for condition changes and expiring shelves. */
export const SYSTEM_ACTOR = 'system';

const iso = (ms: number | null): string => (ms === null ? '?' : new Date(ms).toISOString());

/** Where an alarm lands when an overlay ends: it follows the condition as it is now. */
const reflect = (alarm: Alarm): AlarmState => (alarm.condition ? 'unack_active' : 'normal');

/** Why an operator action is refused in an overlay state, or null when it is not one. */
function overlayBlock(alarm: Alarm, action: string): string | null {
  const why = alarm.overlayReason ?? '';
  switch (alarm.state) {
    case 'shelved':
      return `cannot ${action}: shelved until ${iso(alarm.shelvedUntil)} (${why}); unshelve it first`;
    case 'suppressed':
      return `cannot ${action}: suppressed by design (${why}); it returns when unsuppressed`;
    case 'out_of_service':
      return `cannot ${action}: out of service (${why}); return it to service first`;
    default:
      return null;
  }
}

function applyCondition(
  alarm: Alarm,
  event: AlarmEvent & { type: 'condition_active' | 'condition_clear' },
): Transition {
  const active = event.type === 'condition_active';
  if (alarm.condition === active)
    return {
      error: active
        ? `condition already active since ${iso(alarm.activeSince)}`
        : 'condition already clear',
    };
  const overlaid =
    alarm.state === 'shelved' || alarm.state === 'suppressed' || alarm.state === 'out_of_service';
  let to: AlarmState = alarm.state;
  if (!overlaid) {
    if (active) to = 'unack_active';
    else if (alarm.state === 'unack_active') to = 'unack_rtn';
    else to = alarm.latched ? 'latched' : 'normal';
  }
  const fresh = active && to === 'unack_active';
  return {
    to,
    why: event.text ?? null,
    patch: {
      condition: active,
      activeSince: active ? event.at : null,
      ...(event.values ? { values: event.values } : {}),
      ...(fresh ? { ackedBy: null, ackedAt: null } : {}),
    },
  };
}

type Transition =
  | { error: string }
  | { to: AlarmState; why: string | null; patch?: Partial<Alarm>; event?: AlarmEventType };

function transition(alarm: Alarm, event: AlarmEvent): Transition | null {
  const { state } = alarm;
  switch (event.type) {
    case 'condition_active':
    case 'condition_clear':
      return applyCondition(alarm, event);
    case 'acknowledge': {
      const blocked = overlayBlock(alarm, 'acknowledge');
      if (blocked) return { error: blocked };
      const ack = { ackedBy: event.who, ackedAt: event.at };
      if (state === 'unack_active')
        return { to: 'ack_active', why: event.comment ?? null, patch: ack };
      if (state === 'unack_rtn')
        return { to: alarm.latched ? 'latched' : 'normal', why: event.comment ?? null, patch: ack };
      if (state === 'normal')
        return { error: 'cannot acknowledge: the alarm is normal, nothing to acknowledge' };
      if (state === 'latched')
        return {
          error: `already acknowledged by ${alarm.ackedBy ?? '?'}; it is latched: reset it`,
        };
      return { error: `already acknowledged by ${alarm.ackedBy ?? '?'} at ${iso(alarm.ackedAt)}` };
    }
    case 'shelve': {
      const blocked = overlayBlock(alarm, 'shelve');
      if (blocked) return { error: blocked };
      if (event.until <= event.at)
        return {
          error: `cannot shelve until ${iso(event.until)}: that is not after now (${iso(event.at)})`,
        };
      if (event.until - event.at > MAX_SHELVE_MS)
        return {
          error: `cannot shelve for more than ${MAX_SHELVE_MS / 3_600_000} h: remove it from service instead`,
        };
      return {
        to: 'shelved',
        why: event.reason,
        patch: { shelvedUntil: event.until, overlayReason: event.reason, overlayBy: event.who },
      };
    }
    case 'unshelve':
      if (state !== 'shelved')
        return { error: `cannot unshelve: the alarm is ${state}, not shelved` };
      return { to: reflect(alarm), why: null, patch: endOverlay };
    case 'tick':
      if (state !== 'shelved' || alarm.shelvedUntil === null || event.at < alarm.shelvedUntil)
        return null;
      return {
        to: reflect(alarm),
        event: 'shelf_expired',
        why: `shelf set by ${alarm.overlayBy ?? '?'} expired (${alarm.overlayReason ?? ''})`,
        patch: endOverlay,
      };
    case 'suppress':
      if (state === 'suppressed')
        return { error: `already suppressed (${alarm.overlayReason ?? ''})` };
      if (state === 'out_of_service')
        return { error: `cannot suppress: out of service (${alarm.overlayReason ?? ''})` };
      return {
        to: 'suppressed',
        why:
          state === 'shelved'
            ? `${event.reason} (ends the shelf until ${iso(alarm.shelvedUntil)})`
            : event.reason,
        patch: { shelvedUntil: null, overlayReason: event.reason, overlayBy: event.who },
      };
    case 'unsuppress':
      if (state !== 'suppressed')
        return { error: `cannot unsuppress: the alarm is ${state}, not suppressed` };
      return { to: reflect(alarm), why: null, patch: endOverlay };
    case 'remove_from_service':
      if (state === 'out_of_service')
        return { error: `already out of service (${alarm.overlayReason ?? ''})` };
      return {
        to: 'out_of_service',
        why: event.reason,
        patch: { shelvedUntil: null, overlayReason: event.reason, overlayBy: event.who },
      };
    case 'return_to_service':
      if (state !== 'out_of_service')
        return { error: `cannot return to service: the alarm is ${state}, not out of service` };
      return { to: reflect(alarm), why: null, patch: endOverlay };
    case 'comment':
      return { to: state, why: event.text };
    case 'assign':
      return { to: state, why: `assigned to ${event.to}`, patch: { assignee: event.to } };
    case 'reset':
      if (state === 'latched') return { to: 'normal', why: null };
      if (!alarm.latched) return { error: 'cannot reset: only latched alarms are reset' };
      if (state === 'unack_rtn') return { error: 'cannot reset: acknowledge it first' };
      if (alarm.condition) return { error: 'cannot reset: the condition is still active' };
      return { error: `cannot reset: the alarm is ${state}, not latched` };
  }
}

const endOverlay: Partial<Alarm> = {
  shelvedUntil: null,
  overlayReason: null,
  overlayBy: null,
  ackedBy: null,
  ackedAt: null,
};

/**
 * Applies one event to an alarm (ISA-18.2). Pure: returns the next alarm and the record of the
 * transition {from, to, event, who, when, why}, or a refusal naming the alarm and the reason;
 * a refused event changes nothing. A tick that expires nothing returns the same alarm and no
 * record; every other accepted event leaves exactly one record.
 */
export function applyAlarmEvent(alarm: Alarm, event: AlarmEvent): AlarmEventResult {
  const step = transition(alarm, event);
  if (step === null) return { ok: true, alarm, record: null };
  if ('error' in step) return { ok: false, error: `${alarm.key}: ${step.error}` };
  const next: Alarm = { ...alarm, ...step.patch, state: step.to, updatedAt: event.at };
  const who = 'who' in event ? event.who : SYSTEM_ACTOR;
  const record: AlarmEventRecord = {
    alarmKey: alarm.key,
    assetId: alarm.assetId,
    ruleId: alarm.ruleId,
    ruleVersion: alarm.ruleVersion,
    kind: alarm.kind,
    priority: alarm.priority,
    from: alarm.state,
    to: step.to,
    event: step.event ?? (event.type === 'tick' ? 'shelf_expired' : event.type),
    who,
    when: event.at,
    why: step.why,
    announced: step.to === 'unack_active' && alarm.state !== 'unack_active',
  };
  return { ok: true, alarm: next, record };
}
