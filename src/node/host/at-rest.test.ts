// Data at rest (issue 10, item 6): the console's folder 0700, its database and backup 0600, the sealing key apart.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../hub/hub';
import { backupStore } from '../store/store-guard';
import { createHost, type ConsoleHost } from './host';
import { conn, ok } from './host-test-kit';

let dir: string;
let hub: Hub | undefined;
let host: ConsoleHost | undefined;
afterEach(async () => {
  await host?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

const mode = (p: string) => statSync(p).mode & 0o777;

describe('at rest', () => {
  it('keeps the data folder 0700, the database and its backup 0600, and the key where it is told', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nawa-at-rest-'));
    hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
    const data = join(dir, 'console');
    const keyFile = join(dir, 'keys', 'console.key');
    host = await createHost({ dataDir: data, keyFile, hubUrl: hub.url, heartbeatMs: 200 });
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, conn()));
    const backup = await backupStore(host.store);
    expect(mode(data)).toBe(0o700);
    expect(mode(join(data, 'console.db'))).toBe(0o600);
    expect(mode(backup.path)).toBe(0o600);
    expect(existsSync(keyFile)).toBe(true);
    expect(mode(keyFile)).toBe(0o600);
    expect(mode(join(dir, 'keys'))).toBe(0o700);
    expect(readdirSync(data).some((f) => f.endsWith('.key'))).toBe(false);
  });
});
