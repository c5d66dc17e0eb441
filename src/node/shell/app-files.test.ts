import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TileService } from '../host/tile-service';
import { startTileServer } from '../host/tile-test-kit';
import { respondToAppRequest } from './app-files';

let root: string;
let dist: string;
const get = (url: string, method = 'GET') => respondToAppRequest({ url, method }, dist);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nawa-app-files-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'console'), { recursive: true });
  mkdirSync(join(dist, 'wall'), { recursive: true });
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'console', 'index.html'), '<title>console</title>');
  writeFileSync(join(dist, 'wall', 'index.html'), '<title>wall</title>');
  writeFileSync(join(dist, 'assets', 'wall-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'operator passwords');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('respondToAppRequest', () => {
  it('serves the console, the wall pages and assets with the CSP', async () => {
    const page = await get('app://nawa/');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>console</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    // The host API is IPC here: no socket to any host, and frames only from the web tiles' allow-list.
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/ws:|wss:/);
    expect(csp).toContain('frame-src https://malangkab.go.id https://*.malangkab.go.id');
    expect(csp).not.toContain('frame-src https:;');

    expect(await (await get('app://nawa/wall/7')).text()).toBe('<title>wall</title>');
    expect(await (await get('app://nawa/wall/1?cells=all')).text()).toBe('<title>wall</title>');
    const js = await get('app://nawa/assets/wall-abc123.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the build folder', async () => {
    for (const url of [
      'app://nawa/../secret.txt',
      'app://nawa/assets/..%2F..%2Fsecret.txt',
      'app://nawa/assets/%2e%2e/%2e%2e/secret.txt',
      'app://nawa/%2e%2e/secret.txt',
      'app://nawa/assets/..\\..\\secret.txt',
      'app://nawa/console/index.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('passwords');
    }
  });

  it('answers only its own origin and only reads', async () => {
    expect((await get('app://other/')).status).toBe(404);
    expect((await get('file:///etc/passwd')).status).toBe(404);
    expect((await get('app://nawa/', 'POST')).status).toBe(405);
    const head = await get('app://nawa/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says the UI is not built rather than showing a blank window', async () => {
    const res = await respondToAppRequest({ url: 'app://nawa/', method: 'GET' }, join(root, 'nowhere'));
    expect(res.status).toBe(503);
    expect((await get('app://nawa/assets/missing.js')).status).toBe(404);
  });

  it('serves the map tiles under app://nawa/tiles/ from the tile service, on the app origin', async () => {
    const upstream = await startTileServer();
    const tiles = new TileService({
      settings: { template: upstream.template, attribution: '© Test Tiles', maxZoom: 19, cacheBytes: 8 * 2 ** 20 },
      cachePath: join(root, 'tiles', 'tiles.db'),
    });
    try {
      const source = await respondToAppRequest({ url: 'app://nawa/tiles/source.json', method: 'GET' }, dist, tiles);
      expect(await source.json()).toMatchObject({ enabled: true, template: '/tiles/{z}/{x}/{y}' });
      const tile = await respondToAppRequest({ url: 'app://nawa/tiles/9/412/262', method: 'GET' }, dist, tiles);
      expect(tile.status).toBe(200);
      expect(tile.headers.get('content-type')).toBe('image/png');
      expect((await tile.arrayBuffer()).byteLength).toBeGreaterThan(100);
      const again = await respondToAppRequest({ url: 'app://nawa/tiles/9/412/262', method: 'GET' }, dist, tiles);
      expect(again.headers.get('x-nawa-tile')).toBe('hit');
      expect(upstream.total()).toBe(1);
    } finally {
      tiles.close();
      await upstream.stop();
    }
    // Without a tile server: "none", and no tile.
    expect(await (await get('app://nawa/tiles/source.json')).json()).toEqual({ enabled: false });
    expect((await get('app://nawa/tiles/9/412/262')).status).toBe(404);
  });
});
