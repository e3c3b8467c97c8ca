import type { Health, RejectReason } from '@twinhelm/contracts';

const WINDOW_S = 10;

/** Per-second buckets over a sliding window, for messages/s and samples/s. */
class RateWindow {
  private readonly buckets = new Map<number, number>();
  constructor(private readonly now: () => number) {}
  add(count: number): void {
    const second = Math.floor(this.now() / 1000);
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + count);
    for (const key of this.buckets.keys()) if (key <= second - WINDOW_S) this.buckets.delete(key);
  }
  perSecond(): number {
    const second = Math.floor(this.now() / 1000);
    let total = 0;
    // The current second is partial: average over the full seconds before it.
    for (const [key, count] of this.buckets)
      if (key < second && key >= second - WINDOW_S) total += count;
    return total / WINDOW_S;
  }
}

/** The ingest pipeline's counters for /api/health. */
export class IngestMetrics {
  private readonly messages: RateWindow;
  private readonly samples: RateWindow;
  accepted = 0;
  duplicates = 0;
  lagMs = 0;
  readonly rejectedByReason = new Map<RejectReason, number>();
  readonly rejectedBySite = new Map<string, Map<RejectReason, number>>();

  constructor(now: () => number = Date.now) {
    this.messages = new RateWindow(now);
    this.samples = new RateWindow(now);
  }

  received(): void {
    this.messages.add(1);
  }

  rejected(siteId: string | null, reason: RejectReason): void {
    this.rejectedByReason.set(reason, (this.rejectedByReason.get(reason) ?? 0) + 1);
    const site = siteId ?? '';
    const perSite = this.rejectedBySite.get(site) ?? new Map<RejectReason, number>();
    perSite.set(reason, (perSite.get(reason) ?? 0) + 1);
    this.rejectedBySite.set(site, perSite);
  }

  durable(attempted: number, inserted: number, lagMs: number): void {
    this.samples.add(inserted);
    this.accepted += inserted;
    this.duplicates += attempted - inserted;
    this.lagMs = lagMs;
  }

  snapshot(pending: number): Health['ingest'] {
    return {
      messagesPerSecond: this.messages.perSecond(),
      samplesPerSecond: this.samples.perSecond(),
      pending,
      lagMs: this.lagMs,
      accepted: this.accepted,
      duplicates: this.duplicates,
      rejected: Object.fromEntries(this.rejectedByReason),
    };
  }
}
