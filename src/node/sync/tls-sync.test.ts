// The console against a TLS hub (v1.1 transport), with a test CA made here by openssl.
import { wsText } from '../base/ws-text';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../hub/hub';
import { testHubDb } from '../hub/hub-test-kit';
import { createHost } from '../host/host';
import { conn, ok, until } from '../host/host-test-kit';
import WebSocket from 'ws';
import { startServe } from '../serve/serve';
import { CentralClient, checkCentralUrl, NetworkError } from './central-client';

let dir: string;
let hub: Hub;
let ca: Buffer;

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-tls-'));
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Uji CA Kabupaten Malang',
  ]);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'hub.key', '-out', 'hub.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl([
    'x509',
    '-req',
    '-in',
    'hub.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'hub.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  ]);
  ca = readFileSync(join(dir, 'ca.pem'));
  hub = await startHub({
    dbPath: await testHubDb(dir),
    seed: 'demo',
    port: 0,
    heartbeatMs: 200,
    tls: { cert: readFileSync(join(dir, 'hub.pem')), key: readFileSync(join(dir, 'hub.key')) },
  });
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS', () => {
  it('serves the hub over https only', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = new CentralClient(hub.url, 5000, { ca });
    expect((await client.health()).api).toBe('1.1');
    // Plain http to the TLS port gets no answer of the contract.
    await expect(new CentralClient(hub.url.replace('https', 'http'), 5000).health()).rejects.toBeInstanceOf(
      NetworkError,
    );
  });

  it('refuses a hub whose certificate is not from a trusted CA', async () => {
    await expect(new CentralClient(hub.url, 5000).health()).rejects.toBeInstanceOf(NetworkError);
    // Another CA, also made here, does not vouch for the hub's certificate.
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'other.key',
      '-out',
      'other.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Other CA',
    ]);
    await expect(
      new CentralClient(hub.url, 5000, { ca: readFileSync(join(dir, 'other.pem')) }).health(),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it('syncs the console with the TLS hub: logs in, pulls the feed, pushes a decision and gets back its central seq and hash', async () => {
    const host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, ca, heartbeatMs: 200 });
    try {
      const c = conn();
      ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
      await until('feed pulled over TLS', () => host.store.overview().sites >= 390);
      await until('online', () => host.sync.status().online);
      const { decision } = ok<{ decision: { id: string } }>(
        await host.dispatch(
          'decisions.record',
          { summary: 'Uji TLS', rationale: 'Kanal terenkripsi', action: 'Catat' },
          c,
        ),
      );
      const synced = await until('decision pushed and back with its central seq and hash', async () => {
        const { decisions } = ok<{
          decisions: { id: string; state: string; seq: number | null; hash: string | null }[];
        }>(await host.dispatch('decisions.list', { limit: 50 }, c));
        const d = decisions.find((x) => x.id === decision.id);
        return d?.state === 'synced' ? d : null;
      });
      expect(synced.seq).toBeGreaterThan(0);
      expect(synced.hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await host.close();
    }
  });

  it('serves nawa serve over HTTPS and WSS (--tls-cert/--tls-key), syncing with the TLS hub through the CA', async () => {
    const serving = await startServe({
      hubUrl: hub.url,
      ca,
      dataDir: join(dir, 'serve'),
      distDir: join(dir, 'no-dist'),
      port: 0,
      heartbeatMs: 200,
      tls: { cert: readFileSync(join(dir, 'hub.pem')), key: readFileSync(join(dir, 'hub.key')) },
    });
    try {
      expect(serving.url).toMatch(/^https:/);
      const open = (origin: string) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`${serving.url.replace('https', 'wss')}/host`, { ca, headers: { origin } });
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        });
      const ws = await open(serving.url);
      const answer = await new Promise<{ ok: boolean }>((resolve) => {
        ws.on('message', (raw) => {
          const f = JSON.parse(wsText(raw)) as { t: string; id?: number; result?: { ok: boolean } };
          if (f.t === 'res' && f.id === 1) resolve(f.result as { ok: boolean });
        });
        ws.send(
          JSON.stringify({ t: 'req', id: 1, name: 'session.login', input: { username: 'operator', password: 'demo' } }),
        );
      });
      expect(answer.ok).toBe(true);
      ws.close();
      // The http origin of the same host is another origin.
      await expect(open(serving.url.replace('https', 'http'))).rejects.toThrow(/403/);
    } finally {
      await serving.close();
    }
  });

  it('refuses plain http central URLs beyond loopback unless told --insecure-http', () => {
    expect(checkCentralUrl('https://pusat.malangkab.go.id')).toBe('https://pusat.malangkab.go.id');
    expect(checkCentralUrl('http://127.0.0.1:8780')).toBe('http://127.0.0.1:8780');
    expect(checkCentralUrl('http://[::1]:8780')).toBe('http://[::1]:8780');
    expect(checkCentralUrl('http://localhost:8780')).toBe('http://localhost:8780');
    expect(() => checkCentralUrl('http://10.1.2.3:8780')).toThrow(/insecure-http/);
    expect(() => checkCentralUrl('http://127.0.0.1.evil.example')).toThrow(/insecure-http/);
    expect(checkCentralUrl('http://10.1.2.3:8780', true)).toBe('http://10.1.2.3:8780');
    expect(() => checkCentralUrl('ftp://x')).toThrow(/https/);
    expect(() => checkCentralUrl('not a url')).toThrow(/not a URL/);
  });

  it('refuses to start a console host on a plain-http central URL beyond loopback, before opening anything', async () => {
    await expect(createHost({ dataDir: join(dir, 'console-refused'), hubUrl: 'http://10.1.2.3:8780' })).rejects.toThrow(
      /insecure-http/,
    );
  });
});
