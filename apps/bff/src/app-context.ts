import type { Env } from './env';
import type { PrismaClient } from './generated/prisma/client';
import type { TwinStatePort } from './ports/twin-state-port';
import type { IngestStatusPort } from './ports/ingest-status-port';
import type { AuthRuntime } from './auth/auth-runtime';
import type { NowcastServices } from './nowcast/nowcast-services';
import type { Services } from './services/create-services';

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
