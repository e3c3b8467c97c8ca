import { createSolverPool, type SolverPool } from '@twinhelm/solver';
import type { SqlQuery } from '../db/sql';
import type { Env } from '../env';
import type { Logger } from '../log';
import { createActiveNetworks } from './active-networks';
import { createProgressHub, type ScenarioProgressHub } from './progress-hub';
import type { ScenarioDeps } from './scenario-deps';
import { createScenarioRunner, type ScenarioRunner } from './scenario-runner';
import { solverEngine } from './solver-engine';

export interface Scenarios {
  /** For createServices (ServiceDeps.scenarios). */
  deps: ScenarioDeps;
  pool: SolverPool;
  hub: ScenarioProgressHub;
  runner: ScenarioRunner;
  /** Stops the runner (running scenarios end as cancelled), then the pool's workers. */
  close(): Promise<void>;
}

export type ScenarioConfig = Pick<
  Env,
  'SOLVER_WORKERS' | 'SCENARIO_RUN_TIMEOUT_MS' | 'SCENARIO_MAX_STEPS' | 'SITE_UTC_OFFSET_MIN'
>;

/**
 * What-if scenarios: the solver's worker pool (warm EPANET workers), the runner that takes
 * queued scenarios from the database, and the services' dependencies. server.ts calls
 * runner.start() once the HTTP server and socket.io are up.
 */
export function createScenarios(
  sql: SqlQuery,
  config: ScenarioConfig,
  log: Logger,
  demandMultipliersOf?: ScenarioDeps['demandMultipliersOf'],
  timeOfDayOf?: ScenarioDeps['timeOfDayOf'],
): Scenarios {
  const pool = createSolverPool(
    config.SOLVER_WORKERS === undefined ? {} : { size: config.SOLVER_WORKERS },
  );
  const hub = createProgressHub();
  const runner = createScenarioRunner({
    sql,
    engine: solverEngine(pool, {
      maxSteps: config.SCENARIO_MAX_STEPS,
      timeoutMs: config.SCENARIO_RUN_TIMEOUT_MS,
    }),
    hub,
    concurrency: pool.size,
    log,
  });
  return {
    deps: {
      sql,
      networks: createActiveNetworks(sql),
      runner,
      hub,
      utcOffsetMin: config.SITE_UTC_OFFSET_MIN,
      maxSteps: config.SCENARIO_MAX_STEPS,
      ...(demandMultipliersOf ? { demandMultipliersOf } : {}),
      ...(timeOfDayOf ? { timeOfDayOf } : {}),
    },
    pool,
    hub,
    runner,
    async close() {
      await runner.close();
      await pool.close();
    },
  };
}
