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
  /** The longest a message waits in the queue before its batch is cut. */
  batchMs: number;
  /** Batches committing at once (default 2: the next one is written while one commits). */
  maxInFlight?: number;
  now?: () => number;
  /** Called after each commit, before the acks are released. */
  onDurable?: (batch: DurableBatch) => void;
  /** A write failed (database down); the batch is kept and retried after `retryInMs`. */
  onWriteError?: (error: unknown, retryInMs: number) => void;
  /** Called each time the backlog shrinks (a batch became durable and was acknowledged). */
  onProgress?: () => void;
}

interface InFlight {
  messages: PendingMessage[];
  /** The messages' samples before and after in-batch dedup. */
  rawCount: number;
  samples: Sample[];
  /** Resolves with the number of new samples once committed (retried until then or stopped). */
  written: Promise<number | undefined>;
}

const sizeOf = (m: PendingMessage) => m.samples.length + m.rejects.length;

/**
 * Collects messages into batches of up to `batchMax` samples, cut at the latest `batchMs` after
 * the oldest queued message arrived, and commits each batch in one statement; up to
 * `maxInFlight` batches commit at once. Completed batches are applied to the twin state and
 * their acks released strictly in arrival order, whatever order the commits finish in. A failed
 * commit keeps the batch and retries it with backoff (100 ms doubling to 5 s); nothing after it
 * is acknowledged meanwhile.
 */
export class BatchWriter {
  private readonly queue: PendingMessage[] = [];
  private readonly inFlight: InFlight[] = [];
  private queuedSamples = 0;
  private inFlightMessages = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The queued message the timer was armed for (the oldest one). */
  private timerFor: PendingMessage | undefined;
  private settling = false;
  private failures = 0;
  private stopped = false;
  private readonly drainWaiters = new Set<() => void>();
  private readonly now: () => number;
  private readonly maxInFlight: number;

  constructor(private readonly options: BatchWriterOptions) {
    this.now = options.now ?? Date.now;
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 2);
  }

  /** Messages received and not yet durable. */
  get pending(): number {
    return this.queue.length + this.inFlightMessages;
  }

  add(message: PendingMessage): void {
    this.queue.push(message);
    this.queuedSamples += sizeOf(message);
    this.schedule();
  }

  /** Resolves once everything received so far is durable and acknowledged. */
  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.drainWaiters.add(resolve);
      this.cutBatches(true);
    });
  }

  /** Gives up on what is not durable yet (it stays unacknowledged: the broker redelivers it). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerFor = undefined;
  }

  /** Cuts what is due now and arms the timer for the oldest message left in the queue. */
  private schedule(): void {
    this.cutBatches(this.drainWaiters.size > 0);
    const oldest = this.queue[0];
    if (this.timer && this.timerFor === oldest) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerFor = undefined;
    if (!oldest || this.stopped || this.inFlight.length >= this.maxInFlight) return;
    const dueIn = Math.max(0, oldest.receivedAt + this.options.batchMs - this.now());
    this.timerFor = oldest;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerFor = undefined;
      this.cutBatches(true);
      this.schedule();
    }, dueIn);
  }

  /** Starts writes while there is room: full batches always, a partial one when `due`. */
  private cutBatches(due: boolean): void {
    let started = false;
    while (
      !this.stopped &&
      this.queue.length > 0 &&
      this.inFlight.length < this.maxInFlight &&
      (due || this.queuedSamples >= this.options.batchMax)
    ) {
      const messages = this.takeBatch();
      const raw = messages.flatMap((m) => m.samples);
      const samples = dedupeBatch(raw);
      const rejects = messages.flatMap((m) => m.rejects);
      this.inFlightMessages += messages.length;
      this.inFlight.push({
        messages,
        rawCount: raw.length,
        samples,
        written: this.writeWithRetry(samples, rejects),
      });
      started = true;
    }
    if (started) void this.settle();
  }

  /** The oldest messages holding up to batchMax samples (at least one message). */
  private takeBatch(): PendingMessage[] {
    let count = 0;
    let end = 0;
    while (end < this.queue.length) {
      const size = sizeOf(this.queue[end] as PendingMessage);
      if (end > 0 && count + size > this.options.batchMax) break;
      count += size;
      end += 1;
    }
    this.queuedSamples -= count;
    return this.queue.splice(0, end);
  }

  private async writeWithRetry(
    samples: readonly Sample[],
    rejects: readonly RejectRow[],
  ): Promise<number | undefined> {
    for (;;) {
      try {
        const inserted = await writeBatch(this.options.sql, samples, rejects);
        this.failures = 0;
        return inserted;
      } catch (error) {
        const retryInMs = Math.min(5000, 100 * 2 ** this.failures);
        this.failures += 1;
        this.options.onWriteError?.(error, retryInMs);
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
        if (this.stopped) return undefined;
      }
    }
  }

  /** Completes committed batches in arrival order: twin state, onDurable, acks. */
  private async settle(): Promise<void> {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let head = this.inFlight[0]; head; head = this.inFlight[0]) {
        const inserted = await head.written;
        if (inserted === undefined) return;
        this.inFlight.shift();
        this.inFlightMessages -= head.messages.length;
        this.complete(head, inserted);
        this.schedule();
      }
    } finally {
      this.settling = false;
    }
    if (this.pending === 0) {
      for (const resolve of this.drainWaiters) resolve();
      this.drainWaiters.clear();
    }
  }

  private complete({ messages, rawCount, samples }: InFlight, inserted: number): void {
    const durableAt = this.now();
    const receivedAt = messages.map((m) => m.receivedAt);
    this.options.metrics.durable(rawCount, inserted, durableAt - Math.min(...receivedAt));
    this.options.twin.apply(samples);
    this.options.onDurable?.({ samples, receivedAt, durableAt });
    for (const message of messages) message.ack();
    this.options.onProgress?.();
  }
}
