import { ASSET_TYPES, type AssetEffectiveRules, type AssetType } from '@twinhelm/contracts';

/** One asset in the chooser's list: how many of its rules are overridden or switched off. */
export interface AssetRuleRow {
  assetId: string;
  name: string | null;
  assetType: AssetType;
  rules: number;
  overridden: number;
  disabled: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Asset types present in the site, in the catalogue's order, with how many assets each. */
export function typeCounts(
  assets: readonly AssetEffectiveRules[],
): { type: AssetType; count: number }[] {
  const counts = new Map<AssetType, number>();
  for (const a of assets) counts.set(a.assetType, (counts.get(a.assetType) ?? 0) + 1);
  return ASSET_TYPES.filter((t) => counts.has(t)).map((type) => ({
    type,
    count: counts.get(type) ?? 0,
  }));
}

/**
 * The assets of one type (null: all) in natural id order (J2 before J10), at most `limit`, with
 * their rule counts; `total` is how many matched before the limit.
 */
export function assetRows(
  assets: readonly AssetEffectiveRules[],
  type: AssetType | null,
  names: ReadonlyMap<string, string>,
  limit: number,
): { rows: AssetRuleRow[]; total: number } {
  const matching = assets
    .filter((a) => type === null || a.assetType === type)
    .sort((a, b) => collator.compare(a.assetId, b.assetId));
  const rows = matching.slice(0, limit).map((a) => ({
    assetId: a.assetId,
    name: names.get(a.assetId) ?? null,
    assetType: a.assetType,
    rules: a.rules.length,
    overridden: a.rules.filter((r) => r.source === 'override').length,
    disabled: a.rules.filter((r) => !r.rule.enabled).length,
  }));
  return { rows, total: matching.length };
}
