import {
  ANNOUNCED_STATES,
  type AlarmCause,
  type AlarmGroup,
  type AlarmPriority,
  type AlarmState,
  type AlarmView,
} from '@twinhelm/contracts';

export const PRIORITY_RANK: Record<AlarmPriority, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

/** When an alarm came to operators' attention: announced, else active since, else last change. */
export function alarmTime(alarm: AlarmView): number {
  return alarm.announcedAt ?? alarm.activeSince ?? alarm.updatedAt;
}

/** Priority first (critical on top), then newest first, then by key so the order is stable. */
export function compareAlarms(a: AlarmView, b: AlarmView): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    alarmTime(b) - alarmTime(a) ||
    a.key.localeCompare(b.key)
  );
}

/** Which states the list shows. */
export const STATE_FILTERS = {
  shown: { label: 'Shown to operators', states: ANNOUNCED_STATES },
  unack: { label: 'Unacknowledged', states: ['unack_active', 'unack_rtn'] },
  active: { label: 'Active', states: ['unack_active', 'ack_active'] },
  latched: { label: 'Latched', states: ['latched'] },
  shelved: { label: 'Shelved', states: ['shelved'] },
  suppressed: { label: 'Suppressed', states: ['suppressed'] },
  out_of_service: { label: 'Out of service', states: ['out_of_service'] },
  all: {
    label: 'All',
    states: [
      'unack_active',
      'ack_active',
      'unack_rtn',
      'latched',
      'shelved',
      'suppressed',
      'out_of_service',
    ],
  },
} as const satisfies Record<string, { label: string; states: readonly AlarmState[] }>;
export type StateFilter = keyof typeof STATE_FILTERS;

export interface AlarmFilter {
  /** Empty: every priority. */
  priorities: readonly AlarmPriority[];
  states: StateFilter;
  /** Matches the asset id, the rule id or the alarm's text (case-insensitive). */
  text: string;
}

export const DEFAULT_FILTER: AlarmFilter = { priorities: [], states: 'shown', text: '' };

export function matchesFilter(alarm: AlarmView, filter: AlarmFilter): boolean {
  if (filter.priorities.length > 0 && !filter.priorities.includes(alarm.priority)) return false;
  if (!(STATE_FILTERS[filter.states].states as readonly AlarmState[]).includes(alarm.state))
    return false;
  const text = filter.text.trim().toLowerCase();
  if (text === '') return true;
  return [alarm.assetId, alarm.ruleId, alarm.text ?? ''].some((s) =>
    s.toLowerCase().includes(text),
  );
}

/** One line of the list: an alarm and, for a root cause, the alarms grouped under it. */
export interface AlarmRow {
  alarm: AlarmView;
  children: AlarmView[];
  cause: AlarmCause | null;
}

/**
 * The list's rows: alarms ordered by priority then time; a root cause's children (from its
 * group and its childKeys) sit under it instead of in the list. A group is shown when its
 * parent or any child matches the filter, with all its children; a child whose parent is not
 * in the list (back to normal) stands on its own.
 */
