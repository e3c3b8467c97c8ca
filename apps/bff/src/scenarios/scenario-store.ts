import type {
  EnsembleSummary,
  LiveState,
  RecommendationSet,
  ScenarioKpis,
  Violation,
} from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';

/** The runner's SQL on the scenario table (the services read through scenario-queries.ts). */

export interface ClaimedScenario {
  id: string;
  siteId: string;
  modelHash: string;
  request: unknown;
  liveState: LiveState | null;
}

/**
 * Takes the oldest queued scenario and marks it running (SKIP LOCKED: several runners never take
 * the same one). Undefined when none is queued.
 */
export async function claimNext(sql: SqlQuery): Promise<ClaimedScenario | undefined> {
  const { rows } = await sql.query<{
    id: string;
    site_id: string;
    model_hash: string;
    request: unknown;
    live_state: LiveState | null;
  }>(
    `UPDATE scenario SET status = 'running', started_at = now(), phase = 'starting', progress = 0
     WHERE id = (SELECT id FROM scenario WHERE status = 'queued'
                 ORDER BY created_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
     RETURNING id::text, site_id, model_hash, request, live_state`,
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        siteId: row.site_id,
        modelHash: row.model_hash,
        request: row.request,
        liveState: row.live_state,
      }
    : undefined;
}

/** The stored network a scenario was validated against (its model hash). */
export async function networkOf(
  sql: SqlQuery,
  siteId: string,
  hash: string,
): Promise<{ inp: string; model: string } | undefined> {
  const { rows } = await sql.query<{ inp: string; model: string }>(
    `SELECT inp, model::text AS model FROM network WHERE site_id = $1 AND hash = $2`,
    [siteId, hash],
  );
  return rows[0];
}

export async function writeProgress(
  sql: SqlQuery,
  id: string,
  progress: number,
  phase: string | null,
): Promise<void> {
  await sql.query(
    `UPDATE scenario SET progress = $2, phase = $3 WHERE id = $1::uuid AND status = 'running'`,
    [id, progress, phase],
  );
}

export interface Finished {
  engineVersion: string;
  kpis: ScenarioKpis;
  violations: Violation[];
  /** The result's report times, s, and the time of day of the first, s after midnight. */
  times: number[];
  startClockS: number;
  /** The whole ScenarioResult as JSON text (json-text.ts, or made by the solver's worker). */
  resultJson: string;
  recommendations: RecommendationSet | null;
  /** Ensemble runs: the bands' summary (kept apart so the detail never reads the result). */
  ensemble: EnsembleSummary | null;
}

/**
 * Stores a run's result; false when the scenario was no longer running (cancelled meanwhile).
 * The result goes in a `json` column: PostgreSQL checks the text and keeps it as it is (no
 * jsonb conversion of ~250,000 numbers), which is what GET .../result hands out.
 */
export async function finish(sql: SqlQuery, id: string, done: Finished): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE scenario SET status = 'succeeded', progress = 1, phase = NULL, finished_at = now(),
       engine_version = $2, kpis = $3::jsonb, violations = $4::jsonb, result = $5::json,
       recommendations = $6::jsonb, times = $7::jsonb, start_clock_s = $8, ensemble = $9::jsonb
     WHERE id = $1::uuid AND status = 'running'`,
    [
      id,
      done.engineVersion,
      JSON.stringify(done.kpis),
      JSON.stringify(done.violations),
      done.resultJson,
      done.recommendations === null ? null : JSON.stringify(done.recommendations),
      JSON.stringify(done.times),
      done.startClockS,
      done.ensemble === null ? null : JSON.stringify(done.ensemble),
    ],
  );
  return rowCount > 0;
}

/** Ends a queued or running scenario as failed or cancelled; false when it had already ended. */
export async function end(
  sql: SqlQuery,
  id: string,
  status: 'failed' | 'cancelled',
  error: { kind: string; message: string },
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE scenario SET status = $2, phase = NULL, finished_at = now(), error = $3::jsonb
     WHERE id = $1::uuid AND status IN ('queued', 'running')`,
    [id, status, JSON.stringify(error)],
  );
  return rowCount > 0;
}

/**
 * After a restart: runs that were running when the process stopped have no worker any more, so
 * they end as failed with a message saying so; queued ones stay queued and run now.
 */
export async function failInterrupted(
  sql: SqlQuery,
  message: string,
): Promise<{ id: string; siteId: string }[]> {
  const { rows } = await sql.query<{ id: string; site_id: string }>(
    `UPDATE scenario SET status = 'failed', phase = NULL, finished_at = now(),
       error = jsonb_build_object('kind', 'interrupted', 'message', $1::text)
     WHERE status = 'running' RETURNING id::text, site_id`,
    [message],
  );
  return rows.map((r) => ({ id: r.id, siteId: r.site_id }));
}
