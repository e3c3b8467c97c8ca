import type { AlarmAdviceEvent, Nowcast } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';
import type { Logger } from '../log';
import type { AlarmEnginePort } from '../ports/alarm-engine-port';
import type { CarryOut } from '../simulator-control/carry-out';
import { scenarioDeps } from '../scenarios/scenario-deps';
import type { ServiceDeps } from '../services/service-deps';
import type { AlarmAdviceConfig } from './advice-config';

/** What alarm advice needs (built by createAlarmAdvice from server.ts's parts). */
export interface AlarmAdviceDeps {
  /** The services' dependencies, with the what-if scenarios (ServiceDeps.scenarios). */
  services: ServiceDeps;
  config: AlarmAdviceConfig;
  /** The live alarm engine, when it runs: fresher than the alarm table it writes. */
  alarms?: Pick<AlarmEnginePort, 'view'>;
  /** The site's latest nowcast (sizes a suspected burst from the measured − modelled flow). */
  nowcastOf?: (siteId: string) => Nowcast | undefined;
  /** An advice ended, or a check has its verdict (the lead sends it to the site's room). */
  notify: (event: AlarmAdviceEvent) => void;
  /**
   * Demo mode: has the virtual plant carry out an approved recommendation's actions (the
   * simulator's plantCarryOut). Unset: approvals actuate nothing (a real plant: the operator
   * acts at the SCADA).
   */
  carryOut?: CarryOut;
  log: Logger;
}

/** Raw SQL on the application database (the scenario services' connection). */
export const sqlOf = (deps: AlarmAdviceDeps): SqlQuery => scenarioDeps(deps.services).sql;
