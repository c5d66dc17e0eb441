// The central API v1 over node:http: routing, authentication, limits, and the error envelope on every failure.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { z } from 'zod';
import {
  API_PREFIX,
  EntityName,
  MutationsRequest,
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  SessionRequest,
} from '../../common/central-api';
import type { Role } from '../../common/entities';
import type { AccountService } from './account-service';
import { accountRoutes } from './account-routes';
import type { AuditLog } from './audit-log';
import type { AuthService, SessionCaller } from './auth';
import type { ChangeStreams } from './change-stream';
import { changeJson, type HubStorage } from './hub-storage';
import {
  badRequest,
  clientAddress,
  fieldDetails,
  HttpError,
  intParam,
  readJsonBody,
  sendError,
  sendJson,
  strictQuery,
} from './http-util';
import { answerableId, type MutationService } from './mutation-service';
import type { LoginLimits } from './login-limit';
import type { TokenBucketLimiter } from './rate-limit';
import { ENTITY_WRITERS } from '../../common/access-policy';
import { serveUpdateFile } from './update-files';

export interface HubServices {
  hub: HubStorage;
  auth: AuthService;
  mutations: MutationService;
  streams: ChangeStreams;
  logins: LoginLimits;
  requests: TokenBucketLimiter;
  accounts: AccountService;
  audit: AuditLog;
  /** Addresses whose X-Forwarded-For is believed (console hosts); default none. */
  trustedProxies?: readonly string[];
  log: (line: string) => void;
  /** `--updates DIR`: the release folder served under /updates/. */
  updatesDir?: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

// Envelope first, each mutation after: a malformed mutation is rejected alone instead of failing the call.
const MutationsEnvelope = z.strictObject({
  consoleId: MutationsRequest.shape.consoleId,
  mutations: z.array(z.unknown()).min(1).max(500),
});
const CAN_WRITE = new Set<Role>(Object.values(ENTITY_WRITERS).flat());
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/;

const invalidBody = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  badRequest('invalid_body', 'the body does not match the request schema', fieldDetails(issues));

const retryAfter = (ms: number) => ({ 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) });

