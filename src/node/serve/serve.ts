// `nawa serve`: the console host in plain Node, its UIs served to any browser over HTTP and WebSocket.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { join } from 'node:path';
import { TILE_ROUTE } from '../../common/base-tiles';
import { CENTRAL_API_SPOKEN } from '../../common/update-api';
import { listen, serverUrl } from '../base/listen';
import { NAWA_VERSION } from '../base/version';
import { createHost, type ConsoleHost } from '../host/host';
import { servedApiVersion } from '../host/update-handlers';
import { noTilesAnswer, TileService, type TileAnswer } from '../host/tile-service';
import type { TileSettings } from '../host/tile-settings';
import type { TrustState } from '../store/decision-verifier';
import { ClientGate, servedHosts, WALL_COUNT } from './client-gate';
import { pageCsp, serveStatic } from './static-files';
import { WsTransport } from './ws-transport';
import { wallOrigins, wallPairing } from './wall-links';
import type { WallPairing } from '../../common/wall-pairing-api';

export interface ServeOptions {
  hubUrl: string;
  dataDir: string;
  distDir: string;
  port?: number;
  host?: string;
  /** Required from clients when bound beyond loopback; generated when not given. */
  accessToken?: string;
  /** Names this host is reached by beyond its addresses (cc.malangkab.go.id); any other Host header is refused. */
  publicHosts?: readonly string[];
  /** PEM certificate and key: the console, its walls and the host API over HTTPS/WSS (tablets, wall PCs). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** PEM of the regency's CA for an https central API. */
  ca?: string | Buffer;
  /** Allows a plain http:// central API beyond loopback. */
  insecureHttp?: boolean;
  /** The sealing key's file, kept apart from dataDir (HostOptions.keyFile). */
  keyFile?: string;
  syncAccount?: { username: string; password: string };
  heartbeatMs?: number;
  /** A tile server for the map's base, fetched and cached by this host and served under /tiles/ (tiles.db). */
  tiles?: TileSettings;
  /** The host's clock (HostOptions.now). */
  now?: () => Date;
  log?: (line: string) => void;
}

export interface Serving {
  readonly url: string;
  /** Set when clients must present it (`?token=`): bound beyond loopback. */
  readonly accessToken: string | null;
  /** Per-wall tokens (`/wall/N?token=`) when bound beyond loopback: index 0 is wall 1. */
  readonly wallTokens: string[] | null;
  /** Each wall page's URLs as a wall PC reaches them, with its token beyond loopback (what `wall.pairing` answers). */
  readonly pairing: WallPairing;
  readonly host: ConsoleHost;
  /** null without a tile server. */
  readonly tiles: TileService | null;
  readonly server: Server;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The secret the wall tokens are made from: kept in the data folder (0600), so printed wall URLs survive a restart. */
function pairingSecret(dataDir: string): Buffer {
  const path = join(dataDir, 'wall-pairing.key');
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length >= 32) return key;
  }
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

