import type { TwinDelta } from '@twinhelm/contracts';

type Changes = TwinDelta['changes'];

export interface DeltaCoalescerOptions {
  /** Window length, ms (≤ 100; ~50 keeps end-to-end latency low). */
  windowMs: number;
  clock: () => number;
  /** Whether anyone listens to the site: changes of sites nobody watches cost nothing. */
  hasAudience: (siteId: string) => boolean;
  emit: (delta: TwinDelta) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Merges twin changes per site over a window and emits one delta per site per window.
 * Versions belong to this layer: per site, +1 per emitted delta; a join snapshot carries the
 * current version, so the next delta is version + 1.
 */
export class DeltaCoalescer {
  private readonly pending = new Map<string, Changes>();
  private readonly versions = new Map<string, number>();
  private timer: unknown;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly options: DeltaCoalescerOptions) {
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  }

  version(siteId: string): number {
    return this.versions.get(siteId) ?? 0;
  }

  add(siteId: string, changes: Changes): void {
    if (!this.options.hasAudience(siteId)) return;
    const merged = this.pending.get(siteId) ?? {};
    for (const [assetId, metrics] of Object.entries(changes)) {
      const target = (merged[assetId] ??= {});
      for (const [metric, value] of Object.entries(metrics)) {
        const previous = target[metric];
        if (!previous || previous.ts <= value.ts) target[metric] = value;
      }
    }
    this.pending.set(siteId, merged);
    this.timer ??= this.setTimer(() => this.flush(), this.options.windowMs);
  }

  flush(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    const sites = [...this.pending];
    this.pending.clear();
    for (const [siteId, changes] of sites) {
      if (!this.options.hasAudience(siteId)) continue;
      const version = this.version(siteId) + 1;
      this.versions.set(siteId, version);
      this.options.emit({ siteId, version, at: this.options.clock(), changes });
    }
  }

  close(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
