import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { type AssetWithLatest } from '@twinhelm/contracts';
import { searchAssets } from '../../lib/asset-search';
import { perturbationTypesFor } from '../form/perturbation-catalog';

interface Props {
  assets: readonly AssetWithLatest[];
  selected: AssetWithLatest | undefined;
  onAdd: (asset: AssetWithLatest | null) => void;
}

const canPerturb = (a: AssetWithLatest) => perturbationTypesFor(a.type).length > 0;

/** Adds a perturbation: of the asset selected in 3D, of one found by search, or site-wide. */
export function AssetPicker({ assets, selected, onAdd }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => searchAssets(assets.filter(canPerturb), query, 8), [assets, query]);
  const activeIndex = Math.min(active, Math.max(hits.length - 1, 0));
  const open = query.trim() !== '';

  const add = (asset: AssetWithLatest | null) => {
    setQuery('');
    setActive(0);
    onAdd(asset);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((activeIndex + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((activeIndex - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[activeIndex];
      if (hit) add(hit);
    } else if (event.key === 'Escape') {
      setQuery('');
    }
  };

  return (
    <div className="whatif__picker">
      <div className="whatif__row whatif__row--tight">
        {selected && canPerturb(selected) ? (
          <button type="button" className="button" onClick={() => add(selected)}>
            + {selected.id} <span className="whatif__dim">(selected {selected.type})</span>
          </button>
        ) : (
          <span className="whatif__dim whatif__hint">
            {selected
              ? `${selected.id} (${selected.type}) cannot be perturbed: pick another asset.`
              : 'Pick an asset in 3D, or search:'}
          </span>
        )}
        <button type="button" className="button button--ghost" onClick={() => add(null)}>
          + Site-wide
        </button>
      </div>
      <input
        type="search"
        className="input"
        aria-label="Find an asset to perturb"
        placeholder="Find an asset to perturb (id or name)"
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && hits.length > 0 ? `${listId}-${activeIndex}` : undefined}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open && hits.length > 0 ? (
        <ul className="search__list" id={listId} role="listbox" aria-label="Assets to perturb">
          {hits.map((asset, index) => (
            <li
              key={asset.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="search__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(asset)}
              onMouseMove={() => setActive(index)}
            >
              <span className="search__id">{asset.id}</span>
              {asset.name ? <span className="search__name">{asset.name}</span> : null}
              <span className="search__type">{asset.type}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {open && hits.length === 0 ? (
        <p className="search__empty" role="status">
          No pump, valve, pipe, junction or tank matches &quot;{query.trim()}&quot;.
        </p>
      ) : null}
    </div>
  );
}
