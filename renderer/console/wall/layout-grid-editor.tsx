// The wall grid a presenter edits with a pointer (drag a tile to move it, drag its corner to resize it) or the
// keyboard (arrows move the focused tile, Shift + arrows resize it). A position that does not fit is never taken.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { fits, type LayoutDraft } from '../../../src/common/layout-check';
import type { Tile } from '../../../src/common/layout';
import { useT } from '../../shared/i18n';
import { cellAt, coveredBy, dragRect, nudgeTile, placeTile, type Drag, type Rect } from './layout-editor-model';
import { tileLabel } from './plan-text';

interface Props {
  draft: LayoutDraft;
  selected: string | null;
  onSelect: (tileId: string) => void;
  onChange: (draft: LayoutDraft) => void;
  onAdd: (x: number, y: number) => void;
  /** True when the last attempted move or resize was refused (said aloud by the editor). */
  onBlocked: (blocked: boolean) => void;
}

const KEY_STEPS: Record<string, { dx?: number; dy?: number; dw?: number; dh?: number }> = {
  ArrowLeft: { dx: -1 },
  ArrowRight: { dx: 1 },
  ArrowUp: { dy: -1 },
  ArrowDown: { dy: 1 },
};
const SHIFT_STEPS: Record<string, { dw?: number; dh?: number }> = {
  ArrowLeft: { dw: -1 },
  ArrowRight: { dw: 1 },
  ArrowUp: { dh: -1 },
  ArrowDown: { dh: 1 },
};
const rectOf = (t: Tile): Rect => ({ x: t.x, y: t.y, w: t.w, h: t.h });
const same = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

export function LayoutGridEditor({ draft, selected, onSelect, onChange, onAdd, onBlocked }: Props) {
  const t = useT();
  const gridRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ d: Drag; rect: Rect } | null>(null);
  const { grid } = draft;

  const cellOf = (e: PointerEvent) => cellAt(gridRef.current!.getBoundingClientRect(), grid, e.clientX, e.clientY);

  const begin = (e: PointerEvent, tile: Tile, mode: Drag['mode']) => {
    if (e.button !== 0 || !gridRef.current) return;
    e.preventDefault();
    e.stopPropagation();
    gridRef.current.setPointerCapture(e.pointerId);
    setDrag({ d: { mode, tileId: tile.id, start: rectOf(tile), grab: cellOf(e) }, rect: rectOf(tile) });
    onSelect(tile.id);
    (e.currentTarget.closest('button') ?? (e.currentTarget as HTMLElement)).focus();
  };

  const move = (e: PointerEvent) => {
    if (!drag) return;
    const candidate = dragRect(drag.d, cellOf(e));
    const ok = fits(grid, draft.tiles, drag.d.tileId, candidate);
    onBlocked(!ok);
    if (ok && !same(candidate, drag.rect)) setDrag({ ...drag, rect: candidate });
  };

  const end = () => {
    if (!drag) return;
    if (!same(drag.rect, drag.d.start)) {
      const next = placeTile(draft, drag.d.tileId, drag.rect);
      if (next) onChange(next);
    }
    onBlocked(false);
    setDrag(null);
  };

  const keys = (e: KeyboardEvent, tile: Tile) => {
    const step = e.shiftKey ? SHIFT_STEPS[e.key] : KEY_STEPS[e.key];
    if (!step) return;
    e.preventDefault();
    const next = nudgeTile(draft, tile.id, step);
    onBlocked(next === null);
    if (next) onChange(next);
  };

  const shown = draft.tiles.map((tile) => ({ tile, rect: drag?.d.tileId === tile.id ? drag.rect : rectOf(tile) }));
  const preview: LayoutDraft = { ...draft, tiles: shown.map(({ tile, rect }) => ({ ...tile, ...rect })) };
  const empty: { x: number; y: number }[] = [];
  for (let y = 0; y < grid.rows; y++)
    for (let x = 0; x < grid.cols; x++) if (!coveredBy(preview, x, y)) empty.push({ x, y });

  return (
    <div
      ref={gridRef}
      className={`grid-editor${drag ? ' dragging' : ''}`}
      role="group"
      aria-label={t('editor.gridLabel', { cols: grid.cols, rows: grid.rows })}
      style={{
        gridTemplateColumns: `repeat(${grid.cols}, 1fr)`,
        gridTemplateRows: `repeat(${grid.rows}, 1fr)`,
        aspectRatio: `${grid.cols * 16} / ${grid.rows * 9}`,
      }}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={() => {
        onBlocked(false);
        setDrag(null);
      }}
      data-testid="grid-editor"
    >
      {empty.map(({ x, y }) => (
        <button
          key={`${x},${y}`}
          type="button"
          className="grid-empty"
          style={{ gridColumn: x + 1, gridRow: y + 1 }}
          aria-label={t('editor.addAt', { col: x + 1, row: y + 1 })}
          onClick={() => onAdd(x, y)}
        >
          +
        </button>
      ))}
      {shown.map(({ tile, rect }) => {
        const label = tileLabel(t, tile);
        return (
          <button
            key={tile.id}
            type="button"
            data-tile-id={tile.id}
            className={`grid-tile kind-${tile.source.kind}${selected === tile.id ? ' selected' : ''}`}
            style={{ gridColumn: `${rect.x + 1} / span ${rect.w}`, gridRow: `${rect.y + 1} / span ${rect.h}` }}
            aria-pressed={selected === tile.id}
            aria-label={t('editor.tileName', { label, col: rect.x + 1, row: rect.y + 1, w: rect.w, h: rect.h })}
            onClick={() => onSelect(tile.id)}
            onKeyDown={(e) => keys(e, tile)}
            onPointerDown={(e) => begin(e, tile, 'move')}
          >
            <span className="grid-tile-label">{label}</span>
            <span className="grid-tile-size" aria-hidden="true">
              {rect.w} × {rect.h}
            </span>
            <span
              className="grid-tile-resize"
              aria-hidden="true"
              data-testid={`resize-${tile.id}`}
              onPointerDown={(e) => begin(e, tile, 'resize')}
            />
          </button>
        );
      })}
    </div>
  );
}
