import { describe, expect, it } from 'vitest';
import { checkTileTemplate, parseTilePath, sniffTileImage, tileUrl } from './base-tiles';

describe('the tile server URL', () => {
  it('takes https from anywhere, plain http only on this machine or a private network', () => {
    for (const ok of [
      'https://tile.example/{z}/{x}/{y}.png',
      'https://tiles.malangkab.go.id/osm/{z}/{y}/{x}.webp?key=abc',
      'http://127.0.0.1:8080/{z}/{x}/{y}.png',
      'http://localhost/{z}/{x}/{y}.png',
      'http://10.20.1.5/tiles/{z}/{x}/{y}.png',
      'http://192.168.1.9/{z}/{x}/{y}.png',
      'http://172.20.0.2/{z}/{x}/{y}.png',
    ])
      expect(checkTileTemplate(ok), ok).toEqual({ ok: true, template: ok });
    for (const [bad, why] of [
      ['http://tile.example/{z}/{x}/{y}.png', /plain http/],
      ['http://172.32.0.1/{z}/{x}/{y}.png', /plain http/],
      ['ftp://tile.example/{z}/{x}/{y}.png', /must be https/],
      ['https://tile.example/{z}/{x}.png', /\{y\} exactly once/],
      ['https://tile.example/{z}/{x}/{y}/{y}.png', /\{y\} exactly once/],
      ['https://{s}.tile.example/{z}/{x}/{y}.png', /only \{z\}, \{x\} and \{y\}/],
      ['https://user:pw@tile.example/{z}/{x}/{y}.png', /credentials/],
      ['not a url {z}{x}{y}', /not a URL/],
    ] as const)
      expect(checkTileTemplate(bad), bad).toMatchObject({ ok: false, message: expect.stringMatching(why) });
  });

  it('expands a template', () => {
    expect(tileUrl('https://t.example/{z}/{x}/{y}.png', { z: 3, x: 5, y: 2 })).toBe('https://t.example/3/5/2.png');
  });
});

describe('tile paths', () => {
  it('reads /tiles/z/x/y within the zoom range and the tile grid', () => {
    expect(parseTilePath('/tiles/12/3300/2100', 19)).toEqual({ z: 12, x: 3300, y: 2100 });
    expect(parseTilePath('/tiles/0/0/0', 19)).toEqual({ z: 0, x: 0, y: 0 });
    expect(parseTilePath('/tiles/20/0/0', 19)).toBeNull();
    expect(parseTilePath('/tiles/1/2/0', 19)).toBeNull();
    expect(parseTilePath('/tiles/1/0/2', 19)).toBeNull();
    expect(parseTilePath('/tiles/1/0/0.png', 19)).toBeNull();
    expect(parseTilePath('/tiles/-1/0/0', 19)).toBeNull();
  });
});

describe('tile bytes', () => {
  it('knows PNG, JPEG and WebP by their signature, and an HTML page as none', () => {
    expect(sniffTileImage(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffTileImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffTileImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffTileImage(new TextEncoder().encode('<!doctype html>'))).toBeNull();
    expect(sniffTileImage(new Uint8Array())).toBeNull();
  });
});
