// The map's tiles over nawa serve's own origin: the route, its token beyond loopback, and the cache surviving
// the tile server going away, with a real hub and a real tile server on loopback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../hub/hub';
import { startTileServer, type TestTileServer } from '../host/tile-test-kit';
import { startServe, type Serving } from './serve';

let dir: string;
let dist: string;
let hub: Hub;
let upstream: TestTileServer;
let open: Serving;
let guarded: Serving;
let bare: Serving;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-serve-tiles-'));
  dist = join(dir, 'dist');
  mkdirSync(join(dist, 'console'), { recursive: true });
  writeFileSync(join(dist, 'console/index.html'), '<title>console</title>');
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  upstream = await startTileServer();
  const tiles = { template: upstream.template, attribution: '© Test Tiles', maxZoom: 18, cacheBytes: 8 * 2 ** 20 };
  const base = { hubUrl: hub.url, distDir: dist, port: 0, heartbeatMs: 200 };
  open = await startServe({ ...base, dataDir: join(dir, 'a'), tiles });
  guarded = await startServe({ ...base, dataDir: join(dir, 'b'), tiles, host: '0.0.0.0', accessToken: 'tok-123' });
  bare = await startServe({ ...base, dataDir: join(dir, 'c') });
});
afterAll(async () => {
  for (const s of [open, guarded, bare]) await s?.close();
  await upstream?.stop();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('nawa serve /tiles/', () => {
  it('describes the source, then serves a tile fetched once and cached, also with the tile server gone', async () => {
    const source = await fetch(`${open.url}/tiles/source.json`);
    expect(await source.json()).toEqual({
      enabled: true,
      template: '/tiles/{z}/{x}/{y}',
      attribution: '© Test Tiles',
      maxZoom: 18,
    });
    const first = await fetch(`${open.url}/tiles/11/1650/1050`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(first.headers.get('x-nawa-tile')).toBe('fetched');
    const bytes = Buffer.from(await first.arrayBuffer());
    const second = await fetch(`${open.url}/tiles/11/1650/1050`);
    expect(second.headers.get('x-nawa-tile')).toBe('hit');
    expect(upstream.hits.get('11/1650/1050')).toBe(1);
    expect(open.tiles?.cachedTiles).toBe(1);

    const head = await fetch(`${open.url}/tiles/11/1650/1050`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    await upstream.stop();
    try {
      const offline = await fetch(`${open.url}/tiles/11/1650/1050`);
      expect(offline.status).toBe(200);
      expect(Buffer.from(await offline.arrayBuffer()).equals(bytes)).toBe(true);
      expect((await fetch(`${open.url}/tiles/11/1651/1050`)).status).toBe(504);
    } finally {
      await upstream.restart();
    }
  });

  it('asks for the token beyond loopback, a wall token too, like the host API', async () => {
    const url = guarded.url;
    expect((await fetch(`${url}/tiles/source.json`)).status).toBe(401);
    expect((await fetch(`${url}/tiles/10/825/525`)).status).toBe(401);
    expect((await fetch(`${url}/tiles/10/825/525?token=wrong`)).status).toBe(401);
    const withToken = await fetch(`${url}/tiles/10/825/525?token=tok-123`);
    expect(withToken.status).toBe(200);
    expect((await fetch(`${url}/tiles/10/825/525?token=${guarded.wallTokens![2]}`)).status).toBe(200);
  });

  it('says there are no tiles when none are configured, and serves none', async () => {
    expect(await (await fetch(`${bare.url}/tiles/source.json`)).json()).toEqual({ enabled: false });
    expect((await fetch(`${bare.url}/tiles/11/1650/1050`)).status).toBe(404);
    expect(bare.tiles).toBeNull();
  });
});
