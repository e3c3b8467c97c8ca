'use client';

import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { type AssetWithLatest } from '@twinhelm/contracts';
import { searchAssets } from '../lib/asset-search';

interface Props {
  assets: readonly AssetWithLatest[];
  /** Most matches listed. */
  limit: number;
  /** The input's accessible name and placeholder. */
  label: string;
  placeholder: string;
  /** The list's accessible name. */
  listLabel: string;
  /** What to say when nothing matches the (trimmed) query. */
  emptyMessage: (query: string) => string;
  onChoose: (asset: AssetWithLatest) => void;
}

/** An asset combobox: type an id or name; arrows move, Enter chooses, Escape clears. */
export function AssetCombobox({
  assets,
  limit,
  label,
  placeholder,
  listLabel,
  emptyMessage,
  onChoose,
}: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => searchAssets(assets, query, limit), [assets, query, limit]);
  const open = query.trim() !== '';
  const activeIndex = Math.min(active, Math.max(hits.length - 1, 0));

  function clear() {
    setQuery('');
    setActive(0);
  }

  function choose(asset: AssetWithLatest) {
    clear();
    onChoose(asset);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((activeIndex + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((activeIndex - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[activeIndex];
      if (hit) choose(hit);
    } else if (event.key === 'Escape') {
      clear();
    }
  }

  return (
    <>
      <input
        type="search"
        className="input"
        aria-label={label}
        placeholder={placeholder}
        value={query}
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && hits.length > 0 ? `${listId}-${activeIndex}` : undefined}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {open && hits.length > 0 ? (
        <ul className="search__list" id={listId} role="listbox" aria-label={listLabel}>
          {hits.map((asset, index) => (
            <li
              key={asset.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="search__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(asset)}
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
          {emptyMessage(query.trim())}
        </p>
      ) : null}
    </>
  );
}
