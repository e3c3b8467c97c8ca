import { AssetTypeSchema, type AssetType } from '@twinhelm/contracts';
import type { SqlQuery } from '../db/sql';
import { nearestIds } from '../text/nearest-ids';

/** What validation needs to know about sites and assets. */
export interface AssetLookup {
  hasSite(siteId: string): boolean;
  typeOf(siteId: string, assetId: string): AssetType | undefined;
  /** Known ids of the site nearest to an unknown one ("did you mean"). */
  suggest(siteId: string, assetId: string): string[];
  siteIds(): string[];
}

export interface AssetRegistry extends AssetLookup {
  /** Re-reads sites and assets from the database (after a network import). */
  reload(): Promise<void>;
}

/** site → asset id → type, loaded from the site and asset tables. */
export function createAssetRegistry(sql: SqlQuery): AssetRegistry {
  let sites = new Map<string, Map<string, AssetType>>();
  const suggestions = new Map<string, string[]>();

  return {
    async reload() {
      const [siteRows, assetRows] = await Promise.all([
        sql.query<{ id: string }>('SELECT id FROM site'),
        sql.query<{ site_id: string; id: string; type: string }>(
          'SELECT site_id, id, type FROM asset',
        ),
      ]);
      const next = new Map<string, Map<string, AssetType>>(
        siteRows.rows.map((r) => [r.id, new Map()]),
      );
      for (const row of assetRows.rows) {
        const type = AssetTypeSchema.safeParse(row.type);
        if (type.success) next.get(row.site_id)?.set(row.id, type.data);
      }
      sites = next;
      suggestions.clear();
    },
    hasSite: (siteId) => sites.has(siteId),
    typeOf: (siteId, assetId) => sites.get(siteId)?.get(assetId),
    suggest(siteId, assetId) {
      const key = `${siteId}\u0000${assetId}`;
      let found = suggestions.get(key);
      if (!found) {
        found = nearestIds(assetId, sites.get(siteId)?.keys() ?? []);
        if (suggestions.size >= 10_000) suggestions.clear();
        suggestions.set(key, found);
      }
      return found;
    },
    siteIds: () => [...sites.keys()],
  };
}
