'use client';

import {
  AssetTypeSchema,
  type AssetEffectiveRules,
  type AssetType,
  type AssetWithLatest,
} from '@twinhelm/contracts';
import { useMemo } from 'react';
import { AssetCombobox } from '../components/AssetCombobox';
import { assetRows, typeCounts } from './asset-rows';

/** Most assets listed under a type filter; the search finds the rest. */
const LIST_LIMIT = 60;

/** Search an asset by id or name, or filter the site's assets by type and pick one from the list. */
export function AssetChooser({
  siteRules,
  assets,
  names,
  assetType,
  selectedAssetId,
  onType,
  onAsset,
}: {
  siteRules: readonly AssetEffectiveRules[];
  assets: readonly AssetWithLatest[];
  names: ReadonlyMap<string, string>;
  assetType: AssetType | null;
  selectedAssetId: string | null;
  onType: (type: AssetType | null) => void;
  onAsset: (assetId: string) => void;
}) {
  const types = useMemo(() => typeCounts(siteRules), [siteRules]);
  const searchable = useMemo(
    () => (assetType === null ? assets : assets.filter((a) => a.type === assetType)),
    [assets, assetType],
  );
  const { rows, total } = useMemo(
    () => assetRows(siteRules, assetType, names, LIST_LIMIT),
    [siteRules, assetType, names],
  );
  return (
    <section className="alarm-rules__chooser" aria-label="Assets">
      <div className="field">
        <label htmlFor="alarm-rules-type">Asset type</label>
        <select
          id="alarm-rules-type"
          className="input"
          value={assetType ?? ''}
          onChange={(event) => {
            const parsed = AssetTypeSchema.safeParse(event.currentTarget.value);
            onType(parsed.success ? parsed.data : null);
          }}
        >
          <option value="">All types ({siteRules.length})</option>
          {types.map(({ type, count }) => (
            <option key={type} value={type}>
              {type} ({count})
            </option>
          ))}
        </select>
      </div>
      <div className="search">
        <AssetCombobox
          assets={searchable}
          limit={12}
          label="Find an asset"
          placeholder="Find an asset by id or name"
          listLabel="Matching assets"
          emptyMessage={(q) => `No ${assetType ?? 'asset'} matches "${q}".`}
          onChoose={(asset) => onAsset(asset.id)}
        />
      </div>
      <ul className="alarm-rules__assets" aria-label={`${assetType ?? 'All'} assets`}>
        {rows.map((row) => (
          <li key={row.assetId}>
            <button
              type="button"
              className="alarm-rules__asset"
              aria-current={row.assetId === selectedAssetId ? 'true' : undefined}
              onClick={() => onAsset(row.assetId)}
            >
              <span className="search__id">{row.assetId}</span>
              {row.name ? <span className="search__name">{row.name}</span> : null}
              <span className="alarm-rules__counts">
                {row.rules === 1 ? '1 rule' : `${row.rules} rules`}
                {row.overridden > 0 ? ` · ${row.overridden} changed` : ''}
                {row.disabled > 0 ? ` · ${row.disabled} off` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {total > rows.length ? (
        <p className="alarm-rules__hint">
          {rows.length} of {total} listed: search to find the others.
        </p>
      ) : null}
    </section>
  );
}
