// The product's server assembled in this process, as server.ts does it minus MQTT, ingest and
// simulator: a throwaway PostgreSQL database (migrated), demo data (C-Town as ctown, demo
// accounts), the solver pool and scenario runner, Next's production route handlers and socket.io.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setAppContext, type AppContext } from '../src/app-context';
import { createAuth } from '../src/auth/create-auth';
import { createDatabase, type Database } from '../src/db/create-database';
import { migrate } from '../src/db/migrate';
import { parseEnv } from '../src/env';
import { createHttpServer, type BffHttpServer } from '../src/http/create-http-server';
import { createLogger } from '../src/log';
import { forwardScenarioProgress } from '../src/realtime/scenario-progress';
import { createScenarios, type Scenarios } from '../src/scenarios/create-scenarios';
import { createServices } from '../src/services/create-services';
import { fakeIngestStatus } from '../src/services/testing/fake-ports';
import { createFreshDatabase } from '../src/testing/fresh-database';
import { createTwinState } from '../src/twin/twin-state';
import { importNetwork } from '@twinhelm/solver';

const BFF_DIR = resolve(import.meta.dirname, '..');
const SECRET = 'scenario-bench-secret-0123456789abcdef-012345';

export interface BenchServer {
  baseUrl: string;
  scenarios: Scenarios;
  close(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') newest = Math.max(newest, newestMtime(path));
    } else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `next build` of apps/bff when app/ or src/ is newer than the last build. `reuse`: keep an
 * existing build as it is (route bundles hold only the routes; services come from this process).
 */
export function ensureNextBuild(reuse = false): void {
  const buildId = join(BFF_DIR, '.next', 'BUILD_ID');
  if (reuse && existsSync(buildId)) return;
  const sources = Math.max(newestMtime(join(BFF_DIR, 'app')), newestMtime(join(BFF_DIR, 'src')));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) return;
  console.log('building the BFF route handlers (next build)…');
  const build = spawnSync('npx', ['next', 'build'], {
    cwd: BFF_DIR,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('next build of apps/bff failed');
}

export async function startBenchServer(options: { solverWorkers: number }): Promise<BenchServer> {
  const fresh = await createFreshDatabase('twinhelm_bench');
  let database: Database | undefined;
  let http: BffHttpServer | undefined;
  let scenarios: Scenarios | undefined;
  const close = async () => {
    await scenarios?.close();
    await http?.close();
    await database?.close();
    await fresh.drop();
  };
  try {
    const config = parseEnv({
      DATABASE_URL: fresh.url,
      AUTH_SECRET: SECRET,
      SOLVER_WORKERS: String(options.solverWorkers),
      LOG_LEVEL: 'warn',
    });
    database = await createDatabase(config);
    await migrate(database);
    const twin = createTwinState();
    scenarios = createScenarios(
      database.sql,
      config,
      createLogger(process.env.BENCH_LOG === 'debug' ? 'debug' : 'warn', 'scenarios'),
    );
    const services = createServices({
      prisma: database.prisma,
      database,
      twin,
      ingestStatus: fakeIngestStatus,
      importNetwork: (text, opts) => importNetwork(text, opts),
      onNetworkImported: () => undefined,
      version: 'bench',
      startedAt: Date.now(),
      clock: Date.now,
      scenarios: scenarios.deps,
    });
    await services.ensureDemoData();
    const context: AppContext = {
      env: config,
      prisma: database.prisma,
      database,
      twin,
      ingestStatus: fakeIngestStatus,
      startedAt: Date.now(),
      services,
      auth: createAuth({ prisma: database.prisma, secret: SECRET }),
    };
    setAppContext(context);
    const web = mkdtempSync(join(tmpdir(), 'bench-web-'));
    writeFileSync(join(web, 'index.html'), '<h1>bench</h1>');
    http = await createHttpServer(context, { webOutDir: web, dev: false });
    forwardScenarioProgress(http.io, scenarios.hub);
    const { port } = await http.listen(0, '127.0.0.1');
    await scenarios.runner.start();
    return { baseUrl: `http://127.0.0.1:${port}`, scenarios, close };
  } catch (error) {
    await close();
    throw error;
  }
}
