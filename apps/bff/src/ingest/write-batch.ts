import type { RejectReason, Sample } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';

export interface RejectRow {
  siteId: string | null;
  assetId: string | null;
  topic: string;
  reason: RejectReason;
  detail: string;
  /** The payload as text, truncated. */
  payload: string;
  receivedAt: number;
}

/**
 * One statement, so one atomic commit: samples with ON CONFLICT DO NOTHING (the primary key
 * site, asset, metric, ts is the dedup key: a redelivered message inserts nothing), and the
 * batch's rejected messages. Times travel as epoch milliseconds.
 */
const WRITE_BATCH = `WITH s AS (
  INSERT INTO telemetry_sample (site_id, asset_id, metric, ts, value, seq)
  SELECT site, asset, metric, to_timestamp(ms / 1000.0), value, seq
  FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::bigint[]) AS u(site, asset, metric, ms, value, seq)
  ON CONFLICT DO NOTHING
  RETURNING 1
), r AS (
  INSERT INTO rejected_message (site_id, asset_id, topic, reason, detail, payload, received_at)
  SELECT site, asset, topic, reason, detail, payload, to_timestamp(ms / 1000.0)
  FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::float8[]) AS u(site, asset, topic, reason, detail, payload, ms)
  RETURNING 1
)
SELECT (SELECT count(*) FROM s)::int AS inserted`;

/** Writes samples and rejects in one commit; returns how many samples were new. */
export async function writeBatch(
  sql: SqlQuery,
  samples: readonly Sample[],
  rejects: readonly RejectRow[],
): Promise<number> {
  const { rows } = await sql.query<{ inserted: number }>(WRITE_BATCH, [
    samples.map((s) => s.siteId),
    samples.map((s) => s.assetId),
    samples.map((s) => s.metric),
    samples.map((s) => s.ts),
    samples.map((s) => s.value),
    samples.map((s) => s.seq),
    rejects.map((r) => r.siteId),
    rejects.map((r) => r.assetId),
    rejects.map((r) => r.topic),
    rejects.map((r) => r.reason),
    rejects.map((r) => r.detail),
    rejects.map((r) => r.payload),
    rejects.map((r) => r.receivedAt),
  ]);
  return Number(rows[0]?.inserted ?? 0);
}

/** Drops exact repeats of the dedup key within one batch (the first one wins, as in the table). */
export function dedupeBatch(samples: readonly Sample[]): Sample[] {
  const seen = new Set<string>();
  const unique: Sample[] = [];
  for (const s of samples) {
    const key = `${s.siteId}\u0000${s.assetId}\u0000${s.metric}\u0000${s.ts}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(s);
  }
  return unique;
}
