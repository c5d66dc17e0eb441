// One handler per request of the host contract. Inputs arrive parsed; roles are checked here, as on the hub.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../common/entities';
import type { OperatorInfo } from '../../common/central-api';
import type { RequestName, RequestOutput, REQUESTS } from '../../common/host-api';
import type { z } from 'zod';
import type { Connection } from './host-service';
import type { HostContext } from './host-context';
import { rememberLogin, verifyOfflineLogin } from './offline-login';
import { CentralError } from '../sync/central-client';

export class HostFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

type Handler<N extends RequestName> = (input: z.infer<(typeof REQUESTS)[N]['input']>, conn: Connection) => Promise<RequestOutput<N>> | RequestOutput<N>;
export type Handlers = { [N in RequestName]: Handler<N> };

function requireRole(conn: Connection, roles: readonly Role[], what: string) {
  if (!conn.operator) throw new HostFailure('unauthenticated', 'Masuk dulu / log in first.');
  if (!roles.includes(conn.operator.role)) throw new HostFailure('forbidden', `The role ${conn.operator.role} may not ${what}.`);
  return conn.operator;
}

const RESUME_MS = 12 * 60 * 60_000;

export function createHandlers(ctx: HostContext): Handlers {
  const { store, sync, wall } = ctx;
  // Host sessions live in memory only: a restarted host asks everyone to log in again.
  const resumable = new Map<string, { operator: OperatorInfo; until: number }>();
  const issueResumeKey = (operator: OperatorInfo) => {
    const key = randomBytes(24).toString('base64url');
    resumable.set(key, { operator, until: Date.now() + RESUME_MS });
    return key;
  };
  return {
    'session.login': async ({ username, password }, conn) => {
      try {
        const session = await ctx.client.session(username, password);
        ctx.tokens.set(session.operator.id, session.token, session.expiresAt);
        rememberLogin(store, username, password, session.operator);
        conn.operator = session.operator;
      } catch (e) {
        if (e instanceof CentralError) {
          if (e.status === 401) throw new HostFailure('bad_credentials', 'Nama pengguna atau kata sandi salah.');
          throw new HostFailure(e.code, e.message);
        }
        // The central API is unreachable: an operator known to this console may still work from the cache.
        const known = verifyOfflineLogin(store, username, password);
        if (!known) throw new HostFailure('offline_unknown', 'Server pusat tidak terjangkau dan akun ini belum pernah masuk di konsol ini.');
        conn.operator = known;
      }
      conn.resumeKey = issueResumeKey(conn.operator);
      return { operator: conn.operator, resumeKey: conn.resumeKey };
    },
    'session.resume': ({ resumeKey }, conn) => {
      const s = resumable.get(resumeKey);
      if (!s || s.until < Date.now()) {
        resumable.delete(resumeKey);
        throw new HostFailure('session_expired', 'Sesi berakhir, silakan masuk lagi.');
      }
      conn.operator = s.operator;
      conn.resumeKey = resumeKey;
      return { operator: s.operator };
    },
    'session.logout': (_input, conn) => {
      if (conn.resumeKey) resumable.delete(conn.resumeKey);
      conn.operator = null;
      conn.resumeKey = null;
      return {};
    },
    'session.current': (_input, conn) => ({ operator: conn.operator }),
    'incidents.list': () => ({ incidents: store.incidents() }),
    'decisions.list': ({ limit }) => ({ decisions: store.decisions(limit ?? 200) }),
    'decisions.record': (input, conn) => {
      const op = requireRole(conn, ['operator', 'supervisor'], 'record decisions');
      const decision = store.recordDecision({ ...input, id: randomUUID(), decidedAt: new Date().toISOString() }, op.id, ctx.consoleId);
      ctx.emit('data.changed', { entities: ['decision'] });
      ctx.emit('sync.status', sync.status());
      sync.kick();
      return { decision };
    },
    'layouts.list': () => ({ layouts: store.layouts() }),
    'overview.get': () => store.overview(),
    'sync.status': () => sync.status(),
    'wall.state': () => wall.state(),
    'wall.switch': ({ layoutId }, conn) => {
      requireRole(conn, ['presenter', 'supervisor'], 'switch the wall');
      if (!store.layout(layoutId)) throw new HostFailure('not_found', 'Tata letak tidak dikenal / unknown layout.');
      const state = wall.switchTo(layoutId);
      ctx.emit('wall.state', state);
      ctx.emit('wall.status', wall.status());
      return state;
    },
    'wall.hello': ({ wall: n }, conn) => {
      if (conn.wall !== null && conn.wall !== n) wall.disconnected(conn.wall);
      if (conn.wall !== n) wall.connected(n);
      conn.wall = n;
      ctx.emit('wall.status', wall.status());
      return wall.state();
    },
    'wall.painted': ({ wall: n, stateVersion }, conn) => {
      if (conn.wall !== n) throw new HostFailure('not_this_wall', 'Say wall.hello first.');
      wall.painted(n, stateVersion);
      ctx.emit('wall.status', wall.status());
      return {};
    },
    'wall.status': () => wall.status(),
  };
}
