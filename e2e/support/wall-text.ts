/// <reference lib="dom" />
// What a wall page shows, measured in the page: every piece of text a person can see (visible, on screen, not
// cut away by a tile's clipping) with its font size, and the boxes of the sector tiles' KPI cards.
import type { Page } from 'playwright';

export interface SeenText {
  text: string;
  px: number;
  kpi: boolean;
  where: string;
}
export interface KpiFill {
  tile: string;
  widthShare: number;
  heightShare: number;
}
/** A list tile: rows wholly in it, rows cut at its bottom, rows left out (wrapped out of sight), and the room left under the last row. */
export interface ListFit {
  list: string;
  shown: number;
  cut: number;
  hidden: number;
  spare: number;
  nextRow: number;
}
export interface WallReading {
  screenHeight: number;
  texts: SeenText[];
  kpiFill: KpiFill[];
  lists: ListFit[];
}

export function readWall(page: Page): Promise<WallReading> {
  return page.evaluate(() => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const meet = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const empty = (b: Box) => b.right - b.left < 1 || b.bottom - b.top < 1;
    const view: Box = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    /** The part of `box` not clipped away by an ancestor with overflow other than visible. */
    const unclipped = (el: Element, box: Box): Box => {
      let b = meet(box, view);
      for (let a = el.parentElement; a && !empty(b); a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible') b = meet(b, a.getBoundingClientRect());
      }
      return b;
    };
    const where = (el: Element) =>
      [el.closest('[data-tile-kind]')?.getAttribute('data-tile-kind'), el.tagName.toLowerCase(), el.className]
        .filter(Boolean)
        .join(' ');
    const texts: SeenText[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, noscript')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      if (empty(unclipped(el, range.getBoundingClientRect()))) continue;
      texts.push({
        text: text.slice(0, 40),
        px: parseFloat(getComputedStyle(el).fontSize),
        kpi: el.closest('.wall-kpi-value') !== null,
        where: where(el),
      });
    }
    const kpiFill: KpiFill[] = [];
    for (const body of document.querySelectorAll('.wall-view[data-active="true"] .sector-tile .tile-body')) {
      const cards = [...body.querySelectorAll('.wall-kpi')].map((c) => c.getBoundingClientRect());
      if (cards.length === 0) continue;
      const b = body.getBoundingClientRect();
      const w = Math.max(...cards.map((c) => c.right)) - Math.min(...cards.map((c) => c.left));
      const h = Math.max(...cards.map((c) => c.bottom)) - Math.min(...cards.map((c) => c.top));
      kpiFill.push({
        tile: body.closest('.tile')?.getAttribute('aria-label') ?? '',
        widthShare: w / b.width,
        heightShare: h / b.height,
      });
    }
    // Measured on the list itself, not the screen: a list spanning two screens is cut by their edge, not by its tile.
    const lists: ListFit[] = [];
    for (const list of document.querySelectorAll(
      '.wall-view[data-active="true"] :is(.wall-incidents, .wall-decisions, .wall-down)',
    )) {
      const box = list.getBoundingClientRect();
      const fit = { list: list.className, shown: 0, cut: 0, hidden: 0, spare: 0, nextRow: 0 };
      let lastBottom = box.top;
      for (const li of list.children) {
        const r = li.getBoundingClientRect();
        if (r.left >= box.right - 1) {
          fit.hidden++;
          if (fit.nextRow === 0) fit.nextRow = r.height;
        } else if (r.bottom > box.bottom + 1 || r.right > box.right + 1) fit.cut++;
        else {
          fit.shown++;
          lastBottom = Math.max(lastBottom, r.bottom);
        }
      }
      fit.spare = box.bottom - lastBottom;
      lists.push(fit);
    }
    return { screenHeight: innerHeight, texts, kpiFill, lists };
  });
}
