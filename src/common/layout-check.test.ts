import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLayout, fits } from './layout-check';
import { layoutProblems, type Tile } from './layout';
import { PRESET_LAYOUTS } from './presets';
import { checkWebUrl } from './web-allow-list';

const grid = { cols: 3, rows: 3 };
const tile = (
  id: string,
  x: number,
  y: number,
  w = 1,
  h = 1,
  source: Tile['source'] = { kind: 'connectivity' },
): Tile => ({ id, x, y, w, h, source });

describe('checkLayout', () => {
  it('accepts every shipped preset', () => {
    for (const p of PRESET_LAYOUTS) expect(checkLayout(p)).toEqual([]);
  });

  it('names what is wrong: empty or taken name, a tile outside, an overlap, a repeated tile id', () => {
    expect(checkLayout({ name: '  ', grid, tiles: [] })).toEqual([{ code: 'name_empty' }]);
    expect(checkLayout({ name: 'ikhtisar ', grid, tiles: [] }, ['Ikhtisar'])).toEqual([
      { code: 'name_taken', name: 'ikhtisar' },
    ]);
    expect(checkLayout({ name: 'A', grid, tiles: [tile('a', 2, 2, 2, 1)] })).toEqual([
      { code: 'tile_outside', tileId: 'a' },
    ]);
    expect(checkLayout({ name: 'A', grid, tiles: [tile('a', 0, 0, 2, 2), tile('b', 1, 1)] })).toEqual([
      { code: 'tile_overlap', tileId: 'b', otherId: 'a' },
    ]);
    expect(checkLayout({ name: 'A', grid, tiles: [tile('a', 0, 0), tile('a', 1, 0)] })).toEqual([
      { code: 'tile_duplicate_id', tileId: 'a' },
    ]);
  });

  it('lets web tiles show only allow-listed HTTPS pages', () => {
    const web = (url: string) => checkLayout({ name: 'W', grid, tiles: [tile('w', 0, 0, 1, 1, { kind: 'web', url })] });
    expect(web('https://dinkes.malangkab.go.id/peta')).toEqual([]);
    expect(web('https://www.bmkg.go.id/')).toEqual([]);
    expect(web('https://example.com/')).toEqual([{ code: 'web_not_allowed', tileId: 'w', host: 'example.com' }]);
    expect(web('https://malangkab.go.id.example.com/')).toMatchObject([{ code: 'web_not_allowed' }]);
    expect(web('http://malangkab.go.id/')).toMatchObject([{ code: 'web_not_allowed' }]);
    expect(web('bukan alamat')).toEqual([{ code: 'url_invalid', tileId: 'w' }]);
    // Video and images are not framed pages: any http(s) address will do, a malformed one will not.
    expect(
      checkLayout({
        name: 'V',
        grid,
        tiles: [tile('v', 0, 0, 1, 1, { kind: 'video', url: 'https://cctv.example.net/a.m3u8' })],
      }),
    ).toEqual([]);
    expect(
      checkLayout({ name: 'V', grid, tiles: [tile('v', 0, 0, 1, 1, { kind: 'image', url: 'ftp://x/y.png' })] }),
    ).toMatchObject([{ code: 'url_invalid' }]);
  });

  it('refuses credentials in a web address', () => {
    expect(checkWebUrl('https://user:pw@malangkab.go.id/')).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(checkWebUrl('https://MalangKab.go.id./')).toMatchObject({ ok: true, host: 'malangkab.go.id' });
  });

  it('agrees with layoutProblems (the hub rule) on every geometry', () => {
    const arbTile = fc
      .record({
        id: fc.constantFrom('a', 'b', 'c', 'd'),
        x: fc.integer({ min: 0, max: 3 }),
        y: fc.integer({ min: 0, max: 3 }),
        w: fc.integer({ min: 1, max: 3 }),
        h: fc.integer({ min: 1, max: 3 }),
      })
      .map((r) => tile(r.id, r.x, r.y, r.w, r.h));
    fc.assert(
      fc.property(fc.array(arbTile, { maxLength: 5 }), (tiles) => {
        const ours = checkLayout({ name: 'P', grid, tiles });
        expect(ours.length === 0).toBe(layoutProblems(grid, tiles).length === 0);
      }),
    );
  });

  it('fits() is what the editor asks before moving or resizing a tile', () => {
    const tiles = [tile('a', 0, 0, 2, 2), tile('b', 2, 0)];
    expect(fits(grid, tiles, 'b', { x: 2, y: 1, w: 1, h: 2 })).toBe(true);
    expect(fits(grid, tiles, 'b', { x: 1, y: 0, w: 1, h: 1 })).toBe(false);
    expect(fits(grid, tiles, 'a', { x: 0, y: 0, w: 2, h: 3 })).toBe(true);
    expect(fits(grid, tiles, 'a', { x: 0, y: 0, w: 3, h: 1 })).toBe(false);
    expect(fits(grid, tiles, 'new', { x: 0, y: 2, w: 4, h: 1 })).toBe(false);
  });
});
