// Update status and approval, and the about box, through the real host (real hub on loopback).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AboutInfo, UpdateReport, UpdateStatus } from '../../common/update-api';
import { startHub, type Hub } from '../hub/hub';
import { NAWA_VERSION } from '../base/version';
import { createHost, type ConsoleHost } from './host';
import { conn, ok } from './host-test-kit';
import { SHELL_CONNECTION_ID, servedApiVersion } from './update-handlers';

let dir: string;
let hub: Hub;
let host: ConsoleHost;
const shell = { id: SHELL_CONNECTION_ID, operator: null, wall: null };
const downloaded: UpdateReport = {
  state: 'downloaded',
  current: '0.1.0',
  channel: 'stable',
  version: '0.2.0',
  installAt: '2026-12-02T19:00:00.000Z',
  blockers: ['presentation'],
  lastCheckAt: '2026-12-02T05:00:00.000Z',
  error: null,
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-updh-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
});
afterAll(async () => {
  await host?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function as(username: string) {
  const c = conn();
  ok(await host.dispatch('session.login', { username, password: 'demo' }, c));
  return c;
}

describe('update requests', () => {
  it('say "unmanaged" with Nawa\'s version until the shell reports', async () => {
    expect(ok<UpdateStatus>(await host.dispatch('updates.status', {}, conn()))).toMatchObject({
      state: 'unmanaged',
      current: NAWA_VERSION,
      approval: null,
    });
  });

  it("take reports only from the shell's connection and announce them", async () => {
    const renderer = await as('supervisor');
    expect(await host.dispatch('updates.report', downloaded, renderer)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await host.dispatch('updates.report', { ...downloaded, version: 'soon' }, shell)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const events: UpdateStatus[] = [];
    const off = host.onEvent((name, payload) => {
      if (name === 'updates.status') events.push(payload as UpdateStatus);
    });
    ok(await host.dispatch('updates.report', downloaded, shell));
    off();
    expect(events).toEqual([{ ...downloaded, approval: null }]);
    expect(ok<UpdateStatus>(await host.dispatch('updates.status', {}, conn()))).toMatchObject({
      version: '0.2.0',
      blockers: ['presentation'],
    });
  });

  it('let only a supervisor approve, and only the version downloaded', async () => {
    const operator = await as('operator');
    expect(await host.dispatch('updates.approve', { version: '0.2.0' }, operator)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const supervisor = await as('supervisor');
    expect(await host.dispatch('updates.approve', { version: '0.3.0' }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'not_downloaded' },
    });
    const status = ok<UpdateStatus>(await host.dispatch('updates.approve', { version: '0.2.0' }, supervisor));
    expect(status.approval).toMatchObject({ version: '0.2.0', by: expect.any(String) });
    // The approval is for that version: a newer download is not approved by it.
    ok(await host.dispatch('updates.report', { ...downloaded, version: '0.2.1' }, shell));
    expect(ok<UpdateStatus>(await host.dispatch('updates.status', {}, conn())).approval).toBeNull();
  });
});

describe('app.about', () => {
  it("names Nawa's version and the central API version the hub serves", async () => {
    const about = ok<AboutInfo>(await host.dispatch('app.about', {}, conn()));
    expect(about.nawaVersion).toBe(NAWA_VERSION);
    expect(about.centralApi).toMatchObject({ url: hub.url, spoken: '1.1' });
    // The reference hub answers /health; a v1 hub names no api version ("1"), a v1.1 hub names it.
    expect(about.centralApi.served === '1' || about.centralApi.served === '1.1').toBe(true);
  });

  it('reads "api" from /health and says null when the central side is unreachable', async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","api":"1.1"}'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await servedApiVersion(url)).toBe('1.1');
    await new Promise<void>((r) => server.close(() => r()));
    expect(await servedApiVersion(url, 500)).toBeNull();
  });
});
