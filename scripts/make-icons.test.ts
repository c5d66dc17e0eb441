// The icon script: valid PNGs and ICO, the picture it should draw, and the committed files are its output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ICO_SIZES, PNG_SIZES, writeIcons } from './make-icons';

const dir = mkdtempSync(join(tmpdir(), 'nawa-icons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const resources = fileURLToPath(new URL('../resources', import.meta.url));

/** Reads back an 8-bit RGBA PNG (filter 0 rows, as written): size and pixels. */
function decode(png: Buffer): { size: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const size = png.readUInt32BE(16);
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length;) {
    const len = png.readUInt32BE(o);
    const type = png.subarray(o + 4, o + 8).toString('ascii');
    if (type === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe(size * (size * 4 + 1));
  return {
    size,
    pixel: (x, y) => [...raw.subarray(y * (size * 4 + 1) + 1 + x * 4, y * (size * 4 + 1) + 1 + x * 4 + 4)],
  };
}

describe('make-icons', () => {
  const written = writeIcons(dir);

  it('draws the PNG set: transparent corners, the lit middle screen, the dark ground between screens', () => {
    expect(written).toHaveLength(PNG_SIZES.length + 1);
    for (const size of PNG_SIZES) {
      const { size: s, pixel } = decode(readFileSync(join(dir, 'icons', `${size}x${size}.png`)));
      expect(s).toBe(size);
      expect(pixel(0, 0)[3]).toBe(0);
      const mid = Math.floor(size / 2);
      expect(pixel(mid, mid)).toEqual([78, 161, 255, 255]);
      if (size >= 64) expect(pixel(Math.round(size * 0.08), mid)).toEqual([7, 13, 23, 255]);
    }
  });

  it('writes an ICO whose entries are the PNGs up to 256 px', () => {
    const ico = readFileSync(join(dir, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    ICO_SIZES.forEach((size, i) => {
      const e = 6 + 16 * i;
      expect(ico[e] === 0 ? 256 : ico[e]).toBe(size);
      const offset = ico.readUInt32LE(e + 12);
      const png = ico.subarray(offset, offset + ico.readUInt32LE(e + 8));
      expect(decode(png).size).toBe(size);
    });
  });

  it('the committed resources are what the script makes (run npm run icons after changing it)', () => {
    for (const size of PNG_SIZES) {
      expect(
        readFileSync(join(resources, 'icons', `${size}x${size}.png`)).equals(
          readFileSync(join(dir, 'icons', `${size}x${size}.png`)),
        ),
        `${size}`,
      ).toBe(true);
    }
    expect(readFileSync(join(resources, 'icon.ico')).equals(readFileSync(join(dir, 'icon.ico')))).toBe(true);
  });
});
