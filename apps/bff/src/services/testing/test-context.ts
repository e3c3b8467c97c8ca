import type { Principal } from '@twinhelm/contracts';
import { importNetwork } from '@twinhelm/solver';
import type { AppContext } from '../../app-context';
import { createAuth } from '../../auth/create-auth';
import { parseEnv } from '../../env';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { createServices } from '../create-services';
import type { ServiceDeps } from '../service-deps';
import { isHttpError } from '../../http/http-error';
import { FakeTwinState, fakeIngestStatus } from './fake-ports';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface TestContext {
  context: AppContext;
  db: TestDatabase;
  twin: FakeTwinState;
  deps: ServiceDeps;
  imported: string[];
  now: { value: number };
}

/** A fresh database with services and auth over it; the clock is `now.value` (settable). */
export async function createTestContext(): Promise<TestContext> {
  const db = await createTestDatabase();
  const twin = new FakeTwinState();
  const imported: string[] = [];
  const now = { value: Date.parse('2026-11-22T12:00:00Z') };
  const clock = () => now.value;
  const deps: ServiceDeps = {
    prisma: db.prisma,
    database: { kind: 'external', ping: () => db.prisma.$queryRaw`SELECT 1`.then(() => true) },
    twin,
    ingestStatus: fakeIngestStatus,
    importNetwork,
    onNetworkImported: (siteId) => {
      imported.push(siteId);
    },
    version: 'test',
    startedAt: now.value,
    clock,
  };
  const context: AppContext = {
    env: parseEnv({ DATABASE_URL: db.url, AUTH_SECRET: TEST_SECRET, NODE_ENV: 'test' }),
    prisma: db.prisma,
    database: deps.database,
    twin,
    ingestStatus: fakeIngestStatus,
    startedAt: now.value,
    services: createServices(deps),
    auth: createAuth({ prisma: db.prisma, secret: TEST_SECRET, clock }),
  };
  return { context, db, twin, deps, imported, now };
}

export const principal = (
  role: Principal['role'],
  id = '00000000-0000-0000-0000-000000000000',
): Principal => ({
  kind: 'user',
  id,
  name: role,
  role,
});

/** The HttpError a service call was refused with (fails the test if it succeeded). */
export async function refusal(
  p: Promise<unknown>,
): Promise<{ status: number; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    if (isHttpError(e)) return { status: e.status, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('expected an HttpError');
}
