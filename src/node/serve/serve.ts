// `nawa serve`: the console host in plain Node, its UIs served to any browser over HTTP and WebSocket.
import { timingSafeEqual, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { CENTRAL_API_SPOKEN } from '../../common/update-api';
import { listen, serverUrl } from '../base/listen';
import { createHost, type ConsoleHost } from '../host/host';
import { servedApiVersion } from '../host/update-handlers';
import type { TrustState } from '../store/decision-verifier';
import { NAWA_VERSION } from '../base/version';
import { serveStatic } from './static-files';
import { WsTransport } from './ws-transport';

export interface ServeOptions {
  hubUrl: string;
  dataDir: string;
  distDir: string;
  port?: number;
  host?: string;
  /** Required from clients when bound beyond loopback; generated when not given. */
  accessToken?: string;
  syncAccount?: { username: string; password: string };
  heartbeatMs?: number;
  /** The host's clock (HostOptions.now). */
  now?: () => Date;
  log?: (line: string) => void;
}

export interface Serving {
  readonly url: string;
  /** Set when clients must present it (`?token=`): bound beyond loopback. */
  readonly accessToken: string | null;
  readonly host: ConsoleHost;
  readonly server: Server;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startServe(opts: ServeOptions): Promise<Serving> {
  const bind = opts.host ?? '127.0.0.1';
  const accessToken = LOOPBACK.has(bind) ? null : (opts.accessToken ?? randomBytes(18).toString('base64url'));
  const host = await createHost({
    dataDir: opts.dataDir, hubUrl: opts.hubUrl, syncAccount: opts.syncAccount, heartbeatMs: opts.heartbeatMs, now: opts.now, log: opts.log,
  });
  const transport = new WsTransport(host);

  const allowed = (req: IncomingMessage, url: URL) => {
    if (accessToken === null) return true;
    const given = Buffer.from(url.searchParams.get('token') ?? req.headers['x-nawa-token']?.toString() ?? '');
    const want = Buffer.from(accessToken);
    return given.length === want.length && timingSafeEqual(given, want);
  };

  const trustSummary = (t: TrustState) => ({
    verifiedSeq: t.verifiedSeq, tamperAlarms: t.alarms, lastAlarm: t.recent[0] ? { seq: t.recent[0].seq, reason: t.recent[0].reason, raisedAt: t.recent[0].raisedAt } : null,
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://nawa.invalid');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/status') {
      if (!allowed(req, url)) { res.writeHead(401).end(); return; }
      const sync = host.sync.status();
      const wall = host.wall.status();
      // Asked each time (a short timeout): the central side may have been upgraded since the last look.
      void servedApiVersion(sync.hubUrl, 1500).then((served) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({
          version: NAWA_VERSION, centralApi: { spoken: CENTRAL_API_SPOKEN, served },
          hub: { url: sync.hubUrl, reachable: sync.online, lastError: sync.lastError },
          lastSeq: sync.lastSeq, pending: sync.pending, rejected: sync.rejected, lastSyncAt: sync.lastSyncAt,
          stateVersion: wall.stateVersion, walls: wall.walls, lastSwitch: wall.lastSwitch,
          decisions: trustSummary(host.store.trust.state(1)),
        }));
      });
      return;
    }
    serveStatic(opts.distDir, url.pathname, res)
      .then((done) => { if (!done) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n'); })
      .catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://nawa.invalid');
    // A page from another site must not drive the host through the operator's browser.
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
    if (url.pathname !== '/host' || !sameOrigin || !allowed(req, url)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    transport.handleUpgrade(req, socket, head);
  });

  await listen(server, opts.port ?? 8790, bind);
  return {
    url: serverUrl(server, bind),
    accessToken, host, server,
    async close() {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await host.close();
    },
  };
}
