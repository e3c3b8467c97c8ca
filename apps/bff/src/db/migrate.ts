import { randomUUID } from 'node:crypto';
import type { Sql, SqlQuery } from './sql';
import { readMigrationFiles, type MigrationFile } from './migration-files';

/** Prisma's bookkeeping table, as `prisma migrate deploy` creates it. */
const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any fixed number: the advisory lock that keeps two BFF instances from migrating at once. */
const MIGRATION_LOCK_KEY = 72_616_001;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Brings the database to this build's schema: applies each prisma/migrations/<name>/migration.sql
 * not yet recorded in `_prisma_migrations`, in order, and records it the way Prisma does (same
 * checksum), so `prisma migrate deploy` agrees afterwards. Idempotent. One transaction under an
 * advisory lock: a second instance starting at the same time waits, then finds nothing to do.
 */
export async function migrate(
  db: { sql: Sql },
  files: MigrationFile[] = readMigrationFiles(),
): Promise<MigrateResult> {
  return db.sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_BOOKKEEPING);
    const applied = await appliedMigrations(tx);
    checkHistory(applied, files);
    const done = new Set(applied.map((row) => row.migration_name));
    const result: MigrateResult = { applied: [], alreadyApplied: [...done] };
    for (const file of files) {
      if (done.has(file.name)) continue;
      await tx.exec(file.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      result.applied.push(file.name);
    }
    return result;
  });
}

async function appliedMigrations(tx: SqlQuery): Promise<AppliedRow[]> {
  const { rows } = await tx.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return rows;
}

function checkHistory(applied: AppliedRow[], files: MigrationFile[]): void {
  const known = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    const file = known.get(row.migration_name);
    if (!file) {
      throw new Error(
        `The database has migration ${row.migration_name}, which this build does not know: it was migrated by a newer Twinhelm. Run that version (or restore a backup taken before it).`,
      );
    }
    if (row.finished_at === null) {
      throw new Error(
        `Migration ${row.migration_name} started earlier but did not finish: inspect the database, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}) and restart.`,
      );
    }
    if (row.checksum !== file.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied (checksum differs): restore prisma/migrations/${row.migration_name}/migration.sql; add a new migration instead of editing one.`,
      );
    }
  }
}
