import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './create-database';
import { migrate } from './migrate';
import { readMigrationFiles } from './migration-files';
import { createFreshDatabase } from '../testing/fresh-database';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function external(): Promise<{ open(): Promise<Database> }> {
  const empty = await createFreshDatabase('twinhelm_m');
  cleanups.push(() => empty.drop());
  return {
    async open() {
      const db = await createDatabase({ DATABASE_URL: empty.url, dataDir: '/nonexistent' });
      cleanups.unshift(() => db.close());
      return db;
    },
  };
}

function embedded(): Promise<{ open(): Promise<Database> }> {
  const dir = mkdtempSync(join(tmpdir(), 'twinhelm-pglite-'));
  cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  return Promise.resolve({
    async open() {
      const db = await createDatabase({ DATABASE_URL: undefined, dataDir: dir });
      cleanups.push(() => db.close());
      return db;
    },
  });
}

describe.each([
  ['external PostgreSQL', external],
  ['embedded PGlite', embedded],
] as const)('migrate on %s', (_label, make) => {
  it('applies every migration once, records Prisma bookkeeping, and is idempotent', async () => {
    const db = await (await make()).open();
    expect(await db.ping()).toBe(true);
    const files = readMigrationFiles();
    const first = await migrate(db);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    const { rows } = await db.sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual(
      files.map((f) => ({ migration_name: f.name, checksum: f.checksum, applied_steps_count: 1 })),
    );
    await db.prisma.site.create({ data: { id: 'ctown', name: 'C-Town' } });
    expect(await db.prisma.site.count()).toBe(1);
  });

  it('refuses a database migrated by a build with a migration this one does not know', async () => {
    const db = await (await make()).open();
    await migrate(db);
    await db.sql.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29990101000000_future', now(), 1)`,
    );
    await expect(migrate(db)).rejects.toThrow(
      /29990101000000_future, which this build does not know/,
    );
  });

  it('refuses an edited migration and an unfinished one', async () => {
    const db = await (await make()).open();
    const files = readMigrationFiles();
    await migrate(db);
    const edited = files.map((f) => ({ ...f, checksum: 'f'.repeat(64) }));
    await expect(migrate(db, edited)).rejects.toThrow(/was edited after it was applied/);
    await db.sql.query('UPDATE "_prisma_migrations" SET finished_at = NULL');
    await expect(migrate(db)).rejects.toThrow(/did not finish/);
  });
});

describe('migrate concurrency', () => {
  it('two instances migrating the same PostgreSQL at once apply each migration once', async () => {
    const target = await external();
    const [a, b] = [await target.open(), await target.open()];
    const results = await Promise.all([migrate(a), migrate(b)]);
    const appliedTotal = results.flatMap((r) => r.applied);
    expect(appliedTotal).toEqual(readMigrationFiles().map((f) => f.name));
    const { rows } = await a.sql.query<{ n: string }>(
      'SELECT count(*) AS n FROM "_prisma_migrations"',
    );
    expect(Number(rows[0]?.n)).toBe(readMigrationFiles().length);
  });
});
