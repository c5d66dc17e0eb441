// The sync engine inside a real host against a real hub: what it keeps across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type ConsoleHost } from '../host/host';
import { startHub, type Hub } from '../hub/hub';
import { testHubDb } from '../hub/hub-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-engine-'));
  hub = await startHub({ dbPath: await testHubDb(dir), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SyncEngine', () => {
  it('still tells the last successful sync after a restart while the central API is away', async () => {
    const dataDir = join(dir, 'console');
    host = await createHost({
      dataDir,
      hubUrl: hub.url,
      heartbeatMs: 200,
      syncAccount: { username: 'viewer', password: 'demo' },
    });
    const h = host;
    const end = Date.now() + 10_000;
    while (!h.sync.status().online || h.sync.status().lastSyncAt === null) {
      if (Date.now() > end) throw new Error('never synced');
      await new Promise((r) => setTimeout(r, 25));
    }
    await h.close();
    host = null;
    await hub.close();
    host = await createHost({ dataDir, hubUrl: hub.url, heartbeatMs: 200 });
    const status = host.sync.status();
    expect(status.online).toBe(false);
    expect(status.lastSyncAt).not.toBeNull();
    expect(Date.now() - Date.parse(status.lastSyncAt!)).toBeLessThan(10_000);
    hub = await startHub({ dbPath: await testHubDb(dir), port: 0, heartbeatMs: 200 });
  });
});
