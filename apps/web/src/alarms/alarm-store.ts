import {
  ANNOUNCED_STATES,
  emptyStateCounts,
  type AlarmChangesEvent,
  type AlarmFloodStatus,
  type AlarmGroup,
  type AlarmListResponse,
  type AlarmState,
  type AlarmView,
} from '@twinhelm/contracts';

/** The site's alarms as the console shows them: coarse, a new object on every applied change. */
export interface AlarmSnapshot {
  /** False until the first list arrives. */
  loaded: boolean;
  /** The last list or change applied (null before the first list). */
  seq: number | null;
  /** Server time of that list or change, epoch ms. */
  at: number | null;
  /** Every alarm not in `normal`, keyed by `<assetId>/<ruleId>`. */
  byKey: ReadonlyMap<string, AlarmView>;
  groups: readonly AlarmGroup[];
  counts: Readonly<Record<AlarmState, number>>;
  flood: AlarmFloodStatus;
}

/** A newly announced alarm (the server's `announced` keys, in a state operators see). */
export interface Announcement {
  key: string;
  alarm: AlarmView;
  seq: number;
}

const NO_FLOOD: AlarmFloodStatus = {
  active: false,
  since: null,
  count: 0,
  windowMs: 600_000,
  last24h: 0,
};

export const EMPTY_ALARMS: AlarmSnapshot = {
  loaded: false,
  seq: null,
  at: null,
  byKey: new Map(),
  groups: [],
  counts: emptyStateCounts(),
  flood: NO_FLOOD,
};

const announcedStates = new Set<AlarmState>(ANNOUNCED_STATES);

/** Most changes held while waiting for a missing one or for the list; older ones are dropped. */
export const MAX_HELD_CHANGES = 1000;

/**
 * The alarm list kept current from the REST list and the `alarm:changes` events (pure: no
 * fetch, no socket, no clock). Changes apply strictly in seq order: a duplicate or one already
 * in the list (seq ≤ current) is dropped; one ahead of a missing seq is held until the missing
 * one arrives (`hasGap()` says the list should be fetched again). `beginResync()` before a fetch
 * holds every change until `loadList`, which replaces the state and replays the held changes
 * newer than the list, so the view is exact after a reconnect.
 */
export class AlarmStore {
  private snapshot: AlarmSnapshot = EMPTY_ALARMS;
  private held = new Map<number, AlarmChangesEvent>();
  private syncing = true;

  constructor(private readonly siteId: string) {}

  getSnapshot(): AlarmSnapshot {
    return this.snapshot;
  }

  /** Whether changes are held behind a missing one (the list must be fetched again). */
  hasGap(): boolean {
    return !this.syncing && this.held.size > 0;
  }

  /** Whether changes are being held until the next list (a fetch is due or in flight). */
  isSyncing(): boolean {
    return this.syncing;
  }

  /** A list fetch is starting: hold changes until it arrives. */
  beginResync(): void {
    this.syncing = true;
  }

  /**
   * Replace the state with a list (after beginResync, whatever its seq; otherwise only when it
   * is not older than what is shown), then apply the held changes that are newer. Returns what
   * those changes announced. A list of another site is ignored.
   */
  loadList(list: AlarmListResponse): Announcement[] {
    if (list.siteId !== this.siteId) return [];
    const current = this.snapshot.seq;
    if (!this.syncing && current !== null && list.seq < current) return [];
    this.syncing = false;
    const byKey = new Map<string, AlarmView>();
    for (const alarm of list.alarms) if (alarm.state !== 'normal') byKey.set(alarm.key, alarm);
    this.snapshot = {
      loaded: true,
      seq: list.seq,
      at: list.at,
      byKey,
      groups: list.groups,
      counts: { ...emptyStateCounts(), ...list.counts },
      flood: list.flood,
    };
    return this.drain();
  }

  /** One `alarm:changes` event (already validated). Returns what it (and any it unblocked) announced. */
  receive(event: AlarmChangesEvent): Announcement[] {
    if (event.siteId !== this.siteId) return [];
    const current = this.snapshot.seq;
    if (current !== null && !this.syncing && event.seq <= current) return [];
    this.held.set(event.seq, event);
    if (this.held.size > MAX_HELD_CHANGES) {
      const oldest = Math.min(...this.held.keys());
      this.held.delete(oldest);
    }
    if (this.syncing || current === null) return [];
    return this.drain();
  }

  private drain(): Announcement[] {
    const announced: Announcement[] = [];
    const current = this.snapshot.seq ?? 0;
    for (const seq of [...this.held.keys()]) if (seq <= current) this.held.delete(seq);
    let next = this.held.get((this.snapshot.seq ?? 0) + 1);
    while (next) {
      this.held.delete(next.seq);
      announced.push(...this.apply(next));
      next = this.held.get(next.seq + 1);
    }
    return announced;
  }

  private apply(event: AlarmChangesEvent): Announcement[] {
    const byKey = new Map(this.snapshot.byKey);
    for (const alarm of event.alarms) {
      if (alarm.state === 'normal') byKey.delete(alarm.key);
      else byKey.set(alarm.key, alarm);
    }
    this.snapshot = {
      loaded: true,
      seq: event.seq,
      at: event.at,
      byKey,
      groups: event.groups,
      counts: { ...emptyStateCounts(), ...event.counts },
      flood: event.flood,
    };
    const announced: Announcement[] = [];
    for (const key of new Set(event.announced)) {
      const alarm = event.alarms.find((a) => a.key === key);
      if (alarm && announcedStates.has(alarm.state)) announced.push({ key, alarm, seq: event.seq });
    }
    return announced;
  }
}
