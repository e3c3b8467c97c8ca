import type { Env } from './env';
import type { PrismaClient } from './generated/prisma/client';
import type { TwinStatePort } from './ports/twin-state-port';
import type { AlarmEnginePort } from './ports/alarm-engine-port';
import type { IngestStatusPort } from './ports/ingest-status-port';
import type { AuthRuntime } from './auth/auth-runtime';
import type { NowcastServices } from './nowcast/nowcast-services';
import type { AlarmAdviceServices } from './alarm-advice/advice-services';
import type { AlarmServices } from './alarms/alarm-services';
import type { Services } from './services/create-services';
import type { SimulatorControl } from './simulator-control/simulator-control';

/**
 * Everything a request handler or socket needs, built once by server.ts (the composition root)
 * and handed to Next route handlers through a process-global slot: Next bundles route handlers
 * separately from server.ts, so a module-level singleton would not be shared.
 */
export interface AppContext {
  env: Env;
  prisma: PrismaClient;
  database: { kind: 'embedded' | 'external'; ping(): Promise<boolean> };
  twin: TwinStatePort;
  ingestStatus: IngestStatusPort;
  startedAt: number;
  /** The use cases (createServices in src/services/create-services.ts). */
  services: Services;
  /** next-auth options and authenticate() (createAuth in src/auth/create-auth.ts). */
  auth: AuthRuntime;
  /** The nowcast's routes (src/nowcast); unset → 503. */
  nowcast?: NowcastServices;
  /** The demo plant simulator's fault injection (src/simulator-control); unset → 503. */
  simulator?: SimulatorControl;
  /** The live alarm engine (src/alarms/start-alarm-engine.ts); the alarm services read it. */
  alarmEngine?: AlarmEnginePort;
  /** The alarm routes (src/alarms/alarm-services.ts); unset → 503. */
  alarms?: AlarmServices;
  /** Recommended actions for alarms and their checks (src/alarm-advice); unset → 503. */
  advice?: AlarmAdviceServices;
}

const SLOT = Symbol.for('twinhelm.app-context');
type Slot = { [SLOT]?: AppContext };

export function setAppContext(context: AppContext): void {
  (globalThis as Slot)[SLOT] = context;
}

export function appContext(): AppContext {
  const context = (globalThis as Slot)[SLOT];
  if (!context)
    throw new Error('AppContext is not set: route handlers run only inside server.ts (npm start).');
  return context;
}
