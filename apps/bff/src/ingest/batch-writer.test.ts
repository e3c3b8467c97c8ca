import type { Sample } from '@twinhelm/contracts';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SqlQuery } from '../db/sql';
import { createTwinState } from '../twin/twin-state';
import { BatchWriter, type PendingMessage } from './batch-writer';
import { IngestMetrics } from './ingest-metrics';

interface Write {
  samples: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A database whose commits finish when the test says so. */
function manualSql(): { sql: SqlQuery; writes: Write[]; open: () => Write[] } {
  const writes: Write[] = [];
  const settled = new Set<Write>();
  const sql: SqlQuery = {
    query: <R>(_text: string, params?: readonly unknown[]) =>
      new Promise<{ rows: R[]; rowCount: number }>((resolve, reject) => {
        const samples = (params?.[0] as unknown[]).length;
        const write: Write = {
          samples,
          resolve: () => {
            settled.add(write);
            resolve({ rows: [{ inserted: samples } as R], rowCount: 1 });
          },
          reject: (error) => {
            settled.add(write);
            reject(error);
          },
        };
        writes.push(write);
      }),
    exec: () => Promise.resolve(),
  };
  return { sql, writes, open: () => writes.filter((w) => !settled.has(w)) };
}

function message(seq: number, acked: number[], now: number): PendingMessage {
  const sample: Sample = {
    siteId: 'ctown',
    assetId: 'J1',
    metric: 'pressure',
    ts: seq,
    value: seq,
    seq,
  };
  return { samples: [sample], rejects: [], receivedAt: now, ack: () => acked.push(seq) };
}

function writer(sql: SqlQuery, options: { batchMax?: number; batchMs?: number } = {}) {
  const twin = createTwinState();
  const writer = new BatchWriter({
    sql,
    twin,
    metrics: new IngestMetrics(),
    batchMax: options.batchMax ?? 100,
    batchMs: options.batchMs ?? 50,
  });
  return { writer, twin };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('BatchWriter', () => {
  it('cuts a batch batchMs after its oldest message, even while the previous one commits', async () => {
    const db = manualSql();
    const { writer: w } = writer(db.sql);
    const acked: number[] = [];
    w.add(message(1, acked, Date.now()));
    await vi.advanceTimersByTimeAsync(50);
    expect(db.writes).toHaveLength(1);
    w.add(message(2, acked, Date.now()));
    await vi.advanceTimersByTimeAsync(49);
    expect(db.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.writes).toHaveLength(2);
    expect(w.pending).toBe(2);
  });

  it('releases acks and twin changes in arrival order when a later batch commits first', async () => {
    const db = manualSql();
    const { writer: w, twin } = writer(db.sql);
    const acked: number[] = [];
    w.add(message(1, acked, Date.now()));
    await vi.advanceTimersByTimeAsync(50);
    w.add(message(2, acked, Date.now()));
    await vi.advanceTimersByTimeAsync(50);
    db.writes[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(acked).toEqual([]);
    expect(twin.snapshot('ctown').state).toEqual({});
    db.writes[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(acked).toEqual([1, 2]);
    expect(twin.snapshot('ctown').state.J1?.pressure).toEqual({ v: 2, ts: 2 });
    expect(w.pending).toBe(0);
  });

  it('writes a full batch at once and never more than two at a time', async () => {
    const db = manualSql();
    const { writer: w } = writer(db.sql, { batchMax: 2 });
    const acked: number[] = [];
    for (let seq = 1; seq <= 7; seq++) w.add(message(seq, acked, Date.now()));
    expect(db.writes.map((x) => x.samples)).toEqual([2, 2]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(db.open()).toHaveLength(2);
    db.writes[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes.map((x) => x.samples)).toEqual([2, 2, 2]);
    expect(acked).toEqual([1, 2]);
  });

  it('retries a failed commit and acknowledges nothing after it until it succeeds', async () => {
    const db = manualSql();
    const { writer: w } = writer(db.sql, { batchMax: 1 });
    const acked: number[] = [];
    w.add(message(1, acked, Date.now()));
    w.add(message(2, acked, Date.now()));
    db.writes[0]?.reject(new Error('connection refused'));
    db.writes[1]?.resolve();
    await vi.advanceTimersByTimeAsync(100);
    expect(acked).toEqual([]);
    expect(db.writes).toHaveLength(3);
    db.writes[2]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(acked).toEqual([1, 2]);
  });

  it('drain() writes what is queued at once and resolves when all of it is durable', async () => {
    const db = manualSql();
    const { writer: w } = writer(db.sql, { batchMs: 5000 });
    const acked: number[] = [];
    w.add(message(1, acked, Date.now()));
    let drained = false;
    void w.drain().then(() => (drained = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(db.writes).toHaveLength(1);
    expect(drained).toBe(false);
    db.writes[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBe(true);
  });

  it('acknowledges every message exactly once, in arrival order, whatever the commit order and failures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 5 }) }),
            fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120 }) }),
            fc.record({
              kind: fc.constant('finish' as const),
              pick: fc.nat(),
              fail: fc.boolean(),
            }),
          ),
          { maxLength: 40 },
        ),
        async (steps) => {
          const db = manualSql();
          const { writer: w } = writer(db.sql, { batchMax: 3, batchMs: 50 });
          const acked: number[] = [];
          let seq = 0;
          for (const step of steps) {
            if (step.kind === 'add')
              for (let i = 0; i < step.count; i++) w.add(message(++seq, acked, Date.now()));
            else if (step.kind === 'wait') await vi.advanceTimersByTimeAsync(step.ms);
            else {
              const open = db.open();
              const write = open[step.pick % Math.max(1, open.length)];
              if (step.fail) write?.reject(new Error('database down'));
              else write?.resolve();
              await vi.advanceTimersByTimeAsync(0);
            }
            expect(db.open().length).toBeLessThanOrEqual(2);
            expect(acked).toEqual(Array.from({ length: acked.length }, (_, i) => i + 1));
          }
          for (let round = 0; w.pending > 0 && round < 1000; round++) {
            for (const write of db.open()) write.resolve();
            await vi.advanceTimersByTimeAsync(100);
          }
          expect(acked).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
        },
      ),
      { numRuns: 100 },
    );
  });
});
