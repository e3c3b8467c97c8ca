import { afterEach, describe, expect, it } from 'vitest';
import { pgSql } from '../db/sql-pg';
import { createTestDatabase, quietPool, type TestDatabase } from '../testing/test-database';
import type pg from 'pg';
import { createTwinState } from './twin-state';
import { persistTwinSnapshots, restoreTwinState } from './twin-snapshots';

let db: TestDatabase | undefined;
let pool: pg.Pool | undefined;
afterEach(async () => {
  await pool?.end();
  await db?.drop();
});

describe('twin snapshots', () => {
  it('persist on flush and close, and a restarted twin resumes state and version', async () => {
    db = await createTestDatabase();
    pool = quietPool(db.url);
    const sql = pgSql(pool);
    await db.prisma.site.create({ data: { id: 'ctown', name: 'C-Town' } });
    const twin = createTwinState();
    const snapshots = persistTwinSnapshots(twin, sql, { intervalMs: 60_000, now: () => 5000 });
    twin.apply([{ siteId: 'ctown', assetId: 'T1', metric: 'level', ts: 10, value: 3.5, seq: 1 }]);
    await snapshots.flush();
    twin.apply([{ siteId: 'ctown', assetId: 'T1', metric: 'level', ts: 20, value: 3.7, seq: 2 }]);
    await snapshots.close();

    const resumed = createTwinState({ now: () => 9 });
    expect(await restoreTwinState(resumed, sql)).toBe(1);
    expect(resumed.snapshot('ctown')).toEqual({
      siteId: 'ctown',
      version: 2,
      at: 9,
      state: { T1: { level: { v: 3.7, ts: 20 } } },
    });
    const row = await db.prisma.twinSnapshot.findUniqueOrThrow({ where: { siteId: 'ctown' } });
    expect(row.takenAt.getTime()).toBe(5000);
  });
});
