// The views as an ARIA tab list (WAI-ARIA APG "tabs", automatic activation): Tab reaches the chosen view's tab,
// the arrow keys, Home and End move between views; each tab shows its Alt+digit shortcut.
import { useRef, type KeyboardEvent } from 'react';
import { useT } from '../../shared/i18n';
import { shortcutOf, type ViewId } from './views';

export const tabId = (base: string, view: ViewId) => `${base}-tab-${view}`;
export const panelId = (base: string, view: ViewId) => `${base}-panel-${view}`;

interface Props {
  idBase: string;
  views: readonly ViewId[];
  active: ViewId;
  onSelect: (view: ViewId) => void;
  /** A number to show beside a view's name (e.g. refused writes waiting in Keputusan). */
  badges?: Partial<Record<ViewId, number>>;
}

export function ViewTabs({ idBase, views, active, onSelect, badges = {} }: Props) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);

  const move = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = views.indexOf(active);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % views.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + views.length) % views.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? views.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const view = views[to]!;
    onSelect(view);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(idBase, view))}`)?.focus();
  };

  return (
    <div ref={list} className="view-tabs" role="tablist" aria-label={t('shell.views')}>
      {views.map((v) => {
        const key = shortcutOf(v);
        const selected = v === active;
        const badge = badges[v] ?? 0;
        return (
          <button
            key={v}
            type="button"
            role="tab"
            id={tabId(idBase, v)}
            aria-controls={panelId(idBase, v)}
            aria-selected={selected}
            aria-keyshortcuts={key}
            tabIndex={selected ? 0 : -1}
            title={t('shell.shortcut', { key })}
            className="view-tab"
            onClick={() => onSelect(v)}
            onKeyDown={move}
          >
            <span className="view-tab-name">{t(`shell.view.${v}`)}</span>
            {badge > 0 && <span className="badge warn">{t('shell.refused', { n: badge })}</span>}
            <kbd className="view-tab-key" aria-hidden="true">
              {key}
            </kbd>
          </button>
        );
      })}
    </div>
  );
}
