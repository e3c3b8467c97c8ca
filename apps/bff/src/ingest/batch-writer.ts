import type { Sample } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';
import type { TwinState } from '../twin/twin-state';
import type { IngestMetrics } from './ingest-metrics';
import { dedupeBatch, writeBatch, type RejectRow } from './write-batch';

/** One received message on its way to the database; `ack` releases its QoS 1 acknowledgement. */
export interface PendingMessage {
  samples: Sample[];
  rejects: RejectRow[];
  receivedAt: number;
  ack: () => void;
}

export interface DurableBatch {
  /** The batch's samples after in-batch dedup (redelivered ones included: the table ignored them). */
  samples: readonly Sample[];
  /** Receive time of each message of the batch, epoch ms. */
  receivedAt: readonly number[];
  durableAt: number;
}

export interface BatchWriterOptions {
  sql: SqlQuery;
  twin: TwinState;
  metrics: IngestMetrics;
  batchMax: number;
  batchMs: number;
  now?: () => number;
  /** Called after each commit, before the acks are released. */
  onDurable?: (batch: DurableBatch) => void;
  /** A write failed (database down); the batch is kept and retried after `retryInMs`. */
  onWriteError?: (error: unknown, retryInMs: number) => void;
  /** Called each time the backlog shrinks (a batch became durable and was acknowledged). */
  onProgress?: () => void;
}

/**
 * Collects messages into batches of up to `batchMax` samples or `batchMs`, commits each batch in
 * one statement, applies it to the twin state, then releases the acks, in arrival order. A failed
 * commit keeps the batch and retries with backoff (100 ms doubling to 5 s); nothing is acked.
 */
export class BatchWriter {
  private readonly queue: PendingMessage[] = [];
  private queuedSamples = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;
  private stopped = false;
  private readonly drainWaiters = new Set<() => void>();
  private readonly now: () => number;

  constructor(private readonly options: BatchWriterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Messages received and not yet durable. */
  get pending(): number {
    return this.queue.length;
  }

  add(message: PendingMessage): void {
    this.queue.push(message);
    this.queuedSamples += message.samples.length + message.rejects.length;
    if (this.writing) return;
    if (this.queuedSamples >= this.options.batchMax) this.startWriting();
    else this.timer ??= setTimeout(() => this.startWriting(), this.options.batchMs);
  }

  /** Resolves once everything received so far is durable and acknowledged. */
  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve) => {
      this.drainWaiters.add(resolve);
      if (!this.writing) this.startWriting();
    });
  }

  /** Gives up on what is not durable yet (it stays unacknowledged: the broker redelivers it). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private startWriting(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.writing || this.queue.length === 0) return;
    this.writing = this.writeLoop().finally(() => {
      this.writing = undefined;
      if (this.queue.length > 0 && !this.stopped)
        this.timer ??= setTimeout(() => this.startWriting(), this.options.batchMs);
      else for (const resolve of this.drainWaiters) resolve();
      if (this.queue.length === 0) this.drainWaiters.clear();
    });
  }

  private async writeLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      const raw = batch.flatMap((m) => m.samples);
      const samples = dedupeBatch(raw);
      const rejects = batch.flatMap((m) => m.rejects);
      let inserted: number;
      try {
        inserted = await writeBatch(this.options.sql, samples, rejects);
      } catch (error) {
        const retryInMs = Math.min(5000, 100 * 2 ** this.failures);
        this.failures += 1;
        this.options.onWriteError?.(error, retryInMs);
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
        if (this.stopped) return;
        continue;
      }
      this.failures = 0;
      const durableAt = this.now();
      this.queue.splice(0, batch.length);
      this.queuedSamples -= raw.length + rejects.length;
      const receivedAt = batch.map((m) => m.receivedAt);
      this.options.metrics.durable(raw.length, inserted, durableAt - Math.min(...receivedAt));
      this.options.twin.apply(samples);
      this.options.onDurable?.({ samples, receivedAt, durableAt });
      for (const message of batch) message.ack();
      this.options.onProgress?.();
      if (this.queuedSamples < this.options.batchMax) break;
    }
  }

  /** The oldest messages holding up to batchMax samples (at least one message). */
  private takeBatch(): PendingMessage[] {
    let count = 0;
    let end = 0;
    while (end < this.queue.length) {
      const size = (this.queue[end]?.samples.length ?? 0) + (this.queue[end]?.rejects.length ?? 0);
      if (end > 0 && count + size > this.options.batchMax) break;
      count += size;
      end += 1;
    }
    return this.queue.slice(0, end);
  }
}
