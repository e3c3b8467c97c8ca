import { AlarmSchema, type Alarm, type AlarmEventRecord } from '@twinhelm/contracts';
import type { Sql, SqlQuery } from '../db/sql';

/** An alarm as the engine keeps it: the lifecycle's Alarm plus the raise text and announcement. */
export interface StoredAlarm {
  alarm: Alarm;
  /** The text of the change that last raised it ("pressure 8.2 below low-low 10"). */
  text: string | null;
  /** When it was last announced (→ unack_active), epoch ms. */
  announcedAt: number | null;
}

/** One event record and, for a condition change, the values that decided it. */
export interface EventRow {
  record: AlarmEventRecord;
  values: Record<string, number> | null;
}

/** A flood began (insert) or ended (update its end and peak). */
export type FloodOp =
  | { type: 'start'; at: number; count: number; windowMs: number }
  | { type: 'end'; startedAt: number; at: number; peak: number };

/** What one transaction stores for one site. */
export interface AlarmWrite {
  siteId: string;
  /** Latest version per key (an earlier version in the same write is replaced). */
  alarms: readonly StoredAlarm[];
  /** In the order they happened. */
  events: readonly EventRow[];
  floods: readonly FloodOp[];
}

const UPSERT_ALARMS = `INSERT INTO alarm (site_id, key, asset_id, rule_id, state, priority, condition, alarm, text, announced_at, updated_at)
SELECT $1, key, asset, rule, state, priority, cond, alarm::jsonb, text, to_timestamp(ann / 1000.0), to_timestamp(upd / 1000.0)
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::text[], $10::float8[], $11::float8[])
  AS u(key, asset, rule, state, priority, cond, alarm, text, ann, upd)
ON CONFLICT (site_id, key) DO UPDATE SET state = EXCLUDED.state, priority = EXCLUDED.priority,
  condition = EXCLUDED.condition, alarm = EXCLUDED.alarm, text = EXCLUDED.text,
  announced_at = EXCLUDED.announced_at, updated_at = EXCLUDED.updated_at`;

const INSERT_EVENTS = `INSERT INTO alarm_event (site_id, alarm_key, asset_id, rule_id, rule_version, kind, priority, from_state, to_state, event, who, at, why, announced, "values")
SELECT $1, key, asset, rule, version, kind, priority, from_state, to_state, event, who, to_timestamp(at_ms / 1000.0), why, announced, vals::jsonb
FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::float8[], $13::text[], $14::bool[], $15::text[])
  WITH ORDINALITY AS u(key, asset, rule, version, kind, priority, from_state, to_state, event, who, at_ms, why, announced, vals, ord)
ORDER BY ord`;

async function upsertAlarms(tx: SqlQuery, siteId: string, list: readonly StoredAlarm[]) {
  const latest = new Map<string, StoredAlarm>();
  for (const stored of list) latest.set(stored.alarm.key, stored);
  const rows = [...latest.values()];
  await tx.query(UPSERT_ALARMS, [
    siteId,
    rows.map((r) => r.alarm.key),
    rows.map((r) => r.alarm.assetId),
    rows.map((r) => r.alarm.ruleId),
    rows.map((r) => r.alarm.state),
    rows.map((r) => r.alarm.priority),
    rows.map((r) => r.alarm.condition),
    rows.map((r) => JSON.stringify(r.alarm)),
    rows.map((r) => r.text),
    rows.map((r) => r.announcedAt),
    rows.map((r) => r.alarm.updatedAt),
  ]);
}

async function insertEvents(tx: SqlQuery, siteId: string, events: readonly EventRow[]) {
  const r = events.map((e) => e.record);
  await tx.query(INSERT_EVENTS, [
    siteId,
    r.map((e) => e.alarmKey),
    r.map((e) => e.assetId),
    r.map((e) => e.ruleId),
    r.map((e) => e.ruleVersion),
    r.map((e) => e.kind),
    r.map((e) => e.priority),
    r.map((e) => e.from),
    r.map((e) => e.to),
    r.map((e) => e.event),
    r.map((e) => e.who),
    r.map((e) => e.when),
    r.map((e) => e.why),
    r.map((e) => e.announced),
    events.map((e) => (e.values === null ? null : JSON.stringify(e.values))),
  ]);
}

