import type { Health } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';

/** Liveness for operators and load balancers: no authentication, no secrets. */
export async function health(deps: ServiceDeps): Promise<Health> {
  let connected = false;
  let error: string | undefined;
  try {
    connected = await deps.database.ping();
    if (!connected) error = 'database ping failed';
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const broker = deps.ingestStatus.broker();
  return {
    status: connected && broker.connected ? 'ok' : 'degraded',
    version: deps.version,
    uptimeS: Math.round((deps.clock() - deps.startedAt) / 1000),
    database: { kind: deps.database.kind, connected, ...(error ? { error } : {}) },
    broker,
    ingest: deps.ingestStatus.ingest(),
  };
}
