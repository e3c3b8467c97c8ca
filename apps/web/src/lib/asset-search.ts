/** What the search needs of an asset. */
export interface Searchable {
  id: string;
  name?: string | undefined;
}

/** Rank of a match, lower is better: id before name, exact before prefix before substring. */
const enum Rank {
  IdExact = 0,
  IdPrefix = 1,
  NameExact = 2,
  NamePrefix = 3,
  NameWordPrefix = 4,
  IdSubstring = 5,
  NameSubstring = 6,
}

function rankOf(asset: Searchable, q: string): Rank | null {
  const id = asset.id.toLowerCase();
  if (id === q) return Rank.IdExact;
  if (id.startsWith(q)) return Rank.IdPrefix;
  const name = asset.name?.toLowerCase();
  if (name !== undefined) {
    if (name === q) return Rank.NameExact;
    if (name.startsWith(q)) return Rank.NamePrefix;
    if (name.split(/[\s_\-/.]+/).some((word) => word.startsWith(q))) return Rank.NameWordPrefix;
  }
  if (id.includes(q)) return Rank.IdSubstring;
  if (name?.includes(q)) return Rank.NameSubstring;
  return null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Assets whose id or name contains the query (case-insensitive), best first: id matches before
 * name matches, exact before prefix before substring, then natural id order (J2 before J10).
 * An empty query matches nothing.
 */
export function searchAssets<T extends Searchable>(
  assets: readonly T[],
  query: string,
  limit = 20,
): T[] {
  const q = query.trim().toLowerCase();
  if (q === '' || limit <= 0) return [];
  const hits: { asset: T; rank: Rank }[] = [];
  for (const asset of assets) {
    const rank = rankOf(asset, q);
    if (rank !== null) hits.push({ asset, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || collator.compare(a.asset.id, b.asset.id));
  return hits.slice(0, limit).map((hit) => hit.asset);
}
