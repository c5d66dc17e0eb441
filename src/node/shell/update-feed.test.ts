// electron-updater's own update logic against a real local feed, configured as the shell configures it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub } from '../hub/hub';
import { releaseFiles, sha512, startFeed, testUpdater, type Feed } from './update-feed-kit';
import { configureUpdater } from './updater-setup';
import { rolloutPoint } from './update-policy';

const release = Buffer.from(`Nawa 0.2.0 AppImage ${'x'.repeat(200_000)}`);
let feed: Feed;
const savedAppImage = process.env.APPIMAGE;

beforeEach(async () => {
  feed = await startFeed();
});
afterEach(async () => {
  await feed.close();
  if (savedAppImage === undefined) delete process.env.APPIMAGE;
  else process.env.APPIMAGE = savedAppImage;
});

function nawaUpdater(version: string, channel: 'stable' | 'beta' = 'stable', rolloutId = 'console-test') {
  const t = testUpdater(version, feed.url);
  configureUpdater(t.updater, { channel, rolloutId, log: (l) => t.logs.push(l) });
  return t;
}

const downloadedFiles = (cacheDir: string) => {
  const pending = join(cacheDir, 'pending');
  return existsSync(pending) ? readdirSync(pending).filter((f) => f.endsWith('.AppImage')) : [];
};

describe('electron-updater against a local feed', () => {
  it('finds a newer release, downloads it and checks its sha512', async () => {
    feed.publish({ version: '0.2.0', bytes: release });
    const { updater, cacheDir } = nawaUpdater('0.1.0');
    const downloaded = new Promise<string>((resolve) =>
      updater.once('update-downloaded', (info: { version: string }) => resolve(info.version)),
    );
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    expect(result?.updateInfo.version).toBe('0.2.0');
    const paths = await result?.downloadPromise;
    expect(await downloaded).toBe('0.2.0');
    expect(paths).toHaveLength(1);
    const file = paths?.[0] ?? '';
    expect(readFileSync(file).equals(release)).toBe(true);
    expect(downloadedFiles(cacheDir)).toEqual(['Nawa-0.2.0-x86_64.AppImage']);
    expect(feed.requests).toContain('/Nawa-0.2.0-x86_64.AppImage');
  });

  it('refuses a file whose sha512 differs from the feed and keeps nothing of it', async () => {
    feed.publish({ version: '0.2.0', bytes: release, claimedSha512: sha512(Buffer.from('another build')) });
    const { updater, cacheDir } = nawaUpdater('0.1.0');
    let downloadedEvent = false;
    updater.on('update-downloaded', () => {
      downloadedEvent = true;
    });
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    await expect(result?.downloadPromise).rejects.toThrow(/sha512 checksum mismatch/);
    expect(downloadedEvent).toBe(false);
    expect(downloadedFiles(cacheDir)).toEqual([]);
  });

  it('does not take an older version (no downgrade), nor ask for its file', async () => {
    feed.publish({ version: '0.1.0', bytes: release });
    const { updater } = nawaUpdater('0.2.0');
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(false);
    expect(result?.downloadPromise).toBeUndefined();
    expect(feed.requests).toEqual(['/latest-linux.yml']);
  });

  it('does not take a beta on the stable channel; a beta console reads beta-linux.yml and takes it', async () => {
    feed.publish({ version: '0.2.0-beta.1', bytes: release });
    const stable = nawaUpdater('0.1.0', 'stable');
    expect((await stable.updater.checkForUpdates())?.isUpdateAvailable).toBe(false);

    feed.publish({ version: '0.2.0-beta.1', bytes: release, channelFile: 'beta-linux.yml' });
    const beta = nawaUpdater('0.1.0', 'beta');
    const result = await beta.updater.checkForUpdates();
    expect(feed.requests.at(-1)).toBe('/beta-linux.yml');
    expect(result?.isUpdateAvailable).toBe(true);
    await result?.downloadPromise;
    expect(downloadedFiles(beta.cacheDir)).toEqual(['Nawa-0.2.0-beta.1-x86_64.AppImage']);
  });

  it('a release staged to 0 % is not taken, at 100 % it is', async () => {
    feed.publish({ version: '0.2.0', bytes: release, stagingPercentage: 0 });
    const none = nawaUpdater('0.1.0');
    expect((await none.updater.checkForUpdates())?.isUpdateAvailable).toBe(false);
    expect(feed.requests).not.toContain('/Nawa-0.2.0-x86_64.AppImage');

    feed.publish({ version: '0.2.0', bytes: release, stagingPercentage: 100 });
    const all = nawaUpdater('0.1.0');
    const result = await all.updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    await result?.downloadPromise;
    expect(downloadedFiles(all.cacheDir)).toEqual(['Nawa-0.2.0-x86_64.AppImage']);
  });

  it('a partial rollout takes the consoles whose rollout point lies below the share', async () => {
    feed.publish({ version: '0.2.0', bytes: release, stagingPercentage: 50 });
    const ids = ['console-a', 'console-b', 'console-c', 'console-d', 'console-e', 'console-f'];
    // The sample holds consoles on both sides of the line, or the test would show only one answer.
    expect(new Set(ids.map((id) => rolloutPoint(id) < 50)).size).toBe(2);
    for (const id of ids) {
      const t = nawaUpdater('0.1.0', 'stable', id);
      t.updater.autoDownload = false;
      const taken = (await t.updater.checkForUpdates())?.isUpdateAvailable;
      expect(taken, id).toBe(rolloutPoint(id) < 50);
    }
  });
});

describe('the hub as the feed (nawa hub --updates DIR)', () => {
  it("a console downloads a release published into the hub's folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nawa-hubfeed-'));
    const releases = join(dir, 'releases', 'linux', 'x64');
    mkdirSync(releases, { recursive: true });
    for (const [name, body] of releaseFiles({ version: '0.2.0', bytes: release }))
      writeFileSync(join(releases, name), body);
    const hub = await startHub({
      dbPath: join(dir, 'hub.db'),
      seed: 'demo',
      port: 0,
      updatesDir: join(dir, 'releases'),
    });
    try {
      const t = testUpdater('0.1.0', `${hub.url}/updates/linux/x64/`);
      configureUpdater(t.updater, { channel: 'stable', rolloutId: 'console-hub' });
      const result = await t.updater.checkForUpdates();
      expect(result?.updateInfo.version).toBe('0.2.0');
      const [file] = (await result?.downloadPromise) ?? [];
      expect(readFileSync(file ?? '').equals(release)).toBe(true);
    } finally {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
