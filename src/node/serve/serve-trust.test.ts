// nawa serve's boundary (issue 10, item 4) over real HTTP and WebSocket, with a real hub.
import { wsText } from '../base/ws-text';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type Hub } from '../hub/hub';
import { startServe, type Serving } from './serve';

let dir: string;
let dist: string;
let hub: Hub;
let serving: Serving;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-serve-trust-'));
  dist = join(dir, 'dist');
  for (const d of ['console', 'wall', 'assets']) mkdirSync(join(dist, d), { recursive: true });
  writeFileSync(join(dist, 'console/index.html'), '<title>console</title>');
  writeFileSync(join(dist, 'wall/index.html'), '<title>wall</title>');
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  serving = await startServe({
    hubUrl: hub.url,
    dataDir: join(dir, 'console'),
    distDir: dist,
    port: 0,
    heartbeatMs: 200,
    syncAccount: { username: 'viewer', password: 'demo' },
  });
});
afterAll(async () => {
  await serving.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const port = () => new URL(serving.url).port;

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
let nextId = 1;
function call(
  ws: WebSocket,
  name: string,
  input: unknown = {},
): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const id = nextId++;
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
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

/** A raw GET with a Host header of our choosing (fetch does not let a caller set it). */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: port(), path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('nawa serve: DNS rebinding', () => {
  it('refuses the WebSocket upgrade with Host: evil.example:PORT and Origin http://evil.example:PORT', async () => {
    const evil = `evil.example:${port()}`;
    await expect(open(`ws://127.0.0.1:${port()}/host`, { host: evil, origin: `http://${evil}` })).rejects.toThrow(
      /403/,
    );
    // The same request naming this host is let in; a mismatched Origin is not.
    const ws = await open(`ws://127.0.0.1:${port()}/host`, { origin: `http://127.0.0.1:${port()}` });
    ws.close();
    const local = await open(`ws://localhost:${port()}/host`, { origin: `http://localhost:${port()}` });
    local.close();
    await expect(open(`ws://127.0.0.1:${port()}/host`, { origin: `http://localhost:${port()}` })).rejects.toThrow(
      /403/,
    );
    await expect(open(`ws://127.0.0.1:${port()}/host`, { origin: `https://127.0.0.1:${port()}` })).rejects.toThrow(
      /403/,
    );
  });

  it('answers plain HTTP under another name with 421, pages and /status alike', async () => {
    expect(await getWithHost('/', `evil.example:${port()}`)).toBe(421);
    expect(await getWithHost('/status', `evil.example:${port()}`)).toBe(421);
    expect(await getWithHost('/status', `127.0.0.1:${port()}`)).toBe(200);
    expect(await getWithHost('/', `127.0.0.1:1`)).toBe(421);
  });

  it('sends a CSP naming its own origin for the host API and the allow-list for frames', async () => {
    const res = await fetch(`${serving.url}/wall/1`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port()} wss://127.0.0.1:${port()};`);
    expect(csp).not.toMatch(/connect-src[^;]*\bws: /);
    expect(csp).toContain('frame-src https://malangkab.go.id https://*.malangkab.go.id');
    expect(csp).not.toContain('frame-src https:;');
  });
});

describe('nawa serve: what a client gets before logging in', () => {
  it('gives a client that has not logged in only what a wall needs', async () => {
    // What a wall may read follows the layout on the wall: wait for the one the sync brings from the hub, so the
    // layout read below is still the one on the wall when the reads that depend on it are made.
    for (let t0 = Date.now(); serving.host.wall.state().layout === null;) {
      if (Date.now() - t0 > 10_000) throw new Error('no layout reached the wall in 10 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const ws = await open(`${serving.url.replace('http', 'ws')}/host`);
    try {
      for (const name of [
        'outbox.parked',
        'layouts.list',
        'incidents.list',
        'decisions.list',
        'store.backup',
        'accounts.list',
      ]) {
        expect(code(await call(ws, name, name === 'decisions.list' ? { limit: 5 } : {})), name).toBe('unauthenticated');
      }
      for (const name of ['sync.status', 'overview.get', 'wall.state', 'session.current'])
        expect(code(await call(ws, name)), name).toBe('ok');
      // Having said it shows a wall whose layout has an incidents or map tile, it may read incidents.
      expect(code(await call(ws, 'wall.hello', { wall: 2 }))).toBe('ok');
      const state = (await call(ws, 'wall.state')).value as {
        layout: { tiles: { source: { kind: string } }[] } | null;
      };
      const kinds = new Set(state.layout?.tiles.map((t) => t.source.kind));
      expect(code(await call(ws, 'incidents.list'))).toBe(
        kinds.has('incidents') || kinds.has('map') ? 'ok' : 'unauthenticated',
      );
      expect(code(await call(ws, 'decisions.list', { limit: 5 }))).toBe(
        kinds.has('decisions') ? 'ok' : 'unauthenticated',
      );
      expect(code(await call(ws, 'outbox.parked'))).toBe('unauthenticated');
      // Logged in, the same connection reads what the role allows.
      expect(code(await call(ws, 'session.login', { username: 'operator', password: 'demo' }))).toBe('ok');
      expect(code(await call(ws, 'outbox.parked'))).toBe('ok');
      expect(code(await call(ws, 'decisions.list', { limit: 5 }))).toBe('ok');
    } finally {
      ws.close();
    }
  });

  it('takes paint acknowledgements only from the page that said it shows that wall', async () => {
    const ws = await open(`${serving.url.replace('http', 'ws')}/host`);
    try {
      expect(code(await call(ws, 'wall.painted', { wall: 4, stateVersion: 0 }))).toBe('not_this_wall');
      expect(code(await call(ws, 'wall.hello', { wall: 4 }))).toBe('ok');
      expect(code(await call(ws, 'wall.painted', { wall: 4, stateVersion: 0 }))).toBe('ok');
      expect(code(await call(ws, 'wall.painted', { wall: 5, stateVersion: 0 }))).toBe('not_this_wall');
    } finally {
      ws.close();
    }
  });
});

describe('nawa serve beyond loopback: wall pairing', () => {
  it('lets each wall page in with its own token, for that wall and the wall reads only', async () => {
    const other = await startServe({
      hubUrl: hub.url,
      dataDir: join(dir, 'console2'),
      distDir: dist,
      port: 0,
      host: '0.0.0.0',
      accessToken: 'sesame-sesame-sesame',
      heartbeatMs: 200,
    });
    try {
      const tokens = other.wallTokens as string[];
      expect(tokens).toHaveLength(9);
      expect(new Set(tokens).size).toBe(9);
      expect(statSync(join(dir, 'console2', 'wall-pairing.key')).mode & 0o777).toBe(0o600);
      const base = other.url.replace('http', 'ws');
      await expect(open(`${base}/host`)).rejects.toThrow(/403/);
      await expect(open(`${base}/host?token=${'x'.repeat(22)}`)).rejects.toThrow(/403/);
      const wall3 = await open(`${base}/host?token=${tokens[2]}`);
      try {
        expect(code(await call(wall3, 'wall.hello', { wall: 3 }))).toBe('ok');
        expect(code(await call(wall3, 'wall.painted', { wall: 3, stateVersion: 0 }))).toBe('ok');
        expect(code(await call(wall3, 'wall.hello', { wall: 4 }))).toBe('not_paired');
        expect(code(await call(wall3, 'wall.hello', { wall: 3, all: true }))).toBe('not_paired');
        expect(code(await call(wall3, 'wall.painted', { wall: 4, stateVersion: 0 }))).toBe('not_paired');
        expect(code(await call(wall3, 'session.login', { username: 'operator', password: 'demo' }))).toBe('wall_only');
        expect(code(await call(wall3, 'outbox.parked'))).toBe('wall_only');
        expect(code(await call(wall3, 'overview.get'))).toBe('ok');
      } finally {
        wall3.close();
      }
      // The wall token is no key to /status; the access token is.
      expect((await fetch(`${other.url}/status?token=${tokens[0]}`)).status).toBe(401);
      expect((await fetch(`${other.url}/status?token=sesame-sesame-sesame`)).status).toBe(200);
      const full = await open(`${base}/host?token=sesame-sesame-sesame`);
      expect(code(await call(full, 'session.login', { username: 'operator', password: 'demo' }))).toBe('ok');
      full.close();
    } finally {
      await other.close();
    }
    // Restarted on the same data, the printed wall URLs still work.
    const again = await startServe({
      hubUrl: hub.url,
      dataDir: join(dir, 'console2'),
      distDir: dist,
      port: 0,
      host: '0.0.0.0',
      accessToken: 'sesame-sesame-sesame',
      heartbeatMs: 200,
    });
    try {
      const first = await startServeTokens(again);
      expect(first).toBeTruthy();
    } finally {
      await again.close();
    }
  });
});

async function startServeTokens(s: Serving): Promise<boolean> {
  const ws = await open(`${s.url.replace('http', 'ws')}/host?token=${(s.wallTokens as string[])[0]}`);
  const ok = code(await call(ws, 'wall.hello', { wall: 1 })) === 'ok';
  ws.close();
  return ok;
}

describe('nawa serve: the pairing links shown in the console (wall.pairing)', () => {
  type Pairing = { reason: string | null; walls: { wall: number; urls: string[] }[] };
  const login = async (ws: WebSocket, username: string) =>
    expect(code(await call(ws, 'session.login', { username, password: 'demo' })), username).toBe('ok');

  it('gives presenters and supervisors each wall its URL with its own token, refuses everyone else, logs none', async () => {
    const lines: string[] = [];
    const paired = await startServe({
      hubUrl: hub.url,
      dataDir: join(dir, 'console-pairing'),
      distDir: dist,
      port: 0,
      host: '0.0.0.0',
      accessToken: 'pairing-access-token',
      heartbeatMs: 200,
      log: (line) => lines.push(line),
    });
    const sockets: WebSocket[] = [];
    const connect = async (token: string, base = paired.url) => {
      const ws = await open(`${base.replace('http', 'ws')}/host?token=${token}`);
      sockets.push(ws);
      return ws;
    };
    try {
      const tokens = paired.wallTokens as string[];
      // Let in with the access token but not logged in: refused; so is a wall page, and an operator or viewer.
      const anonymous = await connect('pairing-access-token');
      expect(code(await call(anonymous, 'wall.pairing'))).toBe('unauthenticated');
      const wall2 = await connect(tokens[1]!);
      expect(code(await call(wall2, 'wall.pairing'))).toBe('wall_only');
      for (const who of ['operator', 'viewer']) {
        const ws = await connect('pairing-access-token');
        await login(ws, who);
        const refused = await call(ws, 'wall.pairing');
        expect(code(refused), who).toBe('forbidden');
        expect(JSON.stringify(refused)).not.toContain(tokens[0]);
      }

      for (const who of ['presenter', 'supervisor']) {
        const ws = await connect('pairing-access-token');
        await login(ws, who);
        const answer = await call(ws, 'wall.pairing');
        expect(code(answer), who).toBe('ok');
        const pairing = answer.value as Pairing;
        expect(pairing.reason).toBeNull();
        expect(pairing.walls.map((w) => w.wall)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
        for (const w of pairing.walls) {
          expect(w.urls.length, `wall ${w.wall}`).toBeGreaterThan(0);
          for (const u of w.urls) {
            const url = new URL(u);
            expect(url.pathname).toBe(`/wall/${w.wall}`);
            expect(url.searchParams.get('token')).toBe(tokens[w.wall - 1]);
            expect(url.port).toBe(new URL(paired.url).port);
          }
        }
      }

      // A wall PC opening wall 5's first URL gets its page and pairs as wall 5, and as wall 5 only.
      const pairing = paired.pairing;
      const link = new URL(pairing.walls[4]!.urls[0]!);
      expect((await fetch(link)).status).toBe(200);
      const wall5 = await connect(link.searchParams.get('token')!, link.origin);
      expect(code(await call(wall5, 'wall.hello', { wall: 5 }))).toBe('ok');
      expect(code(await call(wall5, 'wall.painted', { wall: 5, stateVersion: 0 }))).toBe('ok');
      expect(code(await call(wall5, 'wall.hello', { wall: 6 }))).toBe('not_paired');
      expect(paired.host.wall.status().walls.find((w) => w.wall === 5)?.connected).toBe(true);

      // The tokens are secrets: no log line of this host names one, nor the access token.
      for (const secret of [...tokens, 'pairing-access-token'])
        expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    } finally {
      for (const ws of sockets) ws.close();
      await paired.close();
    }
  });

  it('on loopback answers the plain wall URLs and says no token is needed', async () => {
    const ws = await open(`${serving.url.replace('http', 'ws')}/host`);
    try {
      expect(code(await call(ws, 'wall.pairing'))).toBe('unauthenticated');
      await login(ws, 'presenter');
      const pairing = (await call(ws, 'wall.pairing')).value as Pairing;
      expect(pairing.reason).toBe('loopback');
      expect(pairing.walls.map((w) => w.urls)).toEqual(
        Array.from({ length: 9 }, (_, i) => [`${serving.url}/wall/${i + 1}`]),
      );
    } finally {
      ws.close();
    }
  });
});
