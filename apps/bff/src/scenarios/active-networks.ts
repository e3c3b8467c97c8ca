import { NetworkModelSchema, type AssetType } from '@twinhelm/contracts';
import type { ModelCatalog } from '@twinhelm/solver';
import type { SqlQuery } from '../db/sql';
import { catalogOf } from './model-catalog';

/** What validating and binding a scenario needs to know about a site's active network. */
export interface ActiveNetwork {
  hash: string;
  catalog: ModelCatalog;
  assets: readonly { id: string; type: AssetType }[];
  hydraulicStepS: number;
}

export interface ActiveNetworks {
  /** The site's active network, or undefined when none was imported. */
  of(siteId: string): Promise<ActiveNetwork | undefined>;
}

/**
 * Active networks by site, parsed once per model version (sha-256): each request costs one
 * indexed query for the active hash; a new version is loaded and parsed once.
 */
export function createActiveNetworks(sql: SqlQuery, keep = 8): ActiveNetworks {
  const byHash = new Map<string, ActiveNetwork>();
  return {
    async of(siteId) {
      const { rows } = await sql.query<{ hash: string }>(
        `SELECT hash FROM network WHERE site_id = $1 AND active ORDER BY imported_at DESC LIMIT 1`,
        [siteId],
      );
      const hash = rows[0]?.hash;
      if (hash === undefined) return undefined;
      const cached = byHash.get(hash);
      if (cached) return cached;
      const stored = await sql.query<{ inp: string; model: string }>(
        `SELECT inp, model::text AS model FROM network WHERE site_id = $1 AND hash = $2`,
        [siteId, hash],
      );
      const row = stored.rows[0];
      if (!row) return undefined;
      const model = NetworkModelSchema.parse(JSON.parse(row.model));
      const network: ActiveNetwork = {
        hash,
        catalog: catalogOf(model, row.inp),
        assets: [...model.nodes, ...model.links].map((a) => ({ id: a.id, type: a.type })),
        hydraulicStepS: model.times.hydraulicStep,
      };
      byHash.set(hash, network);
      if (byHash.size > keep) byHash.delete(byHash.keys().next().value ?? '');
      return network;
    },
  };
}
