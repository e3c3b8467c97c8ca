import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** prisma/migrations at the repository root (this file is apps/bff/src/db/). */
export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../../prisma/migrations');

export interface MigrationFile {
  /** The folder name, e.g. 20261122000000_init (Prisma's migration_name). */
  name: string;
  sql: string;
  /** sha-256 hex of migration.sql, the checksum `prisma migrate deploy` compares. */
  checksum: string;
}

/** The migrations this build knows, in the order Prisma applies them (folder names sorted). */
export function readMigrationFiles(directory: string = MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(directory)) {
    throw new Error(
      `Migrations folder ${directory} not found: run the BFF from a full checkout or build of the repository.`,
    );
  }
  return readdirSync(directory, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(directory, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(directory, name, 'migration.sql'));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}
