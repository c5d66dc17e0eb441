// The tile base against a real tile server on loopback: fetched once, then served from the SQLite cache, from the
// cache alone when the server is gone, within its byte bound, and never caching what is not a tile.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sniffTileImage } from '../../common/base-tiles';
import { TileService, type TileServiceOptions } from './tile-service';
import { startTileServer, type TestTileServer } from './tile-test-kit';

let dir: string;
let upstream: TestTileServer;
let service: TileService | null = null;
let now = 1_000_000;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-tiles-'));
  upstream = await startTileServer();
  now = 1_000_000;
});
afterEach(async () => {
  service?.close();
  service = null;
  await upstream.stop();
  rmSync(dir, { recursive: true, force: true });
});

function open(extra: Partial<TileServiceOptions> = {}, cacheBytes = 50 * 2 ** 20): TileService {
  service = new TileService({
    settings: { template: upstream.template, attribution: '© Test Tiles', maxZoom: 19, cacheBytes },
    cachePath: join(dir, 'tiles.db'),
    now: () => now,
    ...extra,
  });
  return service;
}

const T = { z: 12, x: 3300, y: 2100 };

describe('the tile service', () => {
  it('fetches a tile upstream once and serves it from the cache after, across a restart of the console', async () => {
    const s = open();
    const first = await s.answer('/tiles/12/3300/2100');
    expect(first?.status).toBe(200);
    expect(first?.headers['x-nawa-tile']).toBe('fetched');
    expect(first?.headers['content-type']).toBe('image/png');
    expect(sniffTileImage(first!.body!)).toBe('image/png');
    expect(upstream.hits.get('12/3300/2100')).toBe(1);

    const second = await s.answer('/tiles/12/3300/2100');
    expect(second?.headers['x-nawa-tile']).toBe('hit');
    expect(second?.body?.equals(first!.body!)).toBe(true);
    expect(upstream.hits.get('12/3300/2100')).toBe(1);

    s.close();
    const again = open();
    expect((await again.answer('/tiles/12/3300/2100'))?.headers['x-nawa-tile']).toBe('hit');
    expect(upstream.total()).toBe(1);
  });

  it('serves what it has from the cache when the tile server is down, and says 504 for what it has not', async () => {
    const s = open({ freshMs: 60_000 });
    await s.tile(T);
    await upstream.stop();
    now += 120_000; // stale: it would ask upstream, which is gone
    const cached = await s.answer('/tiles/12/3300/2100');
    expect(cached?.status).toBe(200);
    expect(cached?.headers['x-nawa-tile']).toBe('stale');
    const missing = await s.answer('/tiles/12/3301/2100');
    expect(missing?.status).toBe(504);
    // The next ones do not wait on the dead server: the cache answers alone for a while.
    expect((await s.tile({ ...T, x: 3302 })).kind).toBe('missing');

    await upstream.restart();
    now += 31_000;
    expect((await s.answer('/tiles/12/3301/2100'))?.status).toBe(200);
  });

  it('revalidates a stale tile with its ETag and keeps the cached bytes on a 304', async () => {
    const s = open({ freshMs: 60_000 });
    const first = await s.tile(T);
    now += 120_000;
    const revalidated = await s.tile(T);
    expect(revalidated.kind).toBe('revalidated');
    expect(upstream.hits.get('12/3300/2100')).toBe(2);
    if (first.kind === 'missing' || revalidated.kind === 'missing') throw new Error('no tile');
    expect(revalidated.tile.body.equals(first.tile.body)).toBe(true);
    // Fresh again from then on: no third request.
    expect((await s.tile(T)).kind).toBe('hit');
    expect(upstream.hits.get('12/3300/2100')).toBe(2);
  });

  it('keeps the cache under its byte bound, evicting the least recently shown tiles first', async () => {
    upstream.noise = 20_000; // tiles of about 20 KB that do not compress
    const bound = 200_000;
    const s = open({}, bound);
    await s.tile({ z: 10, x: 1, y: 1 });
    for (let i = 0; i < 30; i++) {
      now += 1000;
      await s.tile({ z: 10, x: 100 + i, y: 5 });
      // The first tile is looked at all along: it must survive.
      now += 1000;
      expect((await s.tile({ z: 10, x: 1, y: 1 })).kind).toBe('hit');
      expect(s.cacheBytes).toBeLessThanOrEqual(bound);
    }
    expect(s.cachedTiles).toBeGreaterThan(4);
    expect(s.cachedTiles).toBeLessThan(12);
    // The oldest of the others went; the newest stayed.
    expect((await s.tile({ z: 10, x: 100, y: 5 })).kind).toBe('fetched');
    expect((await s.tile({ z: 10, x: 129, y: 5 })).kind).toBe('hit');
    s.close();
    service = null;
    // The file follows: freed pages go back to the file system (auto_vacuum), a little page overhead aside.
    const file = statSync(join(dir, 'tiles.db')).size;
    console.log(`tile cache: bound ${bound} B, tiles ${s.cacheBytes} B, file after 31 tiles of ~20 KB: ${file} B`);
    expect(file).toBeLessThan(bound * 1.5);
  });

  it.each([
    ['error500', 502],
    ['html', 502],
    ['notImage', 502],
    ['huge', 502],
    ['hugeChunked', 502],
  ] as const)('does not cache or pass on a bad answer (%s) and goes on serving good tiles', async (mode, status) => {
    const s = open();
    upstream.mode = mode;
    const bad = await s.answer('/tiles/12/3300/2100');
    expect(bad?.status).toBe(status);
    expect(bad?.headers['content-type']).toMatch(/^text\/plain/);
    expect(s.cachedTiles).toBe(0);
    expect(s.cacheBytes).toBe(0);
    upstream.mode = 'ok';
    const good = await s.answer('/tiles/12/3300/2100');
    expect(good?.status).toBe(200);
    expect(upstream.hits.get('12/3300/2100')).toBe(2); // asked again: nothing bad was kept
    expect(s.cachedTiles).toBe(1);
  });

  it('keeps the cached picture when a stale tile is answered badly', async () => {
    const s = open({ freshMs: 60_000 });
    await s.tile(T);
    upstream.mode = 'html';
    now += 120_000;
    const out = await s.answer('/tiles/12/3300/2100');
    expect(out?.status).toBe(200);
    expect(out?.headers['x-nawa-tile']).toBe('stale');
  });

  it('gives up on a server that never answers within its timeout', async () => {
    const s = open({ timeoutMs: 300 });
    upstream.mode = 'hang';
    expect((await s.answer('/tiles/12/3300/2100'))?.status).toBe(504);
    expect(s.cachedTiles).toBe(0);
  });

  it('makes one upstream request for many asking at once', async () => {
    const s = open();
    const all = await Promise.all(Array.from({ length: 9 }, () => s.tile(T)));
    expect(all.every((o) => o.kind === 'fetched')).toBe(true);
    expect(upstream.hits.get('12/3300/2100')).toBe(1);
  });

  it('refuses paths that are not tiles of the configured zooms, without asking upstream', async () => {
    const s = open();
    for (const p of ['/tiles/20/1/1', '/tiles/2/4/0', '/tiles/a/b/c', '/tiles/1/1/1.png', '/tiles/../x'])
      expect((await s.answer(p))?.status, p).toBe(404);
    expect(upstream.total()).toBe(0);
    expect(await s.answer('/assets/x.js')).toBeNull();
    const source = await s.answer('/tiles/source.json');
    expect(JSON.parse(source!.body!.toString())).toEqual({
      enabled: true,
      template: '/tiles/{z}/{x}/{y}',
      attribution: '© Test Tiles',
      maxZoom: 19,
    });
    // Never the upstream URL: it may carry an API key.
    expect(source!.body!.toString()).not.toContain('127.0.0.1');
  });

  it('starts an empty cache over a damaged file instead of failing', async () => {
    writeFileSync(join(dir, 'tiles.db'), 'this is not a database'.repeat(200));
    const logs: string[] = [];
    const s = open({ log: (l) => logs.push(l) });
    expect(s.cachedTiles).toBe(0);
    expect((await s.answer('/tiles/12/3300/2100'))?.status).toBe(200);
    expect(logs.join('\n')).toMatch(/starting an empty cache/);
    expect(statSync(join(dir, 'tiles.db')).mode & 0o777).toBe(0o600);
  });
});
