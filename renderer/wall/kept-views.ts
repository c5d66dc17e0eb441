// The layouts a screen keeps drawn: the one on show and the last few before it, hidden. Switching back to one of
// them only changes which is visible, so a presenter moving between the room's usual layouts never waits for a
// map to be rebuilt. Views keep their place in the list (moving a DOM subtree would reload a web or video tile);
// the least recently shown one is dropped when the list is full.
import type { Layout } from '../../src/common/layout';

export interface KeptView {
  key: string;
  layout: Layout;
  shownAt: number;
}
export interface KeptViews {
  active: string | null;
  tick: number;
  views: KeptView[];
}

export const KEEP_DEFAULT = 5;
export const NO_VIEWS: KeptViews = { active: null, tick: 0, views: [] };

/** An edited layout is a new view: its version is part of the key. */
export function viewKey(layout: Layout): string {
  return `${layout.id}@${layout.version}`;
}

export function showLayout(kept: KeptViews, layout: Layout, max: number): KeptViews {
  const key = viewKey(layout);
  const tick = kept.tick + 1;
  // Older versions of the same layout are gone for good; the same version keeps its drawn view.
  let views = kept.views.filter((v) => v.layout.id !== layout.id || v.key === key);
  views = views.some((v) => v.key === key)
    ? views.map((v) => (v.key === key ? { ...v, shownAt: tick } : v))
    : [...views, { key, layout, shownAt: tick }];
  while (views.length > Math.max(1, max)) {
    const oldest = views.reduce((a, b) => (b.shownAt < a.shownAt ? b : a));
    views = views.filter((v) => v !== oldest);
  }
  return { active: key, tick, views };
}

/** `?keep=N`: how many layouts each screen keeps drawn (1 = only the one on show, for a low-memory TV browser). */
export function keepFromSearch(search: string): number {
  const n = Number(new URLSearchParams(search).get('keep'));
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : KEEP_DEFAULT;
}
