import type { Prisma } from '../generated/prisma/client';

/** Rows per INSERT statement: arrays travel as one parameter per column, so this bounds memory. */
export const ASSET_CHUNK_ROWS = 5000;

export interface WriteAssetsResult {
  /** Rows inserted or updated. */
  written: number;
  /** Assets of the site that are no longer in the network, deleted. */
  removed: number;
}

type AssetWriter = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Makes the site's assets exactly `rows`: one `INSERT … SELECT FROM unnest(…)` per chunk,
 * updating assets that already exist (their operator-set `name` and `expected_interval_s`
 * are kept), then deletes the site's assets that are not in `rows`. Telemetry history has no
 * foreign key to assets and is left alone. Run it inside the import's transaction: it is
 * atomic only there.
 */
export async function writeAssets(
  db: AssetWriter,
  siteId: string,
  rows: readonly Prisma.AssetCreateManyInput[],
  chunkRows = ASSET_CHUNK_ROWS,
): Promise<WriteAssetsResult> {
  if (!Number.isInteger(chunkRows) || chunkRows < 1) {
    throw new Error(`writeAssets: chunkRows must be a positive integer, got ${chunkRows}`);
  }
  let written = 0;
  for (let start = 0; start < rows.length; start += chunkRows) {
    written += await insertChunk(db, siteId, rows.slice(start, start + chunkRows));
  }
  const ids = rows.map((r) => r.id);
  const removed = await db.$executeRaw`
    DELETE FROM asset WHERE site_id = ${siteId} AND NOT (id = ANY(${ids}::text[]))`;
  return { written, removed };
}

async function insertChunk(
  db: AssetWriter,
  siteId: string,
  chunk: readonly Prisma.AssetCreateManyInput[],
): Promise<number> {
  for (const r of chunk) {
    if (r.siteId !== siteId) {
      throw new Error(`asset ${r.id} belongs to site ${r.siteId}, not ${siteId}`);
    }
  }
  const ids = chunk.map((r) => r.id);
  const types = chunk.map((r) => r.type);
  const valveKinds = chunk.map((r) => r.valveKind ?? null);
  const names = chunk.map((r) => r.name ?? null);
  const xs = chunk.map((r) => r.x);
  const ys = chunk.map((r) => r.y);
  const zs = chunk.map((r) => r.z);
  const fromIds = chunk.map((r) => r.fromId ?? null);
  const toIds = chunk.map((r) => r.toId ?? null);
  const props = chunk.map((r) => JSON.stringify(r.props ?? {}));
  const intervals = chunk.map((r) => r.expectedIntervalS ?? null);
  return db.$executeRaw`
    INSERT INTO asset (site_id, id, type, valve_kind, name, x, y, z, from_id, to_id, props, expected_interval_s)
    SELECT ${siteId}, u.id, u.type, u.valve_kind, u.name, u.x, u.y, u.z, u.from_id, u.to_id, u.props::jsonb, u.interval_s
    FROM unnest(
      ${ids}::text[], ${types}::text[], ${valveKinds}::text[], ${names}::text[],
      ${xs}::float8[], ${ys}::float8[], ${zs}::float8[],
      ${fromIds}::text[], ${toIds}::text[], ${props}::text[], ${intervals}::float8[]
    ) AS u(id, type, valve_kind, name, x, y, z, from_id, to_id, props, interval_s)
    ON CONFLICT (site_id, id) DO UPDATE SET
      type = EXCLUDED.type,
      valve_kind = EXCLUDED.valve_kind,
      name = COALESCE(EXCLUDED.name, asset.name),
      x = EXCLUDED.x,
      y = EXCLUDED.y,
      z = EXCLUDED.z,
      from_id = EXCLUDED.from_id,
      to_id = EXCLUDED.to_id,
      props = EXCLUDED.props,
      expected_interval_s = COALESCE(EXCLUDED.expected_interval_s, asset.expected_interval_s)`;
}
