// The store guard seen from the host: on-demand backups for a supervisor, and its notices in the sync status.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../common/host-api';
import { startHub, type Hub } from '../hub/hub';
import { ConsoleStore } from '../store/console-store';
import { StoreMaintenance } from '../store/store-maintenance';
import { createHost, type ConsoleHost } from './host';
import { conn, ok } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-backup-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store.backup and the store notice', () => {
  it('backs up on demand for a supervisor only, into a file that opens with the same records', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const op = conn();
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, op));
    const rec = ok<{ decision: { id: string } }>(
      await host.dispatch('decisions.record', { summary: 'Cadangkan ini', rationale: '', action: 'Catat' }, op),
    );
    expect(await host.dispatch('store.backup', {}, op)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const sup = conn();
    ok(await host.dispatch('session.login', { username: 'supervisor', password: 'demo' }, sup));
    // Central decisions are kept once they come back from the hub (until then the outbox holds it): the backup is
    // taken when the store holds the decision as central, however long that round trip took.
    const h = host;
    for (let t0 = Date.now(); !h.store.decisions().some((d) => d.id === rec.decision.id && d.state === 'synced');) {
      if (Date.now() - t0 > 10_000) throw new Error('the decision did not come back from the hub in 10 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const backup = ok<{ path: string; bytes: number; at: string }>(await host.dispatch('store.backup', {}, sup));
    expect(backup.bytes).toBeGreaterThan(0);
    expect(existsSync(`${backup.path}.tmp`)).toBe(false);
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.prepare('SELECT id FROM decisions WHERE id = ?').get(rec.decision.id)).toBeTruthy();
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(ok<SyncStatus>(await host.dispatch('sync.status', {}, sup)).notice).toBeNull();
  });

  it('tells the operator, through the sync status, that a damaged database was replaced by the last backup', async () => {
    const dataDir = join(dir, 'console');
    host = await createHost({ dataDir, hubUrl: hub.url, heartbeatMs: 200 });
    const sup = conn();
    ok(await host.dispatch('session.login', { username: 'supervisor', password: 'demo' }, sup));
    ok(await host.dispatch('store.backup', {}, sup));
    await host.close();
    host = null;
    writeFileSync(join(dataDir, 'console.db'), Buffer.alloc(8192, 3));
    rmSync(join(dataDir, 'console.db-wal'), { force: true });
    host = await createHost({ dataDir, hubUrl: hub.url, heartbeatMs: 200 });
    const status = ok<SyncStatus>(await host.dispatch('sync.status', {}, conn()));
    expect(status.notice).toMatch(/backup restored/);
  });

  it('a failed integrity check of the file becomes a notice for the operator', async () => {
    const path = join(dir, 'check.db');
    const store = ConsoleStore.open(path);
    let told = 0;
    const m = new StoreMaintenance(store, {
      onNotice: () => {
        told++;
      },
    });
    expect(await m.check()).toBe('ok');
    expect(m.notice()).toBeNull();
    const other = ConsoleStore.open(join(dir, 'other.db'));
    const bad = new StoreMaintenance(other, {
      onNotice: () => {
        told++;
      },
    });
    // A file that is not a database at all, where the store expects one.
    (bad as unknown as { store: { path: string } }).store.path = join(dir, 'garbage.db');
    writeFileSync(join(dir, 'garbage.db'), 'not a database'.repeat(500));
    expect(await bad.check()).not.toBe('ok');
    expect(bad.notice()).toMatch(/integrity check/);
    expect(told).toBe(1);
    store.close();
    other.close();
  });
});
