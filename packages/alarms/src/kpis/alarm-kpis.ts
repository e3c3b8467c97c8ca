import {
  ALARM_PRIORITIES,
  type AlarmEventRecord,
  type AlarmKpiEntry,
  type AlarmKpis,
  type AlarmPriority,
} from '@twinhelm/contracts';
import { createFloodDetector, type FloodOptions } from '../flood/flood-detector';

export interface AlarmKpiOptions {
  from: number;
  to: number;
  /** Operator positions sharing the load (alarms per operator-hour divides by it). */
  operators?: number;
  flood?: FloodOptions;
}

const MINUTE_MS = 60_000;
const TEN_MINUTES_MS = 600_000;
const STANDING_MS = 24 * 3_600_000;
const TOP = 10;

/** Most timestamps (sorted) within any window of `windowMs`. */
function peakInWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  let head = 0;
  for (let i = 0; i < times.length; i++) {
    while (times[i]! - times[head]! >= windowMs) head++;
    peak = Math.max(peak, i - head + 1);
  }
  return peak;
}

interface Interval {
  start: number;
  end: number;
  ongoing: boolean;
}

interface PerAlarm {
  first: AlarmEventRecord;
  activations: number[];
  intervals: Interval[];
  openSince: number | null;
}

function overlapMs(interval: Interval, from: number, to: number): number {
  return Math.max(0, Math.min(interval.end, to) - Math.max(interval.start, from));
}

function entry(
  alarm: PerAlarm,
  fields: Pick<AlarmKpiEntry, 'activations' | 'maxPerMinute' | 'activeS' | 'since' | 'ongoing'>,
): AlarmKpiEntry {
  return {
    alarmKey: alarm.first.alarmKey,
    assetId: alarm.first.assetId,
    ruleId: alarm.first.ruleId,
    ...fields,
  };
}

/**
 * Alarm KPIs over [from, to) from event records (any order; records before `from` set the
 * state the period starts in). Announcements are records with `announced: true`; activations
 * are `condition_active` records, shelved or not.
 */
export function computeAlarmKpis(
  records: readonly AlarmEventRecord[],
  options: AlarmKpiOptions,
): AlarmKpis {
  const { from, to } = options;
  const operators = options.operators ?? 1;
  if (!(to > from)) throw new Error(`KPI period: to (${to}) must be after from (${from})`);
  if (!(operators > 0)) throw new Error(`KPI operators must be > 0, got ${operators}`);
  const sorted = [...records].sort((a, b) => a.when - b.when);
  const inPeriod = (t: number): boolean => t >= from && t < to;

  const announcedTimes: number[] = [];
  const byPriority = Object.fromEntries(ALARM_PRIORITIES.map((p) => [p, 0])) as Record<
    AlarmPriority,
    number
  >;
  const flood = createFloodDetector(options.flood);
  let floodSince: number | null = null;
  let floodMs = 0;
  const addFlood = (start: number, end: number): void => {
    floodMs += Math.max(0, Math.min(end, to) - Math.max(start, from));
  };
  const onFlood = (changes: { flood: boolean; ts: number }[]): void => {
    for (const change of changes) {
      if (change.flood) floodSince = change.ts;
      else if (floodSince !== null) {
        addFlood(floodSince, change.ts);
        floodSince = null;
      }
    }
  };

  const alarms = new Map<string, PerAlarm>();
  const awaitingAck = new Map<string, number>();
  const ackDelays: number[] = [];

  for (const record of sorted) {
    if (record.when >= to) break;
    const alarm = alarms.get(record.alarmKey) ?? {
      first: record,
      activations: [],
      intervals: [],
      openSince: null,
    };
    alarms.set(record.alarmKey, alarm);
    if (record.event === 'condition_active') {
      alarm.openSince = record.when;
      if (inPeriod(record.when)) alarm.activations.push(record.when);
    } else if (record.event === 'condition_clear' && alarm.openSince !== null) {
      alarm.intervals.push({ start: alarm.openSince, end: record.when, ongoing: false });
      alarm.openSince = null;
    }
    if (record.announced) {
      onFlood(flood.record('site', record.when));
      awaitingAck.set(record.alarmKey, record.when);
      if (inPeriod(record.when)) {
        announcedTimes.push(record.when);
        byPriority[record.priority]++;
      }
    } else if (record.from === 'unack_active' || record.from === 'unack_rtn') {
      const announcedAt = awaitingAck.get(record.alarmKey);
      const leavesUnack = record.to !== 'unack_active' && record.to !== 'unack_rtn';
      if (announcedAt !== undefined && leavesUnack) {
        if (record.event === 'acknowledge' && inPeriod(record.when))
          ackDelays.push(record.when - announcedAt);
        awaitingAck.delete(record.alarmKey);
      }
    }
  }
  onFlood(flood.advance(to));
  if (floodSince !== null) addFlood(floodSince, to);

  for (const alarm of alarms.values()) {
    if (alarm.openSince !== null)
      alarm.intervals.push({ start: alarm.openSince, end: to, ongoing: true });
  }
  const all = [...alarms.values()];
  const activeMs = (alarm: PerAlarm): number =>
    alarm.intervals.reduce((sum, interval) => sum + overlapMs(interval, from, to), 0);

  const chattering = all
    .map((alarm) => ({ alarm, maxPerMinute: peakInWindow(alarm.activations, MINUTE_MS) }))
    .filter(({ maxPerMinute }) => maxPerMinute >= 3)
    .sort(
      (a, b) =>
        b.alarm.activations.length - a.alarm.activations.length || b.maxPerMinute - a.maxPerMinute,
    )
    .slice(0, TOP)
    .map(({ alarm, maxPerMinute }) =>
      entry(alarm, {
        activations: alarm.activations.length,
        maxPerMinute,
        activeS: activeMs(alarm) / 1000,
        since: null,
        ongoing: alarm.openSince !== null,
      }),
    );

  const staleData = all
    .filter((alarm) => alarm.first.kind === 'stale')
    .map((alarm) => ({ alarm, ms: activeMs(alarm) }))
    .filter(({ ms }) => ms > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, TOP)
    .map(({ alarm, ms }) =>
      entry(alarm, {
        activations: alarm.activations.length,
        maxPerMinute: null,
        activeS: ms / 1000,
        since: null,
        ongoing: alarm.openSince !== null,
      }),
    );

  const standing = all
    .flatMap((alarm) =>
      alarm.intervals
        .filter((interval) => interval.end - interval.start > STANDING_MS && interval.end > from)
        .map((interval) =>
          entry(alarm, {
            activations: alarm.activations.length,
            maxPerMinute: null,
            activeS: (interval.end - interval.start) / 1000,
            since: interval.start,
            ongoing: interval.ongoing,
          }),
        ),
    )
    .sort((a, b) => b.activeS - a.activeS);

  const hours = (to - from) / 3_600_000;
  return {
    from,
    to,
    operators,
    announced: announcedTimes.length,
    byPriority,
    alarmsPerOperatorHour: announcedTimes.length / (hours * operators),
    peakPer10Min: peakInWindow(announcedTimes, TEN_MINUTES_MS),
    floodShare: floodMs / (to - from),
    chattering,
    staleData,
    standing,
    meanTimeToAckS:
      ackDelays.length === 0
        ? null
        : ackDelays.reduce((a, b) => a + b, 0) / ackDelays.length / 1000,
    acknowledged: ackDelays.length,
    unacknowledged: awaitingAck.size,
  };
}
