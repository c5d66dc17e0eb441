// Login against the central API, offline login for operators known here, and resuming after a lost link.
import { randomBytes } from 'node:crypto';
import type { OperatorInfo } from '../../common/central-api';
import { CentralError } from '../sync/central-client';
import type { HostContext } from './host-context';
import { HostFailure, type HandlersOf } from './handler-kit';
import { checkOfflineLogin, forgetLogin, rememberLogin } from './offline-login';

const RESUME_MS = 12 * 60 * 60_000;

export function sessionHandlers(
  ctx: HostContext,
): HandlersOf<'session.login' | 'session.resume' | 'session.logout' | 'session.current'> {
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
        const session = await ctx.client.session(username, password, conn.address);
        // The key is made at the first login here, so its publication leads the operator's first decision
        // (and goes out with the push the new token starts).
        if (session.operator.role === 'operator' || session.operator.role === 'supervisor')
          ctx.keys.ensure(session.operator.id, ctx.now());
        ctx.tokens.set(session.operator.id, session.token, session.expiresAt);
        rememberLogin(store, username, password, session.operator, ctx.now().getTime());
        conn.operator = session.operator;
        // The central API answers: a logout it missed earlier goes now.
        if (ctx.logouts.count() > 0) void ctx.logouts.retry();
      } catch (e) {
        if (e instanceof CentralError) {
          if (e.status === 401) {
            // Refused by the centre (wrong password, disabled): the password kept here must not open it offline either.
            forgetLogin(store, username);
            if (e.code === 'account_disabled') throw new HostFailure('account_disabled', 'the account is disabled');
            throw new HostFailure('bad_credentials', 'wrong username or password');
          }
          if (e.status === 429) {
            const ms = (e.details as { retryAfterMs?: number } | undefined)?.retryAfterMs;
            throw new HostFailure('rate_limited', 'too many failed logins', ms ? { retryAfterMs: ms } : undefined, {
              seconds: Math.ceil((ms ?? 60_000) / 1000),
            });
          }
          throw new HostFailure(
            'central_error',
            `the central API refused the login: ${e.code}: ${e.message}`,
            undefined,
            { code: e.code, status: e.status },
          );
        }
        // The central API is unreachable: an operator known to this console may still work from the cache.
        const known = checkOfflineLogin(store, username, password, ctx.now().getTime());
        if (known.ok) conn.operator = known.operator;
        else if (known.reason === 'wait') {
          throw new HostFailure(
            'rate_limited',
            'too many failed offline logins',
            { retryAfterMs: known.retryAfterMs },
            { seconds: Math.ceil(known.retryAfterMs / 1000) },
          );
        } else if (known.reason === 'expired') {
          throw new HostFailure(
            'offline_expired',
            'the central API is unreachable and this account has not logged in online here for over 7 days',
          );
        } else if (known.reason === 'wrong') throw new HostFailure('bad_credentials', 'wrong username or password');
        else
          throw new HostFailure(
            'offline_unknown',
            'the central API is unreachable and this account never logged in here',
          );
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
    'session.logout': async (_input, conn) => {
      // The central session ends too, and this console forgets the operator's token and signing key (v1.1).
      // The offline verifier stays (a salted scrypt hash, expiring after 7 days without an online login): it is
      // what lets the next shift log in when the link is down, and it opens nothing at the centre.
      const operatorId = conn.operator?.id;
      const token = operatorId ? ctx.tokens.forOperator(operatorId) : null;
      if (operatorId) ctx.keys.forget(operatorId);
      if (token) {
        ctx.tokens.drop(token);
        // Unreachable now: sent again when the central API answers, so the token does not stay valid there.
        await ctx.logouts.end(token);
      }
      if (conn.resumeKey) resumable.delete(conn.resumeKey);
      conn.operator = null;
      conn.resumeKey = null;
      return {};
    },
    'session.current': (_input, conn) => ({ operator: conn.operator }),
  };
}
