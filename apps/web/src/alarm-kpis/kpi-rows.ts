import { ALARM_PRIORITIES, type AlarmKpiEntry, type AlarmPriority } from '@twinhelm/contracts';
import { PRIORITY_LABEL } from '../alarms/alarm-format';
import { formatWhen } from '../alarm-rules/format-when';
import { consoleHref } from '../lib/url-state';
import { formatShare, formatSpan } from './kpi-format';

/** What every KPI table row has: the alarm, its asset's name, and the console link to that asset. */
export interface KpiAlarmRow {
  /** Unique within its table (a standing alarm can appear once per long activation). */
  key: string;
  alarmKey: string;
  assetId: string;
  assetName: string | null;
  ruleId: string;
  /** /console?site=…&asset=…: the console with this asset selected. */
  href: string;
}

export interface ChatteringRow extends KpiAlarmRow {
  activations: number;
  mostPerMinute: number;
}

export interface StaleRow extends KpiAlarmRow {
  activeS: number;
  active: string;
  activations: number;
  status: string;
}

export interface StandingRow extends KpiAlarmRow {
  since: string;
  active: string;
  ongoing: boolean;
  status: string;
}

type Names = ReadonlyMap<string, string>;

function base(siteId: string, entry: AlarmKpiEntry, names: Names, key = entry.alarmKey) {
  return {
    key,
    alarmKey: entry.alarmKey,
    assetId: entry.assetId,
    assetName: names.get(entry.assetId) ?? null,
    ruleId: entry.ruleId,
    href: consoleHref(siteId, entry.assetId),
  };
}

/** Chattering top 10, as the API ranks them (most activations, then most within a minute). */
export function chatteringRows(
  siteId: string,
  entries: readonly AlarmKpiEntry[],
  names: Names = new Map(),
): ChatteringRow[] {
  return entries.map((entry) => ({
    ...base(siteId, entry, names),
    activations: entry.activations,
    mostPerMinute: entry.maxPerMinute ?? 0,
  }));
}

/** Stale-data top 10 by time active within the period. */
export function staleRows(
  siteId: string,
  entries: readonly AlarmKpiEntry[],
  names: Names = new Map(),
): StaleRow[] {
  return entries.map((entry) => ({
    ...base(siteId, entry, names),
    activeS: entry.activeS,
    active: formatSpan(entry.activeS),
    activations: entry.activations,
    status: entry.ongoing ? 'still stale' : 'updating again',
  }));
}

/** Standing alarms (one activation over 24 h), longest first. */
export function standingRows(
  siteId: string,
  entries: readonly AlarmKpiEntry[],
  names: Names = new Map(),
): StandingRow[] {
  return entries.map((entry) => ({
    ...base(siteId, entry, names, `${entry.alarmKey}@${entry.since ?? 'unknown'}`),
    since: entry.since === null ? '—' : formatWhen(entry.since),
    active: formatSpan(entry.activeS),
    ongoing: entry.ongoing,
    status: entry.ongoing ? 'ongoing' : 'cleared',
  }));
}

export interface PriorityBar {
  priority: AlarmPriority;
  label: string;
  count: number;
  /** Share of the period's announcements (0–1); 0 when there were none. */
  share: number;
  shareText: string;
}

/** Announcements per priority, critical first, with their shares of the total. */
export function priorityBars(byPriority: Partial<Record<AlarmPriority, number>>): PriorityBar[] {
  const counts = ALARM_PRIORITIES.map((priority) => byPriority[priority] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  return ALARM_PRIORITIES.map((priority, i) => {
    const count = counts[i] ?? 0;
    const share = total === 0 ? 0 : count / total;
    return {
      priority,
      label: PRIORITY_LABEL[priority],
      count,
      share,
      shareText: formatShare(share),
    };
  });
}
