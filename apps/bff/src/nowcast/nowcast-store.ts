import type { Nowcast } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';

/** A site's active network: the latest import (hash = sha-256 of the .inp text). */
export interface ActiveNetwork {
  siteId: string;
  hash: string;
  inp: string;
}

/** Sites that have an active network, with its hash (the .inp text is loaded on demand). */
export async function listNetworkSites(sql: SqlQuery): Promise<{ siteId: string; hash: string }[]> {
  const { rows } = await sql.query<{ site_id: string; hash: string }>(
    `SELECT DISTINCT ON (site_id) site_id, hash FROM network
     WHERE active ORDER BY site_id, imported_at DESC`,
  );
  return rows.map((r) => ({ siteId: r.site_id, hash: r.hash }));
}

/** The .inp text of one network version of a site, or undefined when it is gone. */
export async function loadNetworkText(
  sql: SqlQuery,
  siteId: string,
  hash: string,
): Promise<string | undefined> {
  const { rows } = await sql.query<{ inp: string }>(
    'SELECT inp FROM network WHERE site_id = $1 AND hash = $2',
    [siteId, hash],
  );
  return rows[0]?.inp;
}

/**
 * The residuals of one nowcast in one statement (unnest of parallel arrays, as the ingest writes
 * samples). The primary key (site, asset, metric, at) makes a repeated write insert nothing.
 * Returns how many rows were new.
 */
export async function insertResiduals(
  sql: SqlQuery,
  siteId: string,
  at: number,
  residuals: Nowcast['residuals'],
): Promise<number> {
  const assets: string[] = [];
  const metrics: string[] = [];
  const measured: number[] = [];
  const modelled: number[] = [];
  const residual: number[] = [];
  for (const [assetId, byMetric] of Object.entries(residuals)) {
    for (const [metric, r] of Object.entries(byMetric)) {
      assets.push(assetId);
      metrics.push(metric);
      measured.push(r.measured);
      modelled.push(r.modelled);
      residual.push(r.residual);
    }
  }
  if (assets.length === 0) return 0;
  const { rowCount } = await sql.query(
    `INSERT INTO model_residual (site_id, asset_id, metric, at, measured, modelled, residual)
     SELECT $1, asset, metric, to_timestamp($2::float8 / 1000.0), measured, modelled, residual
     FROM unnest($3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[])
       AS u(asset, metric, measured, modelled, residual)
     ON CONFLICT DO NOTHING`,
    [siteId, at, assets, metrics, measured, modelled, residual],
  );
  return rowCount;
}

/** Deletes residuals older than `before` (epoch ms); returns how many went. */
export async function pruneResiduals(sql: SqlQuery, before: number): Promise<number> {
  const { rowCount } = await sql.query('DELETE FROM model_residual WHERE at < $1', [
    new Date(before),
  ]);
  return rowCount;
}
