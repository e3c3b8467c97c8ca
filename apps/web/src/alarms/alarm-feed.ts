import {
  AlarmChangesEventSchema,
  type AlarmListResponse,
  type AlarmView,
} from '@twinhelm/contracts';
import { AlarmStore, type AlarmSnapshot, type Announcement } from './alarm-store';

/** What React reads (useSyncExternalStore): a new object whenever anything shown changes. */
export interface AlarmFeedState {
  alarms: AlarmSnapshot;
  /** Why the list could not be fetched, with what to do; null when the last fetch worked. */
  error: string | null;
}

export interface AlarmFeedOptions {
  siteId: string;
  /** GET the site's alarm list (validated). */
  fetchList: (signal: AbortSignal) => Promise<AlarmListResponse>;
  /** New alarms the server announced (shelved and suppressed ones never are). */
  onAnnounce?: (announcements: Announcement[]) => void;
  schedule?: (fn: () => void, ms: number) => () => void;
  /** How long a gap in the changes may stay open before the list is fetched again. */
  gapGraceMs?: number;
  /** Wait before retrying a failed fetch. */
  retryMs?: number;
  /** Fetch again this often anyway (flood window counts, anything a lost event left behind). */
  refreshMs?: number;
}

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The alarm list could not be loaded (${message}); retrying. Alarms shown may be out of date.`;
}

/**
 * Keeps an AlarmStore current: fetches the list on start, after every (re)join of the site's
 * room (`resync`), when changes show a gap that does not close within `gapGraceMs`, and every
 * `refreshMs`; feeds it the validated `alarm:changes` payloads. One fetch at a time: a resync
 * asked for during a fetch runs right after it.
 */
export class AlarmFeed {
  private readonly store: AlarmStore;
  private state: AlarmFeedState;
  private readonly listeners = new Set<() => void>();
  private readonly schedule: (fn: () => void, ms: number) => () => void;
  private inFlight: AbortController | null = null;
  private again = false;
  private cancelGap: (() => void) | null = null;
  private cancelTimer: (() => void) | null = null;
  private disposed = false;
  /** Payloads that were not alarm changes of this site (a version mismatch shows here). */
  rejected = 0;

  constructor(private readonly options: AlarmFeedOptions) {
    this.store = new AlarmStore(options.siteId);
    this.schedule = options.schedule ?? defaultSchedule;
    this.state = { alarms: this.store.getSnapshot(), error: null };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): AlarmFeedState => this.state;

  /** A raw `alarm:changes` payload from the socket. */
  readonly receive = (payload: unknown): void => {
    if (this.disposed) return;
    const parsed = AlarmChangesEventSchema.safeParse(payload);
    if (!parsed.success || parsed.data.siteId !== this.options.siteId) {
      this.rejected += 1;
      return;
    }
    this.announce(this.store.receive(parsed.data));
    this.publish();
    this.watchGap();
  };

  /** Fetch the list again and replace what is shown (start, room joined again, gap). */
  readonly resync = (): void => {
    if (this.disposed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.store.beginResync();
    const controller = new AbortController();
    this.inFlight = controller;
    this.options.fetchList(controller.signal).then(
      (list) => this.loaded(controller, list),
      (error: unknown) => this.failed(controller, error),
    );
  };

  /**
   * An action answered with the alarm as it is now: when the list has not caught up shortly
   * after (its change event was lost), fetch the list again.
   */
  noteActed(alarm: AlarmView): void {
    const behind = () => {
      const shown = this.store.getSnapshot().byKey.get(alarm.key);
      return alarm.state === 'normal'
        ? shown !== undefined
        : (shown?.updatedAt ?? -1) < alarm.updatedAt;
    };
    if (!behind()) return;
    this.schedule(() => {
      if (!this.disposed && behind()) this.resync();
    }, this.options.gapGraceMs ?? 1000);
  }

  dispose(): void {
    this.disposed = true;
    this.inFlight?.abort();
    this.cancelGap?.();
    this.cancelTimer?.();
    this.listeners.clear();
  }

  private loaded(controller: AbortController, list: AlarmListResponse): void {
    if (this.disposed || this.inFlight !== controller) return;
    this.inFlight = null;
    this.announce(this.store.loadList(list));
    this.state = { alarms: this.store.getSnapshot(), error: null };
    this.emit();
    this.next(this.options.refreshMs ?? 60_000);
    this.watchGap();
  }

  /** Changes held behind a missing one: give it `gapGraceMs` to arrive, then fetch the list. */
  private watchGap(): void {
    if (!this.store.hasGap() || this.cancelGap !== null) return;
    this.cancelGap = this.schedule(() => {
      this.cancelGap = null;
      if (this.store.hasGap()) this.resync();
    }, this.options.gapGraceMs ?? 1000);
  }

  private failed(controller: AbortController, error: unknown): void {
    if (this.disposed || this.inFlight !== controller) return;
    this.inFlight = null;
    this.state = { ...this.state, error: describe(error) };
    this.emit();
    this.next(this.options.retryMs ?? 5000);
  }

  /** Run the pending resync now, or the next refresh/retry after `ms`. */
  private next(ms: number): void {
    if (this.again) {
      this.again = false;
      this.resync();
      return;
    }
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.resync();
    }, ms);
  }

  private announce(announcements: Announcement[]): void {
    if (announcements.length > 0) this.options.onAnnounce?.(announcements);
  }

  private publish(): void {
    const alarms = this.store.getSnapshot();
    if (alarms === this.state.alarms) return;
    this.state = { ...this.state, alarms };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
