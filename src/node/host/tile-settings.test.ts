import { describe, expect, it } from 'vitest';
import { readTileSettings } from './tile-settings';

describe('the tile server setting', () => {
  it('is off without a URL, with defaults otherwise', () => {
    expect(readTileSettings({})).toBeNull();
    expect(readTileSettings({ url: 'https://tile.example/{z}/{x}/{y}.png' })).toEqual({
      template: 'https://tile.example/{z}/{x}/{y}.png',
      attribution: '© tile.example',
      maxZoom: 19,
      cacheBytes: 200 * 2 ** 20,
    });
    expect(
      readTileSettings({
        url: 'https://tile.example/{z}/{x}/{y}.png',
        attribution: ' © OpenStreetMap contributors ',
        cacheMb: '64',
        maxZoom: '17',
      }),
    ).toMatchObject({ attribution: '© OpenStreetMap contributors', cacheBytes: 64 * 2 ** 20, maxZoom: 17 });
  });

  it('names the flag of a bad value', () => {
    const url = 'https://tile.example/{z}/{x}/{y}.png';
    expect(() => readTileSettings({ url, cacheMb: 'lots' })).toThrow(/--tiles-cache-mb must be a number/);
    expect(() => readTileSettings({ url, cacheMb: '1' })).toThrow(/--tiles-cache-mb/);
    expect(() => readTileSettings({ url, maxZoom: '25' })).toThrow(/--tiles-max-zoom/);
    expect(() => readTileSettings({ url: 'http://tile.example/{z}/{x}/{y}.png' })).toThrow(/^--tiles: plain http/);
    expect(() => readTileSettings({ cacheMb: '64' })).toThrow(/--tiles-cache-mb needs --tiles/);
    expect(() => readTileSettings({ url, attribution: 'x'.repeat(301) })).toThrow(/--tiles-attribution/);
  });
});
