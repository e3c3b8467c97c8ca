import type {
  AlarmAdviceCause,
  AlarmAdviceStatus,
  AlarmQuantity,
  Perturbation,
  PlantCarryOut,
  Principal,
  QuantityEffect,
} from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';

/** The SQL of the alarm_advice table (migration 20261122093000_alarm_advice). */

export type AdviceStage = 'baseline' | 'effects' | 'done' | 'failed';

export interface EffectScenario {
  rank: number;
  scenarioId: string;
}

/** What `effects` holds once the advice is done. */
export interface StoredEffects {
  baseline: QuantityEffect | null;
  byRank: Record<string, { effect: QuantityEffect | null; error: string | null }>;
}

export interface AdviceRow {
  id: string;
  site_id: string;
  alarm_key: string;
  asset_id: string;
  rule_id: string;
  cause: AlarmAdviceCause;
  status: AlarmAdviceStatus;
  stage: AdviceStage;
  error: string | null;
  note: string | null;
  horizon_s: number;
  members: number;
  scenario_id: string;
  effect_scenarios: EffectScenario[] | null;
  perturbations: Perturbation[];
  assumptions: string[];
  quantity: AlarmQuantity | null;
  effects: StoredEffects | null;
  /** Demo mode: what the virtual plant did at each rank's approval. */
  carried_out: Record<string, PlantCarryOut> | null;
  requested_by: string;
  principal: Principal;
  requested_at: number;
  finished_at: number | null;
}

const COLUMNS = `id::text AS id, site_id, alarm_key, asset_id, rule_id, cause, status, stage, error,
  note, horizon_s, members, scenario_id::text AS scenario_id, effect_scenarios, perturbations,
  assumptions, quantity, effects, carried_out, requested_by, principal,
  (extract(epoch FROM requested_at) * 1000)::float8 AS requested_at,
  (extract(epoch FROM finished_at) * 1000)::float8 AS finished_at`;

export interface NewAdvice {
  id: string;
  siteId: string;
  alarmKey: string;
  assetId: string;
  ruleId: string;
  cause: AlarmAdviceCause;
  horizonS: number;
  members: number;
  scenarioId: string;
  perturbations: Perturbation[];
  assumptions: string[];
  quantity: AlarmQuantity | null;
  requestedBy: string;
  principal: Principal;
  requestedAt: number;
}

export async function insertAdvice(sql: SqlQuery, a: NewAdvice): Promise<void> {
  await sql.query(
    `INSERT INTO alarm_advice (id, site_id, alarm_key, asset_id, rule_id, cause, status, stage,
       horizon_s, members, scenario_id, perturbations, assumptions, quantity, requested_by,
       principal, requested_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, 'queued', 'baseline', $7, $8, $9::uuid, $10::jsonb,
       $11::jsonb, $12::jsonb, $13, $14::jsonb, to_timestamp($15::float8 / 1000))`,
    [
      a.id,
      a.siteId,
      a.alarmKey,
      a.assetId,
      a.ruleId,
      a.cause,
      a.horizonS,
      a.members,
      a.scenarioId,
      JSON.stringify(a.perturbations),
      JSON.stringify(a.assumptions),
      a.quantity === null ? null : JSON.stringify(a.quantity),
      a.requestedBy,
      JSON.stringify(a.principal),
      a.requestedAt,
    ],
  );
}

/** One advice by id (within its site), or a site's advice (one alarm's, newest first). */
export async function adviceRows(
  sql: SqlQuery,
  where: { siteId: string } & ({ id: string } | { alarmKey?: string; limit: number }),
): Promise<AdviceRow[]> {
  if ('id' in where) {
    const { rows } = await sql.query<AdviceRow>(
      `SELECT ${COLUMNS} FROM alarm_advice WHERE id = $1::uuid AND site_id = $2`,
      [where.id, where.siteId],
    );
    return rows;
  }
  const { rows } = await sql.query<AdviceRow>(
    `SELECT ${COLUMNS} FROM alarm_advice
     WHERE site_id = $1 AND ($2::text IS NULL OR alarm_key = $2)
     ORDER BY requested_at DESC, id LIMIT $3`,
    [where.siteId, where.alarmKey ?? null, where.limit],
  );
  return rows;
}

