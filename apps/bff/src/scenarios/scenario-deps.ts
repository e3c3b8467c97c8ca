import type { LiveState } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';
import { HttpError } from '../http/http-error';
import type { ServiceDeps } from '../services/service-deps';
import type { ActiveNetworks } from './active-networks';
import type { ScenarioProgressHub } from './progress-hub';
import type { ScenarioRunner } from './scenario-runner';

/** What the scenario services need besides the common ServiceDeps (built by server.ts). */
export interface ScenarioDeps {
  /** Raw SQL on the application database: results are read and written as JSON text. */
  sql: SqlQuery;
  networks: ActiveNetworks;
  runner: Pick<ScenarioRunner, 'wake' | 'abort'>;
  hub: ScenarioProgressHub;
  /** The sites' UTC offset (time of day of a bound live state), minutes. */
  utcOffsetMin: number;
  /** A site's own time of day when it is not the wall clock's (the demo plant's, simulator-control/plant-clock.ts). */
  timeOfDayOf?: (siteId: string) => number | undefined;
  /** Most hydraulic steps one run may take (SCENARIO_MAX_STEPS). */
  maxSteps: number;
  /** The site's current demand multipliers (the nowcast's estimate), bound with the live state. */
  demandMultipliersOf?: (siteId: string) => LiveState['demandMultipliers'] | undefined;
}

/** The scenario dependencies, or 503 when this server runs without what-if scenarios. */
export function scenarioDeps(deps: ServiceDeps): ScenarioDeps {
  if (deps.scenarios) return deps.scenarios;
  throw new HttpError(
    503,
    'unavailable',
    'what-if scenarios are not enabled on this server: start it with server.ts (npm start)',
  );
}
