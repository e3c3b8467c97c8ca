import type { ScenarioProgressEvent, ScenarioStatus } from '@twinhelm/contracts';
import { createSolverPool, type SolverPool } from '@twinhelm/solver';
import type pg from 'pg';
import { quietPool } from '../../testing/test-database';
import { pgSql } from '../../db/sql-pg';
import { createServices, type Services } from '../../services/create-services';
import {
  createTestContext,
  principal,
  type TestContext,
} from '../../services/testing/test-context';
import { createActiveNetworks } from '../active-networks';
import { createProgressHub, type ScenarioProgressHub } from '../progress-hub';
import type { ScenarioDeps } from '../scenario-deps';
import { createScenarioRunner, type ScenarioRunner } from '../scenario-runner';
import { solverEngine } from '../solver-engine';
import { CTOWN } from './ctown';

export interface ScenarioTestContext extends TestContext {
  services: Services;
  scenarios: ScenarioDeps;
  hub: ScenarioProgressHub;
  pool: SolverPool;
  pgPool: pg.Pool;
  runner: ScenarioRunner;
  /** A new runner on the same database, pool and hub (restart tests); started by the caller. */
  newRunner(): ScenarioRunner;
  /** Resolves with the scenario's first event in one of `statuses` (already there: at once). */
  until(id: string, statuses: readonly ScenarioStatus[]): Promise<ScenarioProgressEvent>;
  close(): Promise<void>;
}

const TERMINAL: readonly ScenarioStatus[] = ['succeeded', 'failed', 'cancelled'];
export const terminal = TERMINAL;

/**
 * The services over a fresh database with C-Town imported as site ctown, the real solver pool
 * (2 workers) and a started runner; the AppContext's services include the scenario ones.
 */
export async function createScenarioTestContext(): Promise<ScenarioTestContext> {
  const t = await createTestContext();
  await t.context.services.importNetwork(principal('admin'), {
    siteId: 'ctown',
    name: 'C-Town',
    inp: CTOWN,
  });
  const pgPool = quietPool(t.db.url, { max: 4 });
  const sql = pgSql(pgPool);
  const pool = createSolverPool({ size: 2 });
  const hub = createProgressHub();
  const engine = solverEngine(pool, { maxSteps: 20_000, timeoutMs: 60_000 });
  const newRunner = () =>
    createScenarioRunner({ sql, engine, hub, concurrency: 2, pollMs: 60_000 });
  const holder: { runner: ScenarioRunner } = { runner: newRunner() };
  const scenarios: ScenarioDeps = {
    sql,
    networks: createActiveNetworks(sql),
    runner: {
      wake: () => holder.runner.wake(),
      abort: (id, reason) => holder.runner.abort(id, reason),
    },
    hub,
    utcOffsetMin: 0,
    maxSteps: 20_000,
  };
  const services = createServices({ ...t.deps, scenarios });
  t.context.services = services;
  await holder.runner.start();
  const seen = new Map<string, ScenarioProgressEvent>();
  hub.subscribe((e) => {
    const last = seen.get(e.id);
    if (!last || !TERMINAL.includes(last.status)) seen.set(e.id, e);
  });
  return {
    ...t,
    services,
    scenarios,
    hub,
    pool,
    pgPool,
    get runner() {
      return holder.runner;
    },
    set runner(r: ScenarioRunner) {
      holder.runner = r;
    },
    newRunner,
    until: (id, statuses) =>
      new Promise((done) => {
        const now = seen.get(id);
        if (now && statuses.includes(now.status)) return done(now);
        const stop = hub.subscribe((e) => {
          if (e.id !== id || !statuses.includes(e.status)) return;
          stop();
          done(e);
        });
      }),
    async close() {
      await holder.runner.close();
      await pool.close();
      await pgPool.end();
      await t.db.drop();
    },
  };
}
