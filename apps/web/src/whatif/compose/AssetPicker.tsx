import { useMemo } from 'react';
import { type AssetWithLatest } from '@twinhelm/contracts';
import { AssetCombobox } from '../../components/AssetCombobox';
import { perturbationTypesFor } from '../form/perturbation-catalog';

interface Props {
  assets: readonly AssetWithLatest[];
  selected: AssetWithLatest | undefined;
  onAdd: (asset: AssetWithLatest | null) => void;
}

const canPerturb = (a: AssetWithLatest) => perturbationTypesFor(a.type).length > 0;

/** Adds a perturbation: of the asset selected in 3D, of one found by search, or site-wide. */
export function AssetPicker({ assets, selected, onAdd }: Props) {
  const perturbable = useMemo(() => assets.filter(canPerturb), [assets]);
  return (
    <div className="whatif__picker">
      <div className="whatif__row whatif__row--tight">
        {selected && canPerturb(selected) ? (
          <button type="button" className="button" onClick={() => onAdd(selected)}>
            + {selected.id} <span className="whatif__dim">(selected {selected.type})</span>
          </button>
        ) : (
          <span className="whatif__dim whatif__hint">
            {selected
              ? `${selected.id} (${selected.type}) cannot be perturbed: pick another asset.`
              : 'Pick an asset in 3D, or search:'}
          </span>
        )}
        <button type="button" className="button button--ghost" onClick={() => onAdd(null)}>
          + Site-wide
        </button>
      </div>
      <AssetCombobox
        assets={perturbable}
        limit={8}
        label="Find an asset to perturb"
        placeholder="Find an asset to perturb (id or name)"
        listLabel="Assets to perturb"
        emptyMessage={(query) => `No pump, valve, pipe, junction or tank matches "${query}".`}
        onChoose={onAdd}
      />
    </div>
  );
}
