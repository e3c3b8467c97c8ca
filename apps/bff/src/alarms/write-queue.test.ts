import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

/** A fake database: fails while `down`, otherwise stores each transaction's items in order. */
function fakeWriter(failures: boolean[]) {
  const stored: number[] = [];
  const transactions: number[][] = [];
  let attempt = 0;
  return {
    stored,
    transactions,
    write(items: readonly number[]): Promise<void> {
      const fail = failures[attempt++] ?? false;
      return new Promise((resolve, reject) =>
        setImmediate(() => {
          if (fail) return reject(new Error('connection refused'));
          transactions.push([...items]);
          stored.push(...items);
          resolve();
        }),
      );
    },
  };
}

describe('WriteQueue (the alarm engine write path)', () => {
  it('keeps every change and their order through a database outage, and reports each failure', async () => {
    const db = fakeWriter([true, true, true, false]);
    const written: number[] = [];
    const errors: { retryInMs: number; attempt: number }[] = [];
    const queue = new WriteQueue<number>({
      write: (items) => db.write(items),
      onWritten: (items) => written.push(...items),
      onError: (_, retryInMs, attempt) => errors.push({ retryInMs, attempt }),
      firstRetryMs: 1,
      maxRetryMs: 4,
    });
    const done = [1, 2, 3].map((n) => queue.push(n));
    await new Promise((resolve) => setTimeout(resolve, 2));
    done.push(...[4, 5].map((n) => queue.push(n)));
    await Promise.all(done);
    expect(db.stored).toEqual([1, 2, 3, 4, 5]);
    expect(written).toEqual([1, 2, 3, 4, 5]);
    expect(errors).toEqual([
      { retryInMs: 1, attempt: 1 },
      { retryInMs: 2, attempt: 2 },
      { retryInMs: 4, attempt: 3 },
    ]);
    expect(queue.stats()).toEqual({ failures: 3, retries: 3, pending: 0 });
    // items that queued up behind a write share the next transaction
    expect(db.transactions.length).toBeLessThan(5);
  });

  it('resolves push() only once the item is stored, and idle() once all are', async () => {
    const db = fakeWriter([true]);
    const queue = new WriteQueue<number>({
      write: (items) => db.write(items),
      onWritten: () => undefined,
      firstRetryMs: 1,
    });
    let stored = false;
    const first = queue.push(7).then(() => (stored = db.stored.includes(7)));
    await queue.idle();
    await first;
    expect(stored).toBe(true);
    expect(queue.pending).toBe(0);
  });

  it('refuses what is still queued when stopped, saying so', async () => {
    const queue = new WriteQueue<number>({
      write: () => Promise.reject(new Error('down')),
      onWritten: () => undefined,
      firstRetryMs: 1000,
    });
    const pending = queue.push(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.stop()).toBe(1);
    await expect(pending).rejects.toThrow('stopped before storing');
    await expect(queue.push(2)).rejects.toThrow('closed');
  });

  it('for any failure pattern and any pushes, stores every item once, in push order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (failures, bursts, maxBatch) => {
          const db = fakeWriter(failures);
          const written: number[] = [];
          const queue = new WriteQueue<number>({
            write: (items) => db.write(items),
            onWritten: (items) => written.push(...items),
            firstRetryMs: 0,
            maxRetryMs: 0,
            maxBatch,
          });
          const all: Promise<void>[] = [];
          let next = 0;
          for (const size of bursts) {
            for (let i = 0; i < size; i++) all.push(queue.push(next++));
            await new Promise((resolve) => setImmediate(resolve));
          }
          await Promise.all(all);
          const expected = Array.from({ length: next }, (_, i) => i);
          expect(db.stored).toEqual(expected);
          expect(written).toEqual(expected);
          expect(db.transactions.every((t) => t.length <= maxBatch)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
