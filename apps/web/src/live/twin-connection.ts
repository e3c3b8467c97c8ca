import {
  TwinDeltaSchema,
  TwinSnapshotSchema,
  type TwinDelta,
  type TwinSnapshot,
} from '@twinhelm/contracts';
import { type SiteEventName, type TwinTransport } from './twin-transport';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** Coarse connection state for React (useSyncExternalStore): a new object on every change. */
export interface ConnectionState {
  status: ConnectionStatus;
  /** What went wrong and what to do, when something did. */
  error: string | null;
  /** The session is gone: the page should send the user to /login. */
  unauthorized: boolean;
  /** Version of the last snapshot applied (deltas do not notify: see getVersion). */
  snapshotVersion: number | null;
  /** Joins after the first one (version gaps, reconnects). */
  resyncs: number;
  /** When the last snapshot was applied, epoch ms. */
  lastSyncAt: number | null;
}

export interface TwinConnectionOptions {
  siteId: string;
  transport: TwinTransport;
  onSnapshot(snapshot: TwinSnapshot): void;
  onDelta(delta: TwinDelta): void;
  /** Scenario progress and nowcasts of the site's room, raw (validated by the receiver). */
  onSiteEvent?(event: SiteEventName, payload: unknown): void;
  now?: () => number;
  /** Timer used to retry a join that timed out; returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  joinRetryMs?: number;
  /** Consecutive connection failures before the status says "offline" rather than "reconnecting". */
  offlineAfterFailures?: number;
}

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/** Before the first join completes. */
export const INITIAL_CONNECTION_STATE: ConnectionState = {
  status: 'connecting',
  error: null,
  unauthorized: false,
  snapshotVersion: null,
  resyncs: 0,
  lastSyncAt: null,
};

/**
 * One live feed of a site's twin: joins the site's room, applies the snapshot, then applies
 * deltas in version order. A version gap or a reconnect joins again and replaces the state with
 * the new snapshot (resync). Deltas that arrive while a join is in flight are held and replayed
 * on top of the snapshot, so a busy feed does not resync forever.
 */
export class TwinConnection {
  private state: ConnectionState = INITIAL_CONNECTION_STATE;
  private readonly listeners = new Set<() => void>();
  private version: number | null = null;
  private joinSeq = 0;
  private joining = false;
  private joins = 0;
  private held: TwinDelta[] = [];
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private disposed = false;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(private readonly options: TwinConnectionOptions) {
    this.now = options.now ?? Date.now;
    this.schedule = options.schedule ?? defaultSchedule;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ConnectionState => this.state;

  /** Version of the last applied snapshot or delta. */
  getVersion(): number | null {
    return this.version;
  }

  start(): void {
    this.options.transport.start({
      onConnect: () => this.handleConnect(),
      onDisconnect: (reason) => this.handleDisconnect(reason),
      onConnectError: (message) => this.handleConnectError(message),
      onDelta: (payload) => this.handleDelta(payload),
      onSiteEvent: (event, payload) => {
        if (!this.disposed) this.options.onSiteEvent?.(event, payload);
      },
    });
  }

  dispose(): void {
    this.disposed = true;
    this.cancelRetry?.();
    this.options.transport.close();
    this.listeners.clear();
  }

  private set(patch: Partial<ConnectionState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private handleConnect(): void {
    this.failures = 0;
    this.join();
  }

  private handleDisconnect(reason: string): void {
    this.joinSeq += 1;
    this.joining = false;
    this.held = [];
    this.cancelRetry?.();
    this.set({ status: 'reconnecting', error: null });
    if (reason === 'io server disconnect' && !this.disposed) this.options.transport.reconnect();
  }

  private handleConnectError(message: string): void {
    if (message === 'unauthorized') {
      this.set({
        status: 'offline',
        unauthorized: true,
        error: 'Your session has ended: sign in again.',
      });
      this.options.transport.close();
      return;
    }
    this.failures += 1;
    const limit = this.options.offlineAfterFailures ?? 3;
    this.set({
      status: this.failures >= limit ? 'offline' : 'reconnecting',
      error: `Cannot reach the live feed (${message}); retrying. Check the network or the server.`,
    });
  }

  private join(): void {
    if (this.disposed) return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    const seq = ++this.joinSeq;
    this.joining = true;
    this.held = [];
    if (this.joins > 0) this.set({ resyncs: this.state.resyncs + 1 });
    this.joins += 1;
    this.options.transport.join(this.options.siteId, (error, ack) => {
      if (seq !== this.joinSeq || this.disposed) return;
      this.handleJoinAck(error, ack);
    });
  }

  private handleJoinAck(error: string | null, ack: unknown): void {
    if (error !== null) {
      this.joining = false;
      this.set({
        status: 'reconnecting',
        error: `Joining site ${this.options.siteId} failed (${error}); retrying.`,
      });
      this.cancelRetry = this.schedule(() => this.join(), this.options.joinRetryMs ?? 2000);
      return;
    }
    const refused = readRefusal(ack);
    if (refused !== null) {
      this.joining = false;
      this.set({
        status: 'offline',
        error: `The server refused site ${this.options.siteId}: ${refused}`,
      });
      return;
    }
    const parsed = TwinSnapshotSchema.safeParse((ack as { snapshot?: unknown }).snapshot);
    if (!parsed.success) {
      this.joining = false;
      this.set({
        status: 'offline',
        error: `The server sent a malformed snapshot for site ${this.options.siteId} (${parsed.error.issues[0]?.message ?? 'invalid'}); reload the page.`,
      });
      return;
    }
    const snapshot = parsed.data;
    this.joining = false;
    this.version = snapshot.version;
    this.options.onSnapshot(snapshot);
    this.set({
      status: 'live',
      error: null,
      snapshotVersion: snapshot.version,
      lastSyncAt: this.now(),
    });
    const held = this.held.sort((a, b) => a.version - b.version);
    this.held = [];
    for (const delta of held) {
      if (this.joining) break;
      this.applyInOrder(delta);
    }
  }

  private handleDelta(payload: unknown): void {
    const parsed = TwinDeltaSchema.safeParse(payload);
    if (!parsed.success || parsed.data.siteId !== this.options.siteId) return;
    if (this.joining) {
      this.held.push(parsed.data);
      return;
    }
    if (this.state.status !== 'live') return;
    this.applyInOrder(parsed.data);
  }

  private applyInOrder(delta: TwinDelta): void {
    const version = this.version ?? 0;
    if (delta.version <= version) return;
    if (delta.version !== version + 1) {
      this.join();
      return;
    }
    this.version = delta.version;
    this.options.onDelta(delta);
  }
}

function readRefusal(ack: unknown): string | null {
  if (typeof ack !== 'object' || ack === null || !('ok' in ack))
    return 'the join reply was not understood';
  if (ack.ok === true) return null;
  const error = 'error' in ack && typeof ack.error === 'string' ? ack.error : 'no reason given';
  return error;
}
