import {
  type AlarmCause,
  type AlarmEventType,
  type AlarmFloodStatus,
  type AlarmPriority,
  type AlarmState,
  type AlarmView,
} from '@twinhelm/contracts';
import { formatNumber } from '../lib/format-value';

export const PRIORITY_LABEL: Record<AlarmPriority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const STATE_LABEL: Record<AlarmState, string> = {
  normal: 'Normal',
  unack_active: 'Unacknowledged',
  ack_active: 'Acknowledged',
  unack_rtn: 'Cleared, unacknowledged',
  latched: 'Latched',
  shelved: 'Shelved',
  suppressed: 'Suppressed',
  out_of_service: 'Out of service',
};

/** Short labels for the banner's counts, in the order they are shown. */
export const STATE_COUNT_LABEL: readonly [AlarmState, string][] = [
  ['unack_active', 'unack'],
  ['ack_active', 'ack'],
  ['unack_rtn', 'cleared unack'],
  ['latched', 'latched'],
  ['shelved', 'shelved'],
  ['suppressed', 'suppressed'],
  ['out_of_service', 'out of service'],
];

/** "unack 3 · ack 5 · shelved 1": unacknowledged always, the other states when not zero. */
export function countsText(counts: Readonly<Record<AlarmState, number>>): string {
  return STATE_COUNT_LABEL.filter(([state]) => state === 'unack_active' || counts[state] > 0)
    .map(([state, label]) => `${label} ${counts[state]}`)
    .join(' · ');
}

/** "FLOOD: 14 alarms in 10 min" while a flood is on; null otherwise. */
export function floodText(flood: AlarmFloodStatus): string | null {
  if (!flood.active) return null;
  const minutes = Math.round(flood.windowMs / 60_000);
  return `FLOOD: ${flood.count} alarm${flood.count === 1 ? '' : 's'} in ${minutes} min`;
}

const CAUSE_LABEL: Record<AlarmCause['kind'], string> = {
  pump_trip: 'pump trip',
  valve_closed: 'closed valve',
  burst: 'suspected burst',
};

/** "Root cause: pump trip at PU1". */
export function causeText(cause: AlarmCause): string {
  return `Root cause: ${CAUSE_LABEL[cause.kind]} at ${cause.linkId}`;
}

/** "+6 downstream" */
export function downstreamText(count: number): string {
  return `+${count} downstream`;
}

/** One line for the list: the server's text, or the rule on the asset. */
export function alarmSummary(alarm: AlarmView): string {
  return alarm.text ?? `${alarm.ruleId} on ${alarm.assetId}`;
}

/** Names of the values the rule evaluator records (packages/alarms), for people. */
const VALUE_LABEL: Record<string, string> = {
  value: 'value',
  setpoint: 'limit',
  deadband: 'deadband',
  ratePerMin: 'change per min',
  maxPerMin: 'max change per min',
  measured: 'measured',
  modelled: 'modelled',
  residual: 'residual',
  band: 'band ±',
  command: 'command',
  feedback: 'feedback',
  feedbackMin: 'feedback at least',
  hours: 'hours to empty',
  withinH: 'warning horizon h',
  silentS: 'silent s',
  limitS: 'allowed silence s',
};

/** The values that raised an alarm, labelled for people, in a stable order. */
export function valueEntries(values: Readonly<Record<string, number>>): [string, string][] {
  return Object.entries(values)
    .sort(([a], [b]) => (a === 'value' ? -1 : b === 'value' ? 1 : a.localeCompare(b)))
    .map(([name, v]) => [VALUE_LABEL[name] ?? name, formatNumber(v)]);
}

/**
 * The metric the alarm's trend shows: its own; a tank's level for a time-to-empty prediction
 * (the prediction itself is not measured telemetry); a pump's power for a state mismatch.
 */
export function trendMetric(alarm: AlarmView): string | null {
  if (alarm.kind === 'prediction') return 'level';
  // A mismatch is judged on the feedback (power against its minimum), whatever was commanded.
  if (alarm.kind === 'mismatch') return 'power';
  return alarm.metric !== null && alarm.metric !== '' ? alarm.metric : null;
}

/** The limit to draw on the trend: the setpoint, or the feedback a running pump shows at least. */
export function referenceLimit(alarm: AlarmView): number | null {
  const limit =
    alarm.values.setpoint ?? (alarm.kind === 'mismatch' ? alarm.values.feedbackMin : undefined);
  return typeof limit === 'number' && Number.isFinite(limit) ? limit : null;
}

export const EVENT_LABEL: Record<AlarmEventType, string> = {
  condition_active: 'Raised',
  condition_clear: 'Cleared',
  acknowledge: 'Acknowledged',
  shelve: 'Shelved',
  unshelve: 'Unshelved',
  shelf_expired: 'Shelf expired',
  suppress: 'Suppressed',
  unsuppress: 'Unsuppressed',
  remove_from_service: 'Out of service',
  return_to_service: 'Returned to service',
  comment: 'Comment',
  assign: 'Assigned',
  reset: 'Reset',
};

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dayClock = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "14:05" */
export function formatClock(t: number): string {
  return clock.format(t);
}

const secondsClock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An axis tick: "14:05", or "14:05:09" when the axis spans under ten minutes. */
export function formatAxisClock(t: number, spanMs: number): string {
  return spanMs < 600_000 ? secondsClock.format(t) : clock.format(t);
}

/** "Nov 22, 14:05:09" */
export function formatWhen(t: number): string {
  return dayClock.format(t);
}

/** "just now", "4 min ago", "2 h 5 min ago", "3 d ago" */
export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 45) return 'just now';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h ago` : `${h} h ${min % 60} min ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** What the state adds for people: who acknowledged, until when shelved, why out of service. */
export function stateDetail(alarm: AlarmView): string | null {
  switch (alarm.state) {
    case 'ack_active':
      return alarm.ackedBy ? `by ${alarm.ackedBy}` : null;
    case 'shelved':
      return [
        alarm.shelvedUntil !== null ? `until ${formatClock(alarm.shelvedUntil)}` : null,
        alarm.overlayBy ? `by ${alarm.overlayBy}` : null,
        alarm.overlayReason ? `: ${alarm.overlayReason}` : null,
      ]
        .filter((part) => part !== null)
        .join(' ')
        .replace(' :', ':');
    case 'suppressed':
    case 'out_of_service':
      return alarm.overlayReason
        ? `${alarm.overlayBy ? `by ${alarm.overlayBy}: ` : ''}${alarm.overlayReason}`
        : null;
    default:
      return null;
  }
}