export async function startServe(opts: ServeOptions): Promise<Serving> {
  const bind = opts.host ?? '127.0.0.1';
  const accessToken = LOOPBACK.has(bind) ? null : (opts.accessToken ?? randomBytes(18).toString('base64url'));
  // Known once the port is: no client can ask before the server listens.
  let pairing: WallPairing = wallPairing([], WALL_COUNT, null);
  const host = await createHost({
    dataDir: opts.dataDir,
    hubUrl: opts.hubUrl,
    ca: opts.ca,
    insecureHttp: opts.insecureHttp,
    keyFile: opts.keyFile,
    syncAccount: opts.syncAccount,
    heartbeatMs: opts.heartbeatMs,
    now: opts.now,
    log: opts.log,
    wallPairing: () => pairing,
  });
  let tiles: TileService | null = null;
  try {
    if (opts.tiles)
      tiles = new TileService({ settings: opts.tiles, cachePath: join(opts.dataDir, 'tiles.db'), log: opts.log });
  } catch (e) {
    await host.close();
    throw e;
  }
  const scheme = opts.tls ? 'https' : 'http';
  const gate = new ClientGate(accessToken, pairingSecret(opts.dataDir), () => host.wall.state().layout, scheme);
  const transport = new WsTransport(host, { gate });
  const tokenOf = (req: IncomingMessage, url: URL) =>
    url.searchParams.get('token') ?? req.headers['x-nawa-token']?.toString() ?? null;
  const allowed = (req: IncomingMessage, url: URL) => gate.admit(req, tokenOf(req, url))?.kind === 'full';

  const trustSummary = (t: TrustState) => ({
    verifiedSeq: t.verifiedSeq,
    tamperAlarms: t.alarms,
    lastAlarm: t.recent[0]
      ? { seq: t.recent[0].seq, reason: t.recent[0].reason, raisedAt: t.recent[0].raisedAt }
      : null,
  });

  const listener: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://nawa.invalid');
    // A name the attacker controls, rebound to this address, is not one of ours: the page behind it gets nothing.
    if (!gate.hostAllowed(req)) {
      res
        .writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
        .end('This host is not served under that name.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/status') {
      if (!allowed(req, url)) {
        res.writeHead(401).end();
        return;
      }
      const sync = host.sync.status();
      const wall = host.wall.status();
      // Asked each time (a short timeout): the central side may have been upgraded since the last look.
      void servedApiVersion(sync.hubUrl, 1500).then((served) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(
          JSON.stringify({
            version: NAWA_VERSION,
            centralApi: { spoken: CENTRAL_API_SPOKEN, served },
            hub: { url: sync.hubUrl, reachable: sync.online, lastError: sync.lastError },
            lastSeq: sync.lastSeq,
            pending: sync.pending,
            rejected: sync.rejected,
            lastSyncAt: sync.lastSyncAt,
            stateVersion: wall.stateVersion,
            walls: wall.walls,
            lastSwitch: wall.lastSwitch,
            decisions: trustSummary(host.store.trust.state(1)),
          }),
        );
      });
      return;
    }
    if (url.pathname.startsWith(TILE_ROUTE)) {
      // A tile costs an upstream request: beyond loopback only the console and the paired walls may ask.
      if (gate.admit(req, tokenOf(req, url)) === null) {
        res.writeHead(401).end();
        return;
      }
      (tiles ? tiles.answer(url.pathname) : Promise.resolve(noTilesAnswer(url.pathname)))
        .then((answer) => sendTile(res, answer, req.method === 'HEAD'))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
      return;
    }
    serveStatic(opts.distDir, url.pathname, res, pageCsp(`${req.headers.host ?? ''}`))
      .then((done) => {
        if (!done) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
  const server: Server = opts.tls
    ? createTlsServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, listener)
    : createServer(listener);

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://nawa.invalid');
    // A page from another site (or from a DNS-rebound name) must not drive the host through the operator's browser.
    const grant =
      url.pathname === '/host' && gate.hostAllowed(req) && gate.originAllowed(req)
        ? gate.admit(req, tokenOf(req, url))
        : null;
    if (!grant) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    transport.handleUpgrade(req, socket, head, grant);
  });

  await listen(server, opts.port ?? 8790, bind);
  const { port } = server.address() as { port: number };
  gate.serve(servedHosts(bind, port, opts.publicHosts));
  pairing = wallPairing(
    wallOrigins(bind, port, scheme, opts.publicHosts),
    WALL_COUNT,
    accessToken === null ? null : (wall) => gate.wallToken(wall),
  );
  return {
    url: serverUrl(server, bind, scheme),
    accessToken,
    host,
    tiles,
    server,
    wallTokens: accessToken === null ? null : Array.from({ length: WALL_COUNT }, (_, i) => gate.wallToken(i + 1)),
    pairing,
    async close() {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
      tiles?.close();
    },
  };
}

function sendTile(res: ServerResponse, answer: TileAnswer | null, head: boolean): void {
  if (!answer) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(head ? undefined : answer.body);
}