export async function adviceById(sql: SqlQuery, id: string): Promise<AdviceRow | undefined> {
  const { rows } = await sql.query<AdviceRow>(
    `SELECT ${COLUMNS} FROM alarm_advice WHERE id = $1::uuid`,
    [id],
  );
  return rows[0];
}

/** Advice that has not ended, oldest first: what the advance loop looks at. */
export async function unfinishedAdviceIds(sql: SqlQuery): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id::text AS id FROM alarm_advice WHERE stage IN ('baseline', 'effects')
     ORDER BY requested_at LIMIT 100`,
  );
  return rows.map((r) => r.id);
}

/** The advice whose baseline or effect runs include this scenario. */
export async function adviceIdOfScenario(
  sql: SqlQuery,
  scenarioId: string,
): Promise<string | undefined> {
  const { rows } = await sql.query<{ id: string }>(
    `SELECT id::text AS id FROM alarm_advice
     WHERE stage IN ('baseline', 'effects')
       AND (scenario_id = $1::uuid
            OR effect_scenarios @> jsonb_build_array(jsonb_build_object('scenarioId', $1::text)))
     LIMIT 1`,
    [scenarioId],
  );
  return rows[0]?.id;
}

/** The advice for this alarm still running, if any (asking twice does not run twice). */
export async function runningAdviceOf(
  sql: SqlQuery,
  siteId: string,
  alarmKey: string,
): Promise<{ id: string; scenarioId: string } | undefined> {
  const { rows } = await sql.query<{ id: string; scenario_id: string }>(
    `SELECT id::text AS id, scenario_id::text AS scenario_id FROM alarm_advice
     WHERE site_id = $1 AND alarm_key = $2 AND stage IN ('baseline', 'effects')
     ORDER BY requested_at DESC LIMIT 1`,
    [siteId, alarmKey],
  );
  const row = rows[0];
  return row ? { id: row.id, scenarioId: row.scenario_id } : undefined;
}

/** Moves baseline → effects once (true for the caller that did it). */
export async function claimEffects(sql: SqlQuery, id: string): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE alarm_advice SET stage = 'effects', status = 'running'
     WHERE id = $1::uuid AND stage = 'baseline'`,
    [id],
  );
  return rowCount > 0;
}

export async function setEffectScenarios(
  sql: SqlQuery,
  id: string,
  effects: EffectScenario[],
): Promise<void> {
  await sql.query(`UPDATE alarm_advice SET effect_scenarios = $2::jsonb WHERE id = $1::uuid`, [
    id,
    JSON.stringify(effects),
  ]);
}

export async function setStatus(
  sql: SqlQuery,
  id: string,
  status: AlarmAdviceStatus,
): Promise<void> {
  await sql.query(
    `UPDATE alarm_advice SET status = $2 WHERE id = $1::uuid AND stage IN ('baseline', 'effects')`,
    [id, status],
  );
}

/** Ends an advice (once: false when it had already ended). */
export async function endAdvice(
  sql: SqlQuery,
  id: string,
  end:
    | { status: 'done'; note: string | null; effects: StoredEffects }
    | { status: 'failed'; error: string },
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `UPDATE alarm_advice SET status = $2, stage = $2, finished_at = now(),
       error = $3, note = $4, effects = $5::jsonb
     WHERE id = $1::uuid AND stage IN ('baseline', 'effects')`,
    end.status === 'done'
      ? [id, 'done', null, end.note, JSON.stringify(end.effects)]
      : [id, 'failed', end.error, null, null],
  );
  return rowCount > 0;
}

/** Stores what the demo plant did at an approval of one rank (the latest attempt wins). */
export async function setCarriedOut(
  sql: SqlQuery,
  id: string,
  rank: number,
  carriedOut: PlantCarryOut,
): Promise<void> {
  await sql.query(
    `UPDATE alarm_advice
     SET carried_out = coalesce(carried_out, '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb)
     WHERE id = $1::uuid`,
    [id, String(rank), JSON.stringify(carriedOut)],
  );
}
