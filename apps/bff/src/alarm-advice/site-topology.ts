import { inpSections } from '../scenarios/inp-sections';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';

export interface LinkEnds {
  from: { id: string; type: string };
  to: { id: string; type: string };
}

/**
 * The tank a pump's simple controls watch (`LINK PU1 OPEN IF NODE T1 BELOW 4`), from the
 * site's active .inp: the level the pump exists to keep up. Controls that open the pump
 * below a level win over others; undefined when no control watches a tank.
 */
export async function watchedTankOf(
  deps: AlarmAdviceDeps,
  siteId: string,
  pumpId: string,
): Promise<string | undefined> {
  const sql = sqlOf(deps);
  const { rows } = await sql.query<{ inp: string }>(
    `SELECT inp FROM network WHERE site_id = $1 AND active ORDER BY imported_at DESC LIMIT 1`,
    [siteId],
  );
  const inp = rows[0]?.inp;
  if (inp === undefined) return undefined;
  const assets = await sql.query<{ id: string; type: string; epanet: string | null }>(
    `SELECT id, type, props->>'epanetId' AS epanet FROM asset
     WHERE site_id = $1 AND (id = $2 OR type = 'tank')`,
    [siteId, pumpId],
  );
  const tanks = new Set(assets.rows.filter((a) => a.type === 'tank').map((a) => a.id));
  const pump = assets.rows.find((a) => a.id === pumpId);
  const epanetId = pump?.epanet ?? pumpId;
  let fallback: string | undefined;
  for (const tokens of inpSections(inp, ['CONTROLS']).get('CONTROLS') ?? []) {
    const [link, id, status, when, node, nodeId, comparison] = tokens.map((t) => t.toUpperCase());
    if (link !== 'LINK' || id !== epanetId.toUpperCase() || when !== 'IF' || node !== 'NODE')
      continue;
    const tank = tokens[5];
    if (tank === undefined || !tanks.has(tank) || nodeId === undefined) continue;
    if (status === 'OPEN' && comparison === 'BELOW') return tank;
    fallback ??= tank;
  }
  return fallback;
}

/** A link's end nodes with their types (asset table), or undefined for an unknown link. */
export async function linkEndsOf(
  deps: AlarmAdviceDeps,
  siteId: string,
  linkId: string,
): Promise<LinkEnds | undefined> {
  const { rows } = await sqlOf(deps).query<{
    from_id: string | null;
    to_id: string | null;
    from_type: string | null;
    to_type: string | null;
  }>(
    `SELECT l.from_id, l.to_id, f.type AS from_type, t.type AS to_type
     FROM asset l
     LEFT JOIN asset f ON f.site_id = l.site_id AND f.id = l.from_id
     LEFT JOIN asset t ON t.site_id = l.site_id AND t.id = l.to_id
     WHERE l.site_id = $1 AND l.id = $2`,
    [siteId, linkId],
  );
  const row = rows[0];
  if (!row?.from_id || !row.to_id) return undefined;
  return {
    from: { id: row.from_id, type: row.from_type ?? 'unknown' },
    to: { id: row.to_id, type: row.to_type ?? 'unknown' },
  };
}
