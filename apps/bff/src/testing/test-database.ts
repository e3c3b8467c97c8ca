import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { readMigrationFiles } from '../db/migration-files';
import { PrismaClient } from '../generated/prisma/client';
import { createFreshDatabase } from './fresh-database';

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

/**
 * A throwaway database on the local PostgreSQL with the current schema applied, for
 * integration tests. Each call gets its own database; drop() removes it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const fresh = await createFreshDatabase('twinhelm_t');
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  for (const m of readMigrationFiles()) await client.query(m.sql);
  await client.end();
  const pool = quietPool(fresh.url);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    url: fresh.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
      await fresh.drop();
    },
  };
}

/**
 * A pool for a test database whose idle connections may be cut (the database dropped with
 * FORCE, a test stopping PostgreSQL): like the product's pool, an idle client's error is not an
 * uncaught exception.
 */
export function quietPool(url: string, options: Omit<pg.PoolConfig, 'connectionString'> = {}) {
  const pool = new pg.Pool({ connectionString: url, ...options });
  pool.on('error', () => undefined);
  return pool;
}
