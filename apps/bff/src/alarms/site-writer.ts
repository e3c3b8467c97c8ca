import type { AlarmFloodStatus } from '@twinhelm/contracts';
import type { Sql } from '../db/sql';
import type { Logger } from '../log';
import { writeAlarmChanges, type AlarmWrite } from './alarm-store';
import type { EngineCounters } from './engine-counters';
import { WriteQueue } from './write-queue';

/** One queued write and what to push once it is stored. */
export interface PendingWrite {
  write: AlarmWrite;
  announced: string[];
  flood: AlarmFloodStatus;
  /** When the samples behind it reached the ingest (null: not from samples). */
  arrivedAt: number | null;
}

export interface SiteWriterDeps {
  sql: Sql;
  clock: () => number;
  log: Logger;
  counters: EngineCounters;
  retry: { firstMs: number; maxMs: number };
}

/**
 * A site's write path: a WriteQueue of alarm writes (in order, several per transaction,
 * retried while the database is down), counted and logged (a failure at most every 10 s after
 * the first), handing the stored ones to `onStored` in order.
 */
export class SiteWriter {
  private readonly queue: WriteQueue<PendingWrite>;
  private lastErrorLog = 0;

  constructor(
    private readonly siteId: string,
    private readonly deps: SiteWriterDeps,
    onStored: (items: readonly PendingWrite[]) => void,
  ) {
    this.queue = new WriteQueue<PendingWrite>({
      write: (items) =>
        writeAlarmChanges(
          deps.sql,
          items.map((item) => item.write),
        ),
      onWritten: (items) => {
        this.count(items);
        onStored(items);
      },
      onError: (error, retryInMs, attempt) => this.failed(error, retryInMs, attempt),
      firstRetryMs: deps.retry.firstMs,
      maxRetryMs: deps.retry.maxMs,
    });
  }

  push(item: PendingWrite): Promise<void> {
    return this.queue.push(item);
  }

  get pending(): number {
    return this.queue.pending;
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Waits up to `drainMs` for pending writes, then stops; returns how many were not stored. */
  async close(drainMs: number): Promise<number> {
    this.queue.retryNow();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.queue.idle(),
      new Promise((resolve) => (timer = setTimeout(resolve, drainMs))),
    ]);
    clearTimeout(timer);
    return this.queue.stop();
  }

  private count(items: readonly PendingWrite[]): void {
    const { counters } = this.deps;
    counters.writes++;
    counters.writtenChanges += items.length;
    const now = this.deps.clock();
    for (const item of items)
      if (item.arrivedAt !== null) counters.sampleToStored.add(now - item.arrivedAt);
  }

  private failed(error: unknown, retryInMs: number, attempt: number): void {
    this.deps.counters.writeFailures++;
    const now = this.deps.clock();
    if (attempt > 1 && now - this.lastErrorLog <= 10_000) return;
    this.lastErrorLog = now;
    this.deps.log(
      'error',
      `${this.siteId}: alarm changes not stored (${(error as Error).message}); ${this.queue.pending} change(s) held in order, retry ${attempt} in ${retryInMs} ms`,
    );
  }
}
