/// <reference lib="dom" />
// The map's tile base end to end: `nawa serve --tiles` pointed at a real tile server on loopback; the console
// and a wall page in Chromium draw tile images loaded from the host's own /tiles/ route (never from the tile
// server: the CSP's img-src names the host only), with the attribution on the map; with the tile server gone,
// a reload still shows the cached tiles.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';
import { startHub, type Hub } from '../src/node/hub/hub';
import { startTileServer, type TestTileServer } from '../src/node/host/tile-test-kit';
import { startServe, type Serving } from '../src/node/serve/serve';
import { CHROMIUM, CHROMIUM_ARGS, loginConsole } from './support/stack';

const SHOTS = process.env.NAWA_SHOTS_DIR;

let dir: string;
let hub: Hub;
let upstream: TestTileServer;
let serving: Serving;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-tiles-e2e-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', simulate: 0, port: 0, heartbeatMs: 500 });
  upstream = await startTileServer();
  serving = await startServe({
    hubUrl: hub.url,
    dataDir: join(dir, 'console'),
    distDir: resolve(import.meta.dirname, '../dist'),
    port: 0,
    syncAccount: { username: 'viewer', password: 'demo' },
    heartbeatMs: 500,
    tiles: { template: upstream.template, attribution: '© Peta Uji Nawa', maxZoom: 18, cacheBytes: 32 * 2 ** 20 },
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await serving?.close();
  await upstream?.stop();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The tile images the map has loaded and decoded: their sources and pixel sizes. */
function loadedTiles(page: Page, scope: string) {
  return page.$$eval(`${scope} img.leaflet-tile.leaflet-tile-loaded`, (imgs) =>
    (imgs as HTMLImageElement[]).map((i) => ({ src: i.src, w: i.naturalWidth, h: i.naturalHeight })),
  );
}

/** Every image request the page makes, to check none goes past the host. */
function imageRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'image') seen.push(r.url());
  });
  return seen;
}

describe('map tiles through the host', () => {
  it('shows tiles from /tiles/ on the console map with the attribution, also after the tile server went away', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const images = imageRequests(page);
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await loginConsole(page, serving.url, 'operator');
    const map = page.getByRole('region', { name: 'Peta Kabupaten Malang' });
    await map.waitFor();
    await expect
      .poll(async () => (await loadedTiles(page, '.incident-map')).length, { timeout: 15_000 })
      .toBeGreaterThan(3);
    const tiles = await loadedTiles(page, '.incident-map');
    for (const t of tiles) {
      expect(t.src.startsWith(`${serving.url}/tiles/`), t.src).toBe(true);
      expect([t.w, t.h]).toEqual([256, 256]);
    }
    expect(images.filter((u) => u.startsWith(upstream.template.slice(0, 22)))).toEqual([]);
    expect(blocked).toEqual([]);
    expect(upstream.total()).toBeGreaterThan(3);
    expect(serving.tiles!.cachedTiles).toBeGreaterThan(3);
    await expect
      .poll(() => page.locator('.incident-map .leaflet-control-attribution').textContent())
      .toContain('© Peta Uji Nawa');
    // The boundaries still draw over the tiles.
    expect(await page.locator('path.kecamatan').count()).toBe(33);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'tiles-1920-console.png') });

    // The tile server goes offline: a fresh page gets every tile from the host's cache.
    const askedBefore = upstream.total();
    await upstream.stop();
    try {
      const offline = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await loginConsole(offline, serving.url, 'operator');
      await offline.getByRole('region', { name: 'Peta Kabupaten Malang' }).waitFor();
      await expect
        .poll(async () => (await loadedTiles(offline, '.incident-map')).length, { timeout: 15_000 })
        .toBeGreaterThanOrEqual(tiles.length);
      expect(upstream.total()).toBe(askedBefore);
      await offline.close();
    } finally {
      await upstream.restart();
    }

    const narrow = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginConsole(narrow, serving.url, 'operator');
    await expect
      .poll(async () => (await loadedTiles(narrow, '.incident-map')).length, { timeout: 15_000 })
      .toBeGreaterThan(3);
    if (SHOTS) await narrow.screenshot({ path: join(SHOTS, 'tiles-1366-console.png') });
    await narrow.close();
    await page.close();
  });

  it('shows them on a wall map too, with the attribution', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${serving.url}/wall/1`);
    await expect
      .poll(async () => (await loadedTiles(page, '.map-tile')).length, { timeout: 20_000 })
      .toBeGreaterThan(3);
    for (const t of await loadedTiles(page, '.map-tile')) expect(t.src.startsWith(`${serving.url}/tiles/`)).toBe(true);
    expect(await page.locator('.map-tile .leaflet-control-attribution').first().textContent()).toContain(
      '© Peta Uji Nawa',
    );
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'tiles-1920-wall1.png') });
    await page.close();
  });
});
