import { AssetTypeSchema, type AssetType } from '@twinhelm/contracts';
import { liveStateFromTwin } from '@twinhelm/solver';
import type { SqlQuery } from '../db/sql';
import type { BindLiveState } from './nowcast-types';

type Catalogue = { id: string; type: AssetType }[];

/**
 * The solver's live-state binding (liveStateFromTwin: tank levels, pump status and speed, valve
 * status and setting) over the site's tanks, pumps and valves, read once per network version.
 */
export function createLiveStateBinder(sql: SqlQuery): BindLiveState {
  const catalogues = new Map<string, { hash: string; assets: Catalogue }>();

  async function assetsOf(siteId: string, hash: string): Promise<Catalogue> {
    const cached = catalogues.get(siteId);
    if (cached?.hash === hash) return cached.assets;
    const { rows } = await sql.query<{ id: string; type: string }>(
      `SELECT id, type FROM asset WHERE site_id = $1 AND type IN ('tank', 'pump', 'valve')`,
      [siteId],
    );
    const assets = rows.flatMap((r) => {
      const type = AssetTypeSchema.safeParse(r.type);
      return type.success ? [{ id: r.id, type: type.data }] : [];
    });
    catalogues.set(siteId, { hash, assets });
    return assets;
  }

  return async ({ siteId, hash, state, nowMs, utcOffsetMin, maxAgeMs }) =>
    liveStateFromTwin(state, await assetsOf(siteId, hash), { nowMs, utcOffsetMin, maxAgeMs });
}
