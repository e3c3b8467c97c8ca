import { TwinStateSchema } from '@twinhelm/contracts';
import type { Sql } from '../db/sql';
import type { TwinState } from './twin-state';

export interface TwinSnapshots {
  /** Writes every site whose version moved since its last write. */
  flush(): Promise<void>;
  /** Stops the timer and writes a final snapshot. */
  close(): Promise<void>;
}

/** Loads the persisted state of every site into `twin` (at startup, before ingest starts). */
export async function restoreTwinState(twin: TwinState, sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ site_id: string; version: number; state: unknown }>(
    'SELECT site_id, version, state FROM twin_snapshot',
  );
  for (const row of rows) {
    const state = TwinStateSchema.safeParse(
      typeof row.state === 'string' ? JSON.parse(row.state) : row.state,
    );
    if (state.success) twin.restore(row.site_id, row.version, state.data);
  }
  return rows.length;
}

/**
 * Persists the twin state to twin_snapshot every `intervalMs` when it changed, and on close, so a
 * restart resumes it. A failed write (database down) is retried at the next tick.
 */
export function persistTwinSnapshots(
  twin: TwinState,
  sql: Sql,
  options: { intervalMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): TwinSnapshots {
  const now = options.now ?? Date.now;
  const written = new Map(twin.versions());
  let running: Promise<void> | undefined;

  async function write(): Promise<void> {
    for (const [siteId, version] of twin.versions()) {
      if (written.get(siteId) === version) continue;
      const snapshot = twin.snapshot(siteId);
      await sql.query(
        `INSERT INTO twin_snapshot (site_id, version, state, taken_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (site_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, taken_at = EXCLUDED.taken_at`,
        [siteId, snapshot.version, JSON.stringify(snapshot.state), new Date(now())],
      );
      written.set(siteId, snapshot.version);
    }
  }

  function flush(): Promise<void> {
    running ??= write().finally(() => (running = undefined));
    return running;
  }

  const timer = setInterval(() => {
    flush().catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? 5000);
  timer.unref();

  return {
    flush,
    async close() {
      clearInterval(timer);
      await running?.catch(() => undefined);
      await flush();
    },
  };
}
