// nawa serve over real HTTP and WebSocket, syncing with a real hub.
import { wsText } from '../base/ws-text';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type Hub } from '../hub/hub';
import { startServe, type Serving } from './serve';
import { NAWA_VERSION } from '../base/version';

let dir: string;
let hub: Hub;
let serving: Serving;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-serve-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'console'), { recursive: true });
  mkdirSync(join(dist, 'wall'), { recursive: true });
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'console/index.html'), '<title>console</title>');
  writeFileSync(join(dist, 'wall/index.html'), '<title>wall</title>');
  writeFileSync(join(dist, 'assets/app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  serving = await startServe({
    hubUrl: hub.url,
    dataDir: join(dir, 'console'),
    distDir: dist,
    port: 0,
    syncAccount: { username: 'viewer', password: 'demo' },
    heartbeatMs: 200,
  });
});
afterAll(async () => {
  await serving.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(
  headers: Record<string, string> = {},
  url = `${serving.url.replace('http', 'ws')}/host`,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
function call(
  ws: WebSocket,
  id: number,
  name: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const frame = JSON.parse(wsText(raw)) as { t: string; id?: number; result?: never };
      if (frame.t === 'res' && frame.id === id) {
        ws.off('message', onMessage);
        resolve(frame.result!);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'req', id, name, input }));
  });
}

describe('nawa serve', () => {
  it('serves the console at /, the walls at /wall/N, assets, and nothing else', async () => {
    const get = (p: string) => fetch(serving.url + p);
    expect(await (await get('/')).text()).toContain('console');
    const wall = await get('/wall/9');
    expect(await wall.text()).toContain('wall');
    expect(wall.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/wall/0')).status).toBe(404);
    expect((await get('/assets/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await fetch(serving.url + '/', { method: 'POST' })).status).toBe(405);
  });

  it('answers /status with the hub state, the outbox and every wall', async () => {
    const deadline = Date.now() + 10_000;
    let status: {
      hub: { reachable: boolean };
      lastSeq: number;
      pending: number;
      walls: { wall: number; connected: boolean }[];
    };
    do {
      status = (await (await fetch(`${serving.url}/status`)).json()) as typeof status;
      if (status.hub.reachable && status.lastSeq > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    } while (Date.now() < deadline);
    expect(status.hub.reachable).toBe(true);
    expect(status.lastSeq).toBeGreaterThan(0);
    expect(status.pending).toBe(0);
    expect(status.walls).toHaveLength(9);
    const ws = await open();
    await call(ws, 1, 'wall.hello', { wall: 5 });
    status = (await (await fetch(`${serving.url}/status`)).json()) as typeof status;
    expect(status.walls[4]).toMatchObject({ wall: 5, connected: true });
    ws.close();
    await new Promise((r) => setTimeout(r, 100));
    status = (await (await fetch(`${serving.url}/status`)).json()) as typeof status;
    expect(status.walls[4]).toMatchObject({ wall: 5, connected: false });
  });

  it('answers /status with how far the decision log is verified and the tamper alarms', async () => {
    type Trust = { decisions: { verifiedSeq: number; tamperAlarms: number; lastAlarm: unknown } };
    const deadline = Date.now() + 10_000;
    let status: Trust;
    do {
      status = (await (await fetch(`${serving.url}/status`)).json()) as Trust;
      if (status.decisions.verifiedSeq > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    } while (Date.now() < deadline);
    // The demo seed's decisions are signed: all of them verify.
    expect(status.decisions).toEqual({ verifiedSeq: expect.any(Number), tamperAlarms: 0, lastAlarm: null });
    expect(status.decisions.verifiedSeq).toBeGreaterThan(0);
  });

  it("names Nawa's version and the central API's in /status", async () => {
    const status = (await (await fetch(`${serving.url}/status`)).json()) as {
      version: string;
      centralApi: { spoken: string; served: string | null };
    };
    expect(status.version).toBe(NAWA_VERSION);
    expect(status.centralApi.spoken).toBe('1.1');
    // The reference hub is up: it serves v1 (no "api" in /health) or v1.1.
    expect(['1', '1.1']).toContain(status.centralApi.served);
  });

  it('carries requests and results over WebSocket, errors as data', async () => {
    const ws = await open();
    const login = await call(ws, 1, 'session.login', { username: 'operator', password: 'demo' });
    expect(login).toMatchObject({ ok: true, value: { operator: { role: 'operator' } } });
    expect(await call(ws, 2, 'wall.switch', { layoutId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    ws.close();
  });

  it('closes a connection that sends something other than a request frame', async () => {
    const ws = await open();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"hello": "world"}');
    expect(await closed).toBe(1008);
  });

  it('refuses a WebSocket opened by a page of another origin', async () => {
    await expect(open({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('requires the access token when bound beyond loopback', async () => {
    const other = await startServe({
      hubUrl: hub.url,
      dataDir: join(dir, 'console2'),
      distDir: join(dir, 'dist'),
      port: 0,
      host: '0.0.0.0',
      accessToken: 'sesame-sesame',
    });
    try {
      expect(other.accessToken).toBe('sesame-sesame');
      expect((await fetch(`${other.url}/status`)).status).toBe(401);
      expect((await fetch(`${other.url}/status?token=sesame-sesame`)).status).toBe(200);
      await expect(open({}, `${other.url.replace('http', 'ws')}/host`)).rejects.toThrow(/403/);
      const ws = await open({}, `${other.url.replace('http', 'ws')}/host?token=sesame-sesame`);
      ws.close();
    } finally {
      await other.close();
    }
  });
});
