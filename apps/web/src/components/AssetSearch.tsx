'use client';

import { type AssetWithLatest } from '@twinhelm/contracts';
import { AssetCombobox } from './AssetCombobox';

interface Props {
  assets: readonly AssetWithLatest[] | undefined;
  /** Why the list is unavailable, when it is. */
  unavailable: string | null;
  onChoose: (assetId: string) => void;
}

const NONE: readonly AssetWithLatest[] = [];

/** Search assets by id or name; arrows move, Enter chooses, Escape clears. */
export function AssetSearch({ assets, unavailable, onChoose }: Props) {
  return (
    <div className="search card" role="search">
      <AssetCombobox
        assets={assets ?? NONE}
        limit={12}
        label="Search assets"
        placeholder={unavailable ?? 'Search assets by id or name'}
        listLabel="Matching assets"
        emptyMessage={(query) => unavailable ?? `No asset id or name contains "${query}".`}
        onChoose={(asset) => onChoose(asset.id)}
      />
    </div>
  );
}
