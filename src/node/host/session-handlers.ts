// Login against the central API, offline login for operators known here, and resuming after a lost link.
import { randomBytes } from 'node:crypto';
import type { OperatorInfo } from '../../common/central-api';
import { CentralError } from '../sync/central-client';
import type { HostContext } from './host-context';
import { HostFailure, type HandlersOf } from './handler-kit';
import { rememberLogin, verifyOfflineLogin } from './offline-login';

const RESUME_MS = 12 * 60 * 60_000;

export function sessionHandlers(ctx: HostContext): HandlersOf<'session.login' | 'session.resume' | 'session.logout' | 'session.current'> {
  const { store } = ctx;
  // Host sessions live in memory only: a restarted host asks everyone to log in again.
  const resumable = new Map<string, { operator: OperatorInfo; until: number }>();
  const issueResumeKey = (operator: OperatorInfo) => {
    const key = randomBytes(24).toString('base64url');
    resumable.set(key, { operator, until: ctx.now().getTime() + RESUME_MS });
    return key;
  };
  return {
    'session.login': async ({ username, password }, conn) => {
      try {
        const session = await ctx.client.session(username, password);
        // The key is made at the first login here, so its publication leads the operator's first decision
        // (and goes out with the push the new token starts).
        if (session.operator.role === 'operator' || session.operator.role === 'supervisor') ctx.keys.ensure(session.operator.id, ctx.now());
        ctx.tokens.set(session.operator.id, session.token, session.expiresAt);
        rememberLogin(store, username, password, session.operator);
        conn.operator = session.operator;
      } catch (e) {
        if (e instanceof CentralError) {
          if (e.status === 401) throw new HostFailure('bad_credentials', 'wrong username or password');
          throw new HostFailure('central_error', `the central API refused the login: ${e.code}: ${e.message}`, undefined, { code: e.code, status: e.status });
        }
        // The central API is unreachable: an operator known to this console may still work from the cache.
        const known = verifyOfflineLogin(store, username, password);
        if (!known) throw new HostFailure('offline_unknown', 'the central API is unreachable and this account never logged in here');
        conn.operator = known;
      }
      conn.resumeKey = issueResumeKey(conn.operator);
      return { operator: conn.operator, resumeKey: conn.resumeKey };
    },
    'session.resume': ({ resumeKey }, conn) => {
      const s = resumable.get(resumeKey);
      if (!s || s.until < ctx.now().getTime()) {
        resumable.delete(resumeKey);
        throw new HostFailure('session_expired', 'the session expired: log in again');
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
  };
}
