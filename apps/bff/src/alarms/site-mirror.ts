import { isAnnounced } from '@twinhelm/alarms';
import {
  emptyStateCounts,
  type AlarmChangesEvent,
  type AlarmFloodStatus,
  type AlarmRule,
  type AlarmState,
  type AlarmView,
} from '@twinhelm/contracts';
import type { SiteAlarmsView } from '../ports/alarm-engine-port';
import type { StoredAlarm } from './alarm-store';
import { NO_GROUPING, regroupedKeys, type Grouping } from './alarm-grouping';

/** One stored change as the mirror takes it. */
export interface CommittedChange {
  alarms: readonly StoredAlarm[];
  announced: readonly string[];
  flood: AlarmFloodStatus;
}

export interface MirrorContext {
  rule(key: string): AlarmRule | undefined;
  /** Groups the announced alarms (root cause through the network). */
  group(announced: readonly StoredAlarm['alarm'][]): Grouping;
  clock(): number;
}

/**
 * A site's alarms as stored: what view() answers and what change events carry. It moves only
 * when a write has committed, so a reader never sees a change that could still be lost, and
 * `seq` grows by one per pushed event.
 */
export class SiteMirror {
  private readonly alarms = new Map<string, StoredAlarm>();
  private grouping: Grouping = NO_GROUPING;
  private seq: number;
  private at: number;
  /** Time to group the announced alarms, last and most (ms). */
  readonly groupingMs = { last: 0, max: 0 };

  constructor(
    readonly siteId: string,
    initial: readonly StoredAlarm[],
    private flood: AlarmFloodStatus,
    private readonly context: MirrorContext,
  ) {
    for (const stored of initial) this.alarms.set(stored.alarm.key, stored);
    // Starts at the clock (ms) so that seq keeps growing across restarts.
    this.seq = context.clock();
    this.at = this.seq;
    this.regroup();
  }

  /** Takes stored changes; returns the event to push. */
  commit(changes: readonly CommittedChange[]): AlarmChangesEvent {
    const keys = new Set<string>();
    const announced: string[] = [];
    for (const change of changes) {
      for (const stored of change.alarms) {
        this.alarms.set(stored.alarm.key, stored);
        keys.add(stored.alarm.key);
      }
      announced.push(...change.announced);
      this.flood = change.flood;
    }
    for (const key of this.regroup()) if (this.alarms.has(key)) keys.add(key);
    return this.event([...keys], announced);
  }

  /** Regroups (e.g. a pump's live status changed); the event to push if any group changed. */
  regroupEvent(): AlarmChangesEvent | null {
    const keys = [...this.regroup()].filter((key) => this.alarms.has(key));
    return keys.length > 0 ? this.event(keys, []) : null;
  }

  /** After a rule reload: every alarm's consequence and response may have changed. */
  rulesChangedEvent(): AlarmChangesEvent {
    return this.event([...this.alarms.keys()], []);
  }

  view(): SiteAlarmsView {
    return {
      seq: this.seq,
      at: this.at,
      alarms: [...this.alarms.keys()].sort().map((key) => this.viewOf(key)!),
      groups: this.grouping.groups,
      counts: this.counts(),
      flood: this.flood,
    };
  }

  viewOf(key: string): AlarmView | undefined {
    const stored = this.alarms.get(key);
    if (!stored) return undefined;
    const rule = this.context.rule(key);
    return {
      ...stored.alarm,
      text: stored.text,
      consequence: rule?.consequence ?? `rule ${stored.alarm.ruleId} is no longer defined`,
      response: rule?.response ?? 'none: the rule behind this alarm was removed',
      announcedAt: stored.announcedAt,
      parentKey: this.grouping.parentOf.get(key) ?? null,
      childKeys: this.grouping.childrenOf.get(key) ?? [],
    };
  }

  private regroup(): Set<string> {
    const started = performance.now();
    const announced = [...this.alarms.values()]
      .filter((stored) => isAnnounced(stored.alarm.state))
      .map((stored) => stored.alarm);
    const next = this.context.group(announced);
    const ms = performance.now() - started;
    this.groupingMs.last = ms;
    this.groupingMs.max = Math.max(this.groupingMs.max, ms);
    const changed = regroupedKeys(this.grouping, next);
    this.grouping = next;
    return changed;
  }

  private counts(): Record<AlarmState, number> {
    const counts = emptyStateCounts();
    for (const stored of this.alarms.values()) counts[stored.alarm.state] += 1;
    return counts;
  }

  private event(keys: readonly string[], announced: readonly string[]): AlarmChangesEvent {
    this.seq += 1;
    this.at = this.context.clock();
    return {
      siteId: this.siteId,
      seq: this.seq,
      at: this.at,
      alarms: keys.flatMap((key) => {
        const view = this.viewOf(key);
        return view ? [view] : [];
      }),
      announced: [...announced],
      groups: this.grouping.groups,
      counts: this.counts(),
      flood: this.flood,
    };
  }
}
