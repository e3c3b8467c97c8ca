import type { ImportWarning, NetworkModel } from '@twinhelm/contracts';
import type { AppContext } from '../app-context';
import type { PrismaClient } from '../generated/prisma/client';
import type { IngestStatusPort } from '../ports/ingest-status-port';
import type { TwinStatePort } from '../ports/twin-state-port';
import type { ScenarioDeps } from '../scenarios/scenario-deps';

/** One error of a refused .inp file (the shape of @twinhelm/solver's importNetwork). */
export interface InpImportError {
  message: string;
  line?: number;
  section?: string;
}

export type ImportNetworkFn = (
  text: string,
  options?: { maxSteps?: number; timeoutMs?: number },
) => Promise<
  | { ok: true; model: NetworkModel; warnings: ImportWarning[]; counts: object }
  | { ok: false; errors: InpImportError[] }
>;

/** Everything the services need, built by server.ts (createServices). */
export interface ServiceDeps {
  prisma: PrismaClient;
  database: AppContext['database'];
  twin: TwinStatePort;
  ingestStatus: IngestStatusPort;
  /** @twinhelm/solver's importNetwork. */
  importNetwork: ImportNetworkFn;
  /** Called after a network import commits, so the ingest reloads its asset registry. */
  onNetworkImported: (siteId: string) => void | Promise<void>;
  /** Called after an alarm rule change commits, so the alarm engine reloads the site's rules. */
  onAlarmRulesChanged?: (siteId: string) => void | Promise<void>;
  /** Build version and process start (epoch ms), as /api/health shows them. */
  version: string;
  startedAt: number;
  clock: () => number;
  /** C-Town's .inp file for the demo site (default: <repo>/data/networks/CTOWN.INP). */
  demoNetworkFile?: string;
  /** What-if scenarios (src/scenarios); without them the scenario routes answer 503. */
  scenarios?: ScenarioDeps;
}
