import type { CheckNumbers, CheckVerdict, RecommendationCheck } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';

/** The SQL of the recommendation_check table (migration 20261122093000_alarm_advice). */

export interface PredictedCourse {
  times: number[];
  values: number[];
  p5: number[] | null;
  p95: number[] | null;
}

interface CheckRow {
  id: string;
  advice_id: string;
  site_id: string;
  alarm_key: string;
  rank: number;
  asset_id: string;
  metric: string;
  scenario_id: string;
  approved_at: number;
  due_at: number;
  time_scale: number;
  tolerance: number;
  predicted: PredictedCourse;
  verdict: CheckVerdict | null;
  numbers: CheckNumbers | null;
  checked_at: number | null;
}

export type DueCheck = CheckRow;

const COLUMNS = `c.id::text AS id, c.advice_id::text AS advice_id, c.site_id, a.alarm_key, c.rank,
  c.asset_id, c.metric, c.scenario_id::text AS scenario_id,
  (extract(epoch FROM c.approved_at) * 1000)::float8 AS approved_at,
  (extract(epoch FROM c.due_at) * 1000)::float8 AS due_at, c.time_scale, c.tolerance,
  c.predicted, c.verdict, c.numbers,
  (extract(epoch FROM c.checked_at) * 1000)::float8 AS checked_at`;

export interface NewCheck {
  adviceId: string;
  siteId: string;
  rank: number;
  assetId: string;
  metric: string;
  scenarioId: string;
  approvedBy: string;
  approvedAt: number;
  dueAt: number;
  timeScale: number;
  tolerance: number;
  predicted: PredictedCourse;
}

/** Stores a check; a second approval of the same recommendation keeps the first (false). */
export async function insertCheck(sql: SqlQuery, c: NewCheck): Promise<boolean> {
  const { rowCount } = await sql.query(
    `INSERT INTO recommendation_check (advice_id, site_id, rank, asset_id, metric, scenario_id,
       approved_by, approved_at, due_at, time_scale, tolerance, predicted)
     VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid, $7, to_timestamp($8::float8 / 1000),
       to_timestamp($9::float8 / 1000), $10, $11, $12::jsonb)
     ON CONFLICT (advice_id, rank) DO NOTHING`,
    [
      c.adviceId,
      c.siteId,
      c.rank,
      c.assetId,
      c.metric,
      c.scenarioId,
      c.approvedBy,
      c.approvedAt,
      c.dueAt,
      c.timeScale,
      c.tolerance,
      JSON.stringify(c.predicted),
    ],
  );
  return rowCount > 0;
}

export async function checksOf(
  sql: SqlQuery,
  adviceIds: readonly string[],
): Promise<RecommendationCheck[]> {
  if (adviceIds.length === 0) return [];
  const { rows } = await sql.query<CheckRow>(
    `SELECT ${COLUMNS} FROM recommendation_check c JOIN alarm_advice a ON a.id = c.advice_id
     WHERE c.advice_id = ANY($1::uuid[]) ORDER BY c.rank`,
    [adviceIds],
  );
  return rows.map(checkOf);
}

/** Checks due at `now` without a verdict, oldest first. */
export async function dueChecks(sql: SqlQuery, now: number, limit = 20): Promise<DueCheck[]> {
  const { rows } = await sql.query<CheckRow>(
    `SELECT ${COLUMNS} FROM recommendation_check c JOIN alarm_advice a ON a.id = c.advice_id
     WHERE c.verdict IS NULL AND c.due_at <= to_timestamp($1::float8 / 1000)
     ORDER BY c.due_at LIMIT $2`,
    [now, limit],
  );
  return rows;
}

/** Stores a verdict once (false when another checker was first). */
export async function recordVerdict(
  sql: SqlQuery,
  id: string,
  verdict: CheckVerdict,
  numbers: CheckNumbers,
  at: number,
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE recommendation_check SET verdict = $2, numbers = $3::jsonb,
       checked_at = to_timestamp($4::float8 / 1000)
     WHERE id = $1::bigint AND verdict IS NULL`,
    [id, verdict, JSON.stringify(numbers), at],
  );
  return rowCount > 0;
}

/** Measured samples of one asset's metric in [from, to], oldest first (at most `limit`). */
export async function measuredSamples(
  sql: SqlQuery,
  where: { siteId: string; assetId: string; metric: string; from: number; to: number },
  limit = 20_000,
): Promise<{ ts: number; value: number }[]> {
  const { rows } = await sql.query<{ ts: number; value: number }>(
    `SELECT (extract(epoch FROM ts) * 1000)::float8 AS ts, value FROM telemetry_sample
     WHERE site_id = $1 AND asset_id = $2 AND metric = $3
       AND ts >= to_timestamp($4::float8 / 1000) AND ts <= to_timestamp($5::float8 / 1000)
     ORDER BY ts LIMIT $6`,
    [where.siteId, where.assetId, where.metric, where.from, where.to, limit],
  );
  return rows;
}

/** The latest measured value of one asset's metric before `at`, no older than `maxAgeMs`. */
export async function valueBefore(
  sql: SqlQuery,
  where: { siteId: string; assetId: string; metric: string; at: number; maxAgeMs: number },
): Promise<number | undefined> {
  const { rows } = await sql.query<{ value: number }>(
    `SELECT value FROM telemetry_sample
     WHERE site_id = $1 AND asset_id = $2 AND metric = $3
       AND ts < to_timestamp($4::float8 / 1000) AND ts >= to_timestamp($5::float8 / 1000)
     ORDER BY ts DESC LIMIT 1`,
    [where.siteId, where.assetId, where.metric, where.at, where.at - where.maxAgeMs],
  );
  return rows[0]?.value;
}

export function checkOf(row: CheckRow): RecommendationCheck {
  return {
    adviceId: row.advice_id,
    rank: row.rank,
    assetId: row.asset_id,
    metric: row.metric,
    approvedAt: row.approved_at,
    dueAt: row.due_at,
    timeScale: row.time_scale,
    predicted: row.predicted,
    verdict: row.verdict,
    checkedAt: row.checked_at,
    numbers: row.numbers,
  };
}
