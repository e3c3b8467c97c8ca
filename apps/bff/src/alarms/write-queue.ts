export interface WriteQueueOptions<T> {
  /** Writes items in one transaction, in the given order; throws when nothing was written. */
  write: (items: readonly T[]) => Promise<void>;
  /** Called once the items are stored, in queue order, before their push() promises resolve. */
  onWritten: (items: readonly T[]) => void;
  /** A write failed; the same items are tried again after `retryInMs`. */
  onError?: (error: unknown, retryInMs: number, attempt: number) => void;
  /** Most items per transaction (default 200). */
  maxBatch?: number;
  /** First retry delay, doubling up to maxRetryMs (defaults 100 ms, 5 s). */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

interface Entry<T> {
  item: T;
  done: () => void;
  failed: (error: Error) => void;
}

/**
 * A serial write queue: items are written strictly in the order they were pushed, several
 * at a time in one transaction when they queue up behind a write. A failed write keeps its
 * items at the head and retries with backoff, holding everything behind it: nothing is
 * dropped, nothing overtakes. push() resolves once its item is stored.
 */
export class WriteQueue<T> {
  private readonly queue: Entry<T>[] = [];
  private running = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;
  private readonly idleWaiters = new Set<() => void>();
  private failures = 0;
  private retries = 0;

  constructor(private readonly options: WriteQueueOptions<T>) {}

  /** Items not yet stored (being written included). */
  get pending(): number {
    return this.queue.length;
  }

  stats(): { failures: number; retries: number; pending: number } {
    return { failures: this.failures, retries: this.retries, pending: this.queue.length };
  }

  push(item: T): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the alarm write queue is closed'));
    return new Promise<void>((done, failed) => {
      this.queue.push({ item, done, failed });
      if (!this.running) void this.run();
    });
  }

  /** Resolves once everything pushed so far is stored. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  /** Retries at once instead of waiting out the backoff (e.g. before a drain). */
  retryNow(): void {
    this.wakeRetry?.();
  }

  /** Stops writing; items still queued are refused (their push() rejects). Returns how many. */
  stop(): number {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    const left = this.queue.splice(0);
    for (const entry of left)
      entry.failed(new Error('the alarm engine stopped before storing this change'));
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
    return left.length;
  }

  private async run(): Promise<void> {
    this.running = true;
    const maxBatch = this.options.maxBatch ?? 200;
    let delay = this.options.firstRetryMs ?? 100;
    let attempt = 0;
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.slice(0, maxBatch);
      try {
        await this.options.write(batch.map((entry) => entry.item));
      } catch (error) {
        if (this.stopped) break;
        this.failures++;
        attempt++;
        this.options.onError?.(error, delay, attempt);
        await this.sleep(delay);
        this.retries++;
        delay = Math.min(delay * 2, this.options.maxRetryMs ?? 5000);
        continue;
      }
      delay = this.options.firstRetryMs ?? 100;
      attempt = 0;
      this.queue.splice(0, batch.length);
      this.options.onWritten(batch.map((entry) => entry.item));
      for (const entry of batch) entry.done();
    }
    this.running = false;
    if (this.queue.length === 0) {
      for (const resolve of this.idleWaiters) resolve();
      this.idleWaiters.clear();
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeRetry = () => {
        clearTimeout(this.retryTimer);
        this.wakeRetry = undefined;
        resolve();
      };
      this.retryTimer = setTimeout(() => this.wakeRetry?.(), ms);
    });
  }
}
