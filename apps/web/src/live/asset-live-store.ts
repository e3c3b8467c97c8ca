import { type MetricValue, type TwinDelta, type TwinState } from '@twinhelm/contracts';
import { lastSampleAt } from '../lib/freshness';

export interface LivePoint {
  t: number;
  v: number;
}

/** Coarse state of the selected asset, for React: a new object at most every `throttleMs`. */
export interface AssetLiveState {
  assetId: string | null;
  latest: Readonly<Record<string, MetricValue>>;
  lastSeenAt: number | null;
  /** Increases whenever live points were appended (the trend polls it). */
  revision: number;
}

export interface AssetLiveStoreOptions {
  throttleMs?: number;
  /** Points kept per metric since the asset was selected. */
  maxPoints?: number;
  now?: () => number;
  schedule?: (fn: () => void, ms: number) => () => void;
}

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/**
 * The live values of the one asset the panel shows. Fed with every snapshot and delta of the
 * site, it keeps only the selected asset's changes and notifies at most a few times a second,
 * so the panel re-renders at a human rate however busy the feed is.
 */
export class AssetLiveStore {
  private state: AssetLiveState = { assetId: null, latest: {}, lastSeenAt: null, revision: 0 };
  private points = new Map<string, LivePoint[]>();
  /** Latest values of every asset of the site, so a newly selected asset starts current. */
  private mirror = new Map<string, Record<string, MetricValue>>();
  private readonly listeners = new Set<() => void>();
  private lastNotify = Number.NEGATIVE_INFINITY;
  private cancelPending: (() => void) | null = null;
  private readonly throttleMs: number;
  private readonly maxPoints: number;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(options: AssetLiveStoreOptions = {}) {
    this.throttleMs = options.throttleMs ?? 250;
    this.maxPoints = options.maxPoints ?? 7200;
    this.now = options.now ?? Date.now;
    this.schedule = options.schedule ?? defaultSchedule;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): AssetLiveState => this.state;

  /** Live points of a metric received since the asset was selected, oldest first. */
  getPoints(metric: string): readonly LivePoint[] {
    return this.points.get(metric) ?? [];
  }

  /**
   * Show another asset (null: none), starting from `seed` (e.g. the asset list's latest values)
   * or from the live values already received, whichever is newer per metric.
   */
  select(assetId: string | null, seed: Readonly<Record<string, MetricValue>> = {}): void {
    const latest: Record<string, MetricValue> = { ...seed };
    for (const [metric, value] of Object.entries(
      assetId === null ? {} : (this.mirror.get(assetId) ?? {}),
    )) {
      const known = latest[metric];
      if (known === undefined || value.ts >= known.ts) latest[metric] = value;
    }
    this.points = new Map();
    this.state = {
      assetId,
      latest,
      lastSeenAt: lastSampleAt(latest),
      revision: this.state.revision + 1,
    };
    this.flush();
  }

  /** Replace the site's state (join or resync). */
  ingestSnapshot(state: TwinState): void {
    this.mirror = new Map(Object.entries(state).map(([id, values]) => [id, { ...values }]));
    const id = this.state.assetId;
    if (id === null) return;
    const values = state[id];
    if (values !== undefined) this.merge(values);
  }

  ingestDelta(changes: TwinDelta['changes']): void {
    for (const [assetId, values] of Object.entries(changes)) {
      const known = this.mirror.get(assetId);
      if (known === undefined) this.mirror.set(assetId, { ...values });
      else Object.assign(known, values);
    }
    const id = this.state.assetId;
    if (id === null) return;
    const values = changes[id];
    if (values !== undefined) this.merge(values);
  }

  dispose(): void {
    this.cancelPending?.();
    this.listeners.clear();
  }

  private merge(values: Readonly<Record<string, MetricValue>>): void {
    const latest = { ...this.state.latest };
    let appended = false;
    let changed = false;
    for (const [metric, value] of Object.entries(values)) {
      const previous = latest[metric];
      if (previous !== undefined && value.ts < previous.ts) continue;
      if (previous === undefined || previous.ts !== value.ts || previous.v !== value.v)
        changed = true;
      latest[metric] = value;
      const series = this.points.get(metric) ?? [];
      const last = series.at(-1);
      if (last === undefined || value.ts > last.t) {
        series.push({ t: value.ts, v: value.v });
        if (series.length > this.maxPoints) series.splice(0, series.length - this.maxPoints);
        this.points.set(metric, series);
        appended = true;
      }
    }
    if (!changed && !appended) return;
    this.state = {
      ...this.state,
      latest,
      lastSeenAt: lastSampleAt(latest),
      revision: this.state.revision + (appended ? 1 : 0),
    };
    this.requestNotify();
  }

  private requestNotify(): void {
    if (this.cancelPending !== null) return;
    const wait = this.lastNotify + this.throttleMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.cancelPending = this.schedule(() => {
      this.cancelPending = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    this.cancelPending?.();
    this.cancelPending = null;
    this.lastNotify = this.now();
    this.state = { ...this.state };
    for (const listener of this.listeners) listener();
  }
}
