// The map's search box: typo-forgiving (fuse.js over the bundled names and the host's sites); Enter or a
// click on a hit flies the map there.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { PlaceEntry, PlaceIndex } from '../../../src/common/geo/place-search';
import { useT } from '../../shared/i18n';

export function MapSearch({ index, onPick }: { index: PlaceIndex; onPick: (entry: PlaceEntry) => void }) {
  const t = useT();
  const inputId = useId();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const hits = useMemo(() => index.search(query, 8), [index, query]);

  const choose = (entry: PlaceEntry) => {
    onPick(entry);
    setQuery(entry.name);
    setOpen(false);
  };
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
      setOpen(true);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) choose(hit.entry);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div className="map-search">
      <label htmlFor={inputId} className="visually-hidden">
        {t('mapSearch.label')}
      </label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        placeholder={t('mapSearch.placeholder')}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={keys}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {open &&
        query.trim().length >= 2 &&
        (hits.length === 0 ? (
          <p className="map-search-none" role="status">
            {t('mapSearch.none', { q: query.trim() })}
          </p>
        ) : (
          <ul id={listId} role="listbox" aria-label={t('mapSearch.results')} className="map-search-hits">
            {hits.map((h, i) => (
              <li
                key={`${h.entry.kind}:${h.entry.id}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(h.entry);
                }}
              >
                <span className="hit-name">{h.entry.name}</span>
                <span className="hit-kind">
                  {t(`placeKind.${h.entry.kind}`)}
                  {h.entry.context ? ` · ${h.entry.context}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
