// `npm run icons`: draws Nawa's icon (the nine-screen wall, 3 x 3, one screen lit) into resources/icons/NxN.png
// (the Linux set electron-builder takes) and resources/icon.ico (PNG-compressed entries up to 256 px, for
// Windows and NSIS). Plain Node: a small rasteriser with 4 x 4 supersampling and a PNG encoder on node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

type Rgba = [number, number, number, number];
const GROUND: Rgba = [7, 13, 23, 255]; // --bg of theme.css
const SCREEN: Rgba = [42, 60, 87, 255]; // --line
const LIT: Rgba = [78, 161, 255, 255]; // --accent

/** Inside a rounded rectangle (x, y, w, h, radius r), in the icon's unit square. */
function inRoundRect(px: number, py: number, x: number, y: number, w: number, h: number, r: number): boolean {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/** The colour at a point of the unit square, or null outside the icon. */
function shade(px: number, py: number): Rgba | null {
  if (!inRoundRect(px, py, 0.02, 0.02, 0.96, 0.96, 0.18)) return null;
  const margin = 0.16;
  const gap = 0.045;
  const cell = (1 - 2 * margin - 2 * gap) / 3;
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) {
      const x = margin + col * (cell + gap);
      const y = margin + row * (cell + gap);
      if (inRoundRect(px, py, x, y, cell, cell, cell * 0.12)) return row === 1 && col === 1 ? LIT : SCREEN;
    }
  }
  return GROUND;
}

/** RGBA pixels of the icon at `size` x `size`. */
export function render(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          const a = c[3] / 255;
          acc[0]! += c[0] * a;
          acc[1]! += c[1] * a;
          acc[2]! += c[2] * a;
          acc[3]! += a;
        }
      }
      const o = (y * size + x) * 4;
      const cover = acc[3]!;
      out[o] = cover ? Math.round(acc[0]! / cover) : 0;
      out[o + 1] = cover ? Math.round(acc[1]! / cover) : 0;
      out[o + 2] = cover ? Math.round(acc[2]! / cover) : 0;
      out[o + 3] = Math.round((cover / (n * n)) * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An 8-bit RGBA PNG. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file whose entries are PNGs (read by Windows Vista and later, and by NSIS). */
export function encodeIco(pngs: { size: number; png: Buffer }[]): Buffer {
  const dir = Buffer.alloc(6 + 16 * pngs.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(pngs.length, 4);
  let offset = dir.length;
  pngs.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size; // 0 means 256
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // colour planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(png.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([dir, ...pngs.map((p) => p.png)]);
}

export function writeIcons(resources: string): string[] {
  const icons = join(resources, 'icons');
  mkdirSync(icons, { recursive: true });
  const written: string[] = [];
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) {
    const png = encodePng(size, render(size));
    pngs.set(size, png);
    const path = join(icons, `${size}x${size}.png`);
    writeFileSync(path, png);
    written.push(path);
  }
  const ico = join(resources, 'icon.ico');
  writeFileSync(ico, encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) as Buffer }))));
  written.push(ico);
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = writeIcons(fileURLToPath(new URL('../resources', import.meta.url)));
  process.stdout.write(`${written.map((p) => `wrote ${p}`).join('\n')}\n`);
}
