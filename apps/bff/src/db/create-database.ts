import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Env } from '../env';
import { PrismaClient } from '../generated/prisma/client';
import type { Sql } from './sql';
import { pgSql } from './sql-pg';
import { pgliteSql } from './sql-pglite';

export interface Database {
  prisma: PrismaClient;
  kind: 'embedded' | 'external';
  /** Raw parameterised SQL on the same database (the telemetry hot path, migrations). */
  sql: Sql;
  /** True when a trivial query succeeds. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseConfig = Pick<Env, 'DATABASE_URL' | 'dataDir'>;

/**
 * The application database: the PostgreSQL server at DATABASE_URL, or (unset) an embedded
 * PGlite persisted under `<dataDir>/pglite`. Both get the same generated Prisma client.
 */
export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  return config.DATABASE_URL === undefined
    ? openEmbedded(join(config.dataDir, 'pglite'))
    : openExternal(config.DATABASE_URL);
}

async function ping(sql: Sql): Promise<boolean> {
  try {
    await sql.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function openExternal(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's connection dropping (database restart) must not crash the process.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql = pgSql(pool);
  return {
    prisma,
    kind: 'external',
    sql,
    ping: () => ping(sql),
    async close() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}

async function openEmbedded(directory: string): Promise<Database> {
  mkdirSync(directory, { recursive: true });
  const pglite = await PGlite.create(directory);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const sql = pgliteSql(pglite);
  return {
    prisma,
    kind: 'embedded',
    sql,
    ping: () => ping(sql),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
