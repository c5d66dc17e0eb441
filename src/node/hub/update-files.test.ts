// `nawa hub --updates DIR`: the release folder under /updates/, beside the API, and nothing outside it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './hub';

let dir: string;
let hub: Hub;
const yml = 'version: 0.2.0\npath: Nawa-0.2.0-x86_64.AppImage\n';
const appImage = Buffer.alloc(300_000, 7);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-hub-upd-'));
  const releases = join(dir, 'releases');
  mkdirSync(join(releases, 'linux', 'x64'), { recursive: true });
  writeFileSync(join(releases, 'linux', 'x64', 'latest-linux.yml'), yml);
  writeFileSync(join(releases, 'linux', 'x64', 'Nawa-0.2.0-x86_64.AppImage'), appImage);
  writeFileSync(join(releases, '.secret'), 'hidden');
  writeFileSync(join(dir, 'outside.txt'), 'not for the feed');
  symlinkSync(join(dir, 'outside.txt'), join(releases, 'link.txt'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, updatesDir: releases });
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the update feed of the hub', () => {
  it('serves the release files with their sizes; the yml is never cached stale', async () => {
    const res = await fetch(`${hub.url}/updates/linux/x64/latest-linux.yml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(yml);
    const bin = await fetch(`${hub.url}/updates/linux/x64/Nawa-0.2.0-x86_64.AppImage`);
    expect(bin.headers.get('content-length')).toBe(String(appImage.length));
    expect(Buffer.from(await bin.arrayBuffer()).equals(appImage)).toBe(true);
    const head = await fetch(`${hub.url}/updates/linux/x64/latest-linux.yml`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(yml.length));
  });

  it('serves nothing outside the folder, no hidden file, no link out; it is read only', async () => {
    for (const path of [
      '/updates/.secret',
      '/updates/link.txt',
      '/updates/%2e%2e/hub.db',
      '/updates/linux',
      '/updates/nope.yml',
      '/updates/a%2fb',
    ]) {
      expect((await fetch(hub.url + path)).status, path).toBe(404);
    }
    expect((await fetch(`${hub.url}/updates/linux/x64/latest-linux.yml`, { method: 'PUT', body: 'x' })).status).toBe(
      405,
    );
  });

  it('leaves the API as it was', async () => {
    expect((await fetch(`${hub.url}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${hub.url}/updatesx`)).status).toBe(404);
  });
});