export function alarmRows(
  byKey: ReadonlyMap<string, AlarmView>,
  groups: readonly AlarmGroup[],
  filter: AlarmFilter,
): AlarmRow[] {
  const childrenOf = new Map<string, Set<string>>();
  const causeOf = new Map<string, AlarmCause>();
  const addChild = (parent: string, child: string) => {
    if (parent === child || !byKey.has(parent) || !byKey.has(child)) return;
    const set = childrenOf.get(parent) ?? new Set<string>();
    set.add(child);
    childrenOf.set(parent, set);
  };
  for (const group of groups) {
    causeOf.set(group.parentKey, group.cause);
    for (const child of group.childKeys) addChild(group.parentKey, child);
  }
  for (const alarm of byKey.values()) {
    for (const child of alarm.childKeys) addChild(alarm.key, child);
    if (alarm.parentKey !== null) addChild(alarm.parentKey, alarm.key);
  }
  const descendants = (key: string): AlarmView[] => {
    const seen = new Set([key]);
    const queue = [...(childrenOf.get(key) ?? [])];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(childrenOf.get(next) ?? []));
    }
    seen.delete(key);
    return [...seen].map((k) => byKey.get(k)!).sort(compareAlarms);
  };
  const grouped = new Set([...childrenOf.values()].flatMap((set) => [...set]));
  const placed = new Set<string>();
  const rows: AlarmRow[] = [];
  const place = (alarm: AlarmView) => {
    const children = descendants(alarm.key).filter((c) => !placed.has(c.key));
    placed.add(alarm.key);
    for (const child of children) placed.add(child.key);
    if (!matchesFilter(alarm, filter) && !children.some((c) => matchesFilter(c, filter))) return;
    rows.push({ alarm, children, cause: causeOf.get(alarm.key) ?? null });
  };
  for (const alarm of byKey.values()) if (!grouped.has(alarm.key)) place(alarm);
  // Never lose an alarm to a malformed grouping (a cycle): what is left stands on its own.
  for (const alarm of byKey.values()) if (!placed.has(alarm.key)) place(alarm);
  return rows.sort((a, b) => compareAlarms(a.alarm, b.alarm));
}

/** The keys in the order the list shows them (children only when their group is expanded). */
export function visibleKeys(rows: readonly AlarmRow[], expanded: ReadonlySet<string>): string[] {
  return rows.flatMap((row) =>
    expanded.has(row.alarm.key)
      ? [row.alarm.key, ...row.children.map((c) => c.key)]
      : [row.alarm.key],
  );
}

/** The key `delta` steps from `current` (the first or last when none is current), clamped. */
export function stepSelection(
  keys: readonly string[],
  current: string | null,
  delta: number,
): string | null {
  if (keys.length === 0) return null;
  const at = current === null ? -1 : keys.indexOf(current);
  if (at === -1) return delta >= 0 ? keys[0]! : keys.at(-1)!;
  return keys[Math.min(keys.length - 1, Math.max(0, at + delta))]!;
}

const UNACKNOWLEDGED = new Set<AlarmState>(['unack_active', 'unack_rtn']);

/** The banner's alarm: the highest-priority unacknowledged one, newest first; null when none. */
export function bannerAlarm(byKey: ReadonlyMap<string, AlarmView>): AlarmView | null {
  let best: AlarmView | null = null;
  for (const alarm of byKey.values()) {
    if (!UNACKNOWLEDGED.has(alarm.state)) continue;
    if (best === null || compareAlarms(alarm, best) < 0) best = alarm;
  }
  return best;
}

/** One 3D badge per asset with alarms operators see (the scene's AlarmBadge). */
export interface AlarmBadge {
  assetId: string;
  /** The highest priority among them. */
  priority: AlarmPriority;
  count: number;
  /** Any of them not yet acknowledged (the badge blinks). */
  unacknowledged: boolean;
}

const SHOWN = new Set<AlarmState>(ANNOUNCED_STATES);

export function alarmBadges(byKey: ReadonlyMap<string, AlarmView>): AlarmBadge[] {
  const badges = new Map<string, AlarmBadge>();
  for (const alarm of byKey.values()) {
    if (!SHOWN.has(alarm.state)) continue;
    const unack = UNACKNOWLEDGED.has(alarm.state);
    const badge = badges.get(alarm.assetId);
    if (!badge) {
      badges.set(alarm.assetId, {
        assetId: alarm.assetId,
        priority: alarm.priority,
        count: 1,
        unacknowledged: unack,
      });
      continue;
    }
    badge.count += 1;
    badge.unacknowledged ||= unack;
    if (PRIORITY_RANK[alarm.priority] < PRIORITY_RANK[badge.priority])
      badge.priority = alarm.priority;
  }
  return [...badges.values()].sort((a, b) => a.assetId.localeCompare(b.assetId));
}
