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
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url }) });
  return {
    url: fresh.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await fresh.drop();
    },
  };
}