async function writeFlood(tx: SqlQuery, siteId: string, op: FloodOp) {
  if (op.type === 'start')
    await tx.query(
      `INSERT INTO alarm_flood (site_id, started_at, peak_count, window_ms)
       VALUES ($1, to_timestamp($2 / 1000.0), $3, $4) ON CONFLICT (site_id, started_at) DO NOTHING`,
      [siteId, op.at, op.count, op.windowMs],
    );
  else
    await tx.query(
      `UPDATE alarm_flood SET ended_at = to_timestamp($3 / 1000.0), peak_count = GREATEST(peak_count, $4)
       WHERE site_id = $1 AND started_at = to_timestamp($2 / 1000.0)`,
      [siteId, op.startedAt, op.at, op.peak],
    );
}

/** Stores alarm rows, their events and flood changes of several writes in one transaction. */
export async function writeAlarmChanges(sql: Sql, writes: readonly AlarmWrite[]): Promise<void> {
  await sql.transaction(async (tx) => {
    for (const write of writes) {
      if (write.alarms.length > 0) await upsertAlarms(tx, write.siteId, write.alarms);
      if (write.events.length > 0) await insertEvents(tx, write.siteId, write.events);
      for (const op of write.floods) await writeFlood(tx, write.siteId, op);
    }
  });
}

const epochMs = (column: string) => `round(extract(epoch from ${column}) * 1000)::float8`;

/** The stored alarms of a site; rows that no longer parse are named in `problems`. */
export async function loadStoredAlarms(
  sql: SqlQuery,
  siteId: string,
): Promise<{ alarms: StoredAlarm[]; problems: string[] }> {
  const { rows } = await sql.query<{
    key: string;
    alarm: unknown;
    text: string | null;
    announced_at: number | null;
  }>(
    `SELECT key, alarm, text, ${epochMs('announced_at')} AS announced_at FROM alarm WHERE site_id = $1 ORDER BY key`,
    [siteId],
  );
  const alarms: StoredAlarm[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = AlarmSchema.safeParse(
      typeof row.alarm === 'string' ? (JSON.parse(row.alarm) as unknown) : row.alarm,
    );
    if (parsed.success)
      alarms.push({ alarm: parsed.data, text: row.text, announcedAt: row.announced_at });
    else
      problems.push(`${siteId}/${row.key}: stored alarm does not parse (${parsed.error.message})`);
  }
  return { alarms, problems };
}

/** Times (epoch ms) of the site's announcements since `since`, oldest first. */
export async function loadAnnouncementsSince(
  sql: SqlQuery,
  siteId: string,
  since: number,
): Promise<number[]> {
  const { rows } = await sql.query<{ at: number }>(
    `SELECT ${epochMs('at')} AS at FROM alarm_event
     WHERE site_id = $1 AND announced AND at >= to_timestamp($2 / 1000.0) ORDER BY at, id`,
    [siteId, since],
  );
  return rows.map((row) => Number(row.at));
}

/** Floods of the site begun since `since`, oldest first. */
export async function loadFloodsSince(
  sql: SqlQuery,
  siteId: string,
  since: number,
): Promise<{ startedAt: number; endedAt: number | null; peak: number }[]> {
  const { rows } = await sql.query<{ started_at: number; ended_at: number | null; peak: number }>(
    `SELECT ${epochMs('started_at')} AS started_at, ${epochMs('ended_at')} AS ended_at, peak_count AS peak
     FROM alarm_flood WHERE site_id = $1 AND (started_at >= to_timestamp($2 / 1000.0) OR ended_at IS NULL)
     ORDER BY started_at`,
    [siteId, since],
  );
  return rows.map((row) => ({
    startedAt: Number(row.started_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    peak: Number(row.peak),
  }));
}

/** Sites with an active network: the ones the engine runs. */
export async function sitesWithNetwork(sql: SqlQuery): Promise<string[]> {
  const { rows } = await sql.query<{ site_id: string }>(
    'SELECT DISTINCT site_id FROM network WHERE active ORDER BY site_id',
  );
  return rows.map((row) => row.site_id);
}
