import { describe, expect, it } from 'vitest';
import { checkLayout } from '../../../src/common/layout-check';
import { PRESET_LAYOUTS } from '../../../src/common/presets';
import {
  addTile,
  cellAt,
  copyName,
  defaultSource,
  dragRect,
  duplicateDraft,
  emptyDraft,
  nudgeTile,
  placeTile,
  removeTile,
  SOURCE_KINDS,
} from './layout-editor-model';

const IKHTISAR = PRESET_LAYOUTS[0]!;
const ID = '7a7a7a7a-0000-4000-8000-000000000001';

describe('layout editor model', () => {
  it('duplicates deeply under a free name', () => {
    const copy = duplicateDraft(IKHTISAR, ID, 'Ikhtisar (salinan)');
    copy.tiles[0]!.x = 2;
    expect(IKHTISAR.tiles[0]!.x).toBe(0);
    const word = (n: number | null) => (n === null ? 'Ikhtisar (salinan)' : `Ikhtisar (salinan ${n})`);
    expect(copyName(['Ikhtisar'], word)).toBe('Ikhtisar (salinan)');
    expect(copyName(['Ikhtisar', 'ikhtisar (SALINAN)'], word)).toBe('Ikhtisar (salinan 2)');
  });

  it('never lets a move or resize overlap a tile or leave the grid', () => {
    const full = duplicateDraft(IKHTISAR, ID, 'x');
    expect(nudgeTile(full, 'jam', { dx: -1 })).toBeNull(); // every cell is taken
    const freed = removeTile(full, 'keputusan');
    const moved = nudgeTile(freed, 'jam', { dx: -1 })!;
    expect(moved.tiles.find((t) => t.id === 'jam')).toMatchObject({ x: 1, y: 2 });
    expect(nudgeTile(moved, 'jam', { dy: 1 })).toBeNull();
    expect(nudgeTile(moved, 'jam', { dw: 1 })!.tiles.find((t) => t.id === 'jam')).toMatchObject({ x: 1, w: 2 });
    expect(placeTile(moved, 'jam', { x: 1, y: 2, w: 1, h: 0 })).toBeNull();
    expect(checkLayout(moved)).toEqual([]);
  });

  it('adds one-cell tiles with fresh ids only into empty cells', () => {
    const a = addTile(emptyDraft(ID, 'Baru'), 1, 1, defaultSource('clock'))!;
    const b = addTile(a.draft, 2, 2, defaultSource('incidents'))!;
    expect([a.tileId, b.tileId]).toEqual(['ubin-1', 'ubin-2']);
    expect(addTile(b.draft, 1, 1, defaultSource('map'))).toBeNull();
  });

  it('turns pointer positions into cells and drags into rectangles', () => {
    const box = { left: 100, top: 50, width: 300, height: 150 };
    expect(cellAt(box, { cols: 3, rows: 3 }, 100, 50)).toEqual({ x: 0, y: 0 });
    expect(cellAt(box, { cols: 3, rows: 3 }, 399, 199)).toEqual({ x: 2, y: 2 });
    expect(cellAt(box, { cols: 3, rows: 3 }, 900, -10)).toEqual({ x: 2, y: 0 });
    const start = { x: 0, y: 0, w: 1, h: 1 };
    expect(dragRect({ mode: 'move', tileId: 't', start, grab: { x: 0, y: 0 } }, { x: 2, y: 1 })).toEqual({
      x: 2,
      y: 1,
      w: 1,
      h: 1,
    });
    expect(dragRect({ mode: 'resize', tileId: 't', start, grab: { x: 0, y: 0 } }, { x: 1, y: 2 })).toEqual({
      x: 0,
      y: 0,
      w: 2,
      h: 3,
    });
  });

  it('offers a valid default for every source kind but the ones that need an address', () => {
    for (const kind of SOURCE_KINDS) {
      const draft = addTile(emptyDraft(ID, 'S'), 0, 0, defaultSource(kind))!.draft;
      const problems = checkLayout(draft).map((p) => p.code);
      expect(problems).toEqual(kind === 'video' || kind === 'image' ? ['url_invalid'] : []);
    }
  });
});
