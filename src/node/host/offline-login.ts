// Lets an operator who logged in here before log in while the central API is unreachable.
// Only a salted scrypt verifier is kept, never the password. A verifier expires when the operator has not
// logged in online for a while (default 7 days), so a password changed or an account disabled at the centre
// stops working here too; it is dropped at once when the central side refuses the account. Wrong offline
// passwords make the next try wait longer and longer.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { OperatorInfo } from '../../common/central-api';
import type { ConsoleStore } from '../store/console-store';

export const OFFLINE_LOGIN_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** Free tries before the delays start; then 2 s, 4 s, 8 s... up to MAX_DELAY_MS. */
const FREE_TRIES = 3;
const MAX_DELAY_MS = 15 * 60_000;

const key = (username: string) => `login:${username.toLowerCase()}`;
const failuresKey = (username: string) => `login-failures:${username.toLowerCase()}`;

interface Verifier {
  operator: unknown;
  salt: string;
  hash: string;
  onlineAt?: string;
}
interface Failures {
  count: number;
  last: number;
}

export type OfflineVerdict =
  | { ok: true; operator: OperatorInfo }
  | { ok: false; reason: 'unknown' | 'expired' | 'wrong' }
  | { ok: false; reason: 'wait'; retryAfterMs: number };

export function rememberLogin(
  store: ConsoleStore,
  username: string,
  password: string,
  operator: OperatorInfo,
  now = Date.now(),
): void {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32);
  const v: Verifier = {
    operator,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    onlineAt: new Date(now).toISOString(),
  };
  store.setSetting(key(username), JSON.stringify(v));
  store.setSetting(failuresKey(username), null);
}

/** The central side refused the account (wrong password, disabled): its old password must not open this console. */
export function forgetLogin(store: ConsoleStore, username: string): void {
  store.setSetting(key(username), null);
}

/** Milliseconds the next offline try must wait after `count` failures. */
export function offlineDelayMs(count: number): number {
  return count < FREE_TRIES ? 0 : Math.min(MAX_DELAY_MS, 2000 * 2 ** (count - FREE_TRIES));
}

function failures(store: ConsoleStore, username: string): Failures {
  try {
    const f = JSON.parse(store.setting(failuresKey(username)) ?? 'null') as Failures | null;
    return f && Number.isFinite(f.count) && Number.isFinite(f.last) ? f : { count: 0, last: 0 };
  } catch {
    return { count: 0, last: 0 };
  }
}

export function checkOfflineLogin(
  store: ConsoleStore,
  username: string,
  password: string,
  now = Date.now(),
  maxAgeMs = OFFLINE_LOGIN_MAX_AGE_MS,
): OfflineVerdict {
  const raw = store.setting(key(username));
  if (!raw) return { ok: false, reason: 'unknown' };
  const f = failures(store, username);
  const wait = f.last + offlineDelayMs(f.count) - now;
  if (wait > 0) return { ok: false, reason: 'wait', retryAfterMs: wait };
  let v: Verifier;
  try {
    v = JSON.parse(raw) as Verifier;
  } catch {
    forgetLogin(store, username);
    return { ok: false, reason: 'unknown' };
  }
  // A verifier from before expiry was kept has no onlineAt: it is as old as can be.
  const onlineAt = v.onlineAt ? Date.parse(v.onlineAt) : NaN;
  if (!(now - onlineAt <= maxAgeMs)) {
    forgetLogin(store, username);
    return { ok: false, reason: 'expired' };
  }
  // Counted before the check, so parallel tries cannot all pass the delay.
  store.setSetting(failuresKey(username), JSON.stringify({ count: f.count + 1, last: now }));
  let good = false;
  let operator: OperatorInfo | null = null;
  try {
    const expected = Buffer.from(v.hash, 'base64');
    if (expected.length !== 32) throw new Error('damaged verifier');
    const actual = scryptSync(password, Buffer.from(v.salt, 'base64'), expected.length);
    good = timingSafeEqual(expected, actual);
    operator = good ? OperatorInfo.parse(v.operator) : null;
  } catch {
    good = false;
  }
  if (!good || !operator) return { ok: false, reason: 'wrong' };
  store.setSetting(failuresKey(username), null);
  return { ok: true, operator };
}

/** The operator when the password matches a fresh verifier and no delay is running; null otherwise. */
export function verifyOfflineLogin(
  store: ConsoleStore,
  username: string,
  password: string,
  now = Date.now(),
): OperatorInfo | null {
  const v = checkOfflineLogin(store, username, password, now);
  return v.ok ? v.operator : null;
}