/** With `tls` (PEM certificate chain and key), the hub serves HTTPS only. */
export function createHubServer(s: HubServices, tls?: { cert: string | Buffer; key: string | Buffer }): Server {
  const address = (req: IncomingMessage) => clientAddress(req, s.trustedProxies);

  async function authenticate(req: IncomingMessage): Promise<SessionCaller> {
    const match = BEARER.exec(req.headers.authorization ?? '');
    const challenge = { 'www-authenticate': 'Bearer' };
    if (!match)
      throw new HttpError(
        401,
        'unauthorized',
        'an Authorization: Bearer <token> header is required',
        undefined,
        challenge,
      );
    const account = await s.auth.authenticate(match[1] as string);
    if (!account)
      throw new HttpError(
        401,
        'unauthorized',
        'the token is unknown or has expired; log in again',
        undefined,
        challenge,
      );
    const wait = s.requests.take(account.tokenHash);
    if (wait > 0)
      throw new HttpError(
        429,
        'rate_limited',
        'too many requests with this token; slow down',
        { retryAfterMs: wait },
        retryAfter(wait),
      );
    return account;
  }

  /** since=0 is a full download. A cursor ahead of the hub, or one compaction dropped, cannot continue the feed. */
  async function checkCursor(since: number): Promise<void> {
    const lastSeq = await s.hub.lastSeq();
    if (since > lastSeq) {
      throw new HttpError(
        410,
        'resync_required',
        `the cursor ${since} is ahead of this hub (last seq ${lastSeq}); download afresh from 0`,
        { since, lastSeq },
      );
    }
    const floor = await s.hub.floor();
    if (since > 0 && since < floor && !(await s.hub.hasChange(since))) {
      throw new HttpError(
        410,
        'resync_required',
        `changes after ${since} are no longer kept (floor ${floor}); download afresh from 0`,
        { since, floor },
      );
    }
  }

  const health: Handler = async (_req, res, url) => {
    strictQuery(url, []);
    const lastSeq = await s.hub.lastSeq();
    sendJson(res, 200, { status: 'ok', time: new Date().toISOString(), lastSeq, api: '1.1' });
  };

  const session: Handler = async (req, res, url) => {
    strictQuery(url, []);
    const ip = address(req);
    const body = SessionRequest.safeParse(await readJsonBody(req));
    if (!body.success) throw invalidBody(body.error.issues);
    const { username, password } = body.data;
    // Checked and counted in one step before the password is: parallel guesses cannot slip past the limit.
    const attempt = await s.logins.begin(username, ip);
    if (!attempt.ok) {
      if (attempt.lockout) {
        await s.audit.record('lockout', username, { address: ip, detail: { retryAfterMs: attempt.retryAfterMs } });
        s.log(
          `login for ${JSON.stringify(username)} from ${ip} locked out for ${Math.ceil(attempt.retryAfterMs / 1000)} s`,
        );
      }
      const wait = attempt.retryAfterMs;
      throw new HttpError(
        429,
        'rate_limited',
        'too many failed logins for this username from this address; wait and try again',
        { retryAfterMs: wait },
        retryAfter(wait),
      );
    }
    const result = await s.auth.login(username, password);
    attempt.settle(result !== null && result !== 'disabled');
    if (result === null || result === 'disabled') {
      await s.audit.record('login_failed', username, {
        address: ip,
        detail: { reason: result ?? 'invalid_credentials' },
      });
      s.log(`failed login for ${JSON.stringify(username)} from ${ip}`);
      if (result === 'disabled')
        throw new HttpError(401, 'account_disabled', 'this account is disabled; ask a supervisor');
      throw new HttpError(401, 'invalid_credentials', 'unknown username or wrong password');
    }
    await s.audit.record('login', result.operator.id, { address: ip });
    sendJson(res, 200, result);
  };

  const logout: Handler = async (req, res, url) => {
    const caller = await authenticate(req);
    strictQuery(url, []);
    await s.auth.endSession(caller.tokenHash);
    const streams = s.streams.closeWhere({ tokenHash: caller.tokenHash });
    await s.hub.announceSessionsEnded({ tokenHash: caller.tokenHash });
    await s.audit.record('logout', caller.username, { address: address(req), detail: { closedStreams: streams } });
    res.writeHead(204, { 'cache-control': 'no-store' }).end();
  };

  const changes: Handler = async (req, res, url) => {
    await authenticate(req);
    const query = strictQuery(url, ['since', 'limit', 'entities']);
    const since = intParam(query, 'since', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(query, 'limit', PAGE_LIMIT_DEFAULT, 1, PAGE_LIMIT_MAX);
    const entities = parseEntities(query.get('entities'));
    await checkCursor(since);
    // The head comes from the same view as the page: a change committed between the two cannot be skipped.
    const { rows, more, head } = await s.hub.readChanges(since, limit, entities);
    const lastSeq = more ? (rows[rows.length - 1]?.seq ?? since) : head;
    sendJson(res, 200, `{"changes":[${rows.map(changeJson).join(',')}],"lastSeq":${lastSeq},"more":${more}}`);
  };

  const stream: Handler = async (req, res, url) => {
    const caller = await authenticate(req);
    const query = strictQuery(url, ['since']);
    const lastEventId = req.headers['last-event-id'];
    if (!query.has('since') && typeof lastEventId === 'string') query.set('since', lastEventId);
    // Without a cursor the stream starts at the present: a wall that only wants what happens next.
    const since = intParam(query, 'since', await s.hub.lastSeq(), 0, Number.MAX_SAFE_INTEGER);
    await checkCursor(since);
    s.streams.open(req, res, since, {
      username: caller.username,
      tokenHash: caller.tokenHash,
      expiresAt: caller.expiresAt,
    });
  };

  const mutations: Handler = async (req, res, url) => {
    const account = await authenticate(req);
    strictQuery(url, []);
    if (!CAN_WRITE.has(account.role)) throw new HttpError(403, 'forbidden', `the role ${account.role} is read only`);
    const body = MutationsEnvelope.safeParse(await readJsonBody(req));
    if (!body.success) throw invalidBody(body.error.issues);
    const unnamed = body.data.mutations.findIndex((m) => answerableId(m) === undefined);
    if (unnamed >= 0) {
      throw badRequest('invalid_body', 'every mutation needs an id to answer for it', [
        { field: `mutations.${unnamed}.id`, message: 'expected a UUID string' },
      ]);
    }
    const results = await s.mutations.processAll(body.data.consoleId, body.data.mutations, account);
    sendJson(res, 200, { results });
  };

  const accountApi = accountRoutes({ accounts: s.accounts, audit: s.audit, authenticate, address });
  const routes: Record<string, Partial<Record<string, Handler>>> = {
    ...accountApi.routes,
    '/health': { GET: health },
    '/session': { POST: session, DELETE: logout },
    '/changes': { GET: changes },
    '/stream': { GET: stream },
    '/mutations': { POST: mutations },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://hub.invalid');
    } catch {
      throw new HttpError(400, 'bad_request', 'the request target is not a valid URL');
    }
    if (s.updatesDir && serveUpdateFile(s.updatesDir, req, res, url.pathname)) return;
    const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : '';
    const route = Object.hasOwn(routes, path)
      ? routes[path]
      : /^\/accounts\/[^/]+$/.test(path)
        ? accountApi.account
        : undefined;
    if (!route) throw new HttpError(404, 'not_found', `no route ${url.pathname}`);
    const method = req.method ?? '';
    const handler = Object.hasOwn(route, method) ? route[method] : undefined;
    if (!handler) {
      const allow = Object.keys(route).join(', ');
      throw new HttpError(
        405,
        'method_not_allowed',
        `${req.method} is not allowed here (allowed: ${allow})`,
        undefined,
        { allow },
      );
    }
    await handler(req, res, url);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) return sendError(res, err);
      if (s.hub.isUnavailable(err)) {
        // Not a bug: the database went away (PostgreSQL restarting, the network to it down). Clients retry.
        s.log(`database unavailable on ${req.method} ${req.url}: ${(err as Error).message}`);
        return sendError(
          res,
          new HttpError(
            503,
            'unavailable',
            "the hub's database cannot be reached just now; try again shortly",
            undefined,
            {
              'retry-after': '1',
            },
          ),
        );
      }
      s.log(
        `internal error on ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      sendError(res, new HttpError(500, 'internal_error', 'the hub failed unexpectedly; this is a bug'));
    });
  };
  const server: Server = tls
    ? createTlsServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, listener)
    : createServer(listener);
  // Malformed HTTP never reaches the handler; answer it in the same envelope where the socket allows.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return socket.destroy();
    const body = JSON.stringify({ error: { code: 'bad_request', message: 'malformed HTTP request' } });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  return server;
}

function parseEntities(raw: string | undefined): EntityName[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',');
  const bad = names.filter((n) => !EntityName.safeParse(n).success);
  if (bad.length > 0) {
    throw badRequest('invalid_query', 'entities names an unknown entity', [
      {
        field: 'entities',
        message: `unknown: ${bad.map((b) => JSON.stringify(b)).join(', ')}; known: ${EntityName.options.join(', ')}`,
      },
    ]);
  }
  return [...new Set(names as EntityName[])].sort();
}
