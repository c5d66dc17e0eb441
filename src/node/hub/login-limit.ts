// Failed logins per username and client address together (central-api.md v1.1). An attempt is counted when it
// starts, in the same atomic step as the check, and given back if the password was right: parallel guesses
// cannot all pass the check before any is counted, and one user's mistakes lock out only that user from that
// address. Two implementations: in this process's memory (one hub on a SQLite file), and in the database
// (SharedLoginLimiter: several hub processes on PostgreSQL share one count, so a guesser gains nothing by
// spreading attempts over them).

import { createHash } from 'node:crypto';
import type { LoginFailureStore } from './hub-storage';

const PRUNE_AT = 10_000;

export type LoginAttempt =
  | { ok: true; /** Call once the password is checked: a right one is not a failure. */ settle(success: boolean): void }
  | { ok: false; retryAfterMs: number; /** The first refusal of this lockout, to audit once. */ lockout: boolean };

export interface LoginLimits {
  begin(username: string, address: string): Promise<LoginAttempt>;
}

export class SharedLoginLimiter implements LoginLimits {
  constructor(
    private readonly store: LoginFailureStore,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async begin(username: string, address: string): Promise<LoginAttempt> {
    // Hashed: the key holds a NUL separator and whatever a client sent as a username, neither fit for a text column.
    const key = createHash('sha256').update(LoginLimiter.key(username, address)).digest('hex');
    const got = await this.store.beginLoginAttempt(key, this.now(), this.windowMs, this.limit);
    if (!got.ok) return got;
    let settled = false;
    return {
      ok: true,
      settle: (success) => {
        if (settled || !success) return;
        settled = true;
        this.store
          .forgiveLoginAttempt(got.id)
          .catch((err: unknown) => this.log(`could not forgive a login attempt: ${(err as Error).message}`));
      },
    };
  }
}

export class LoginLimiter implements LoginLimits {
  private readonly attempts = new Map<string, { times: number[]; lockedUntil: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  static key(username: string, address: string): string {
    return `${username.normalize('NFC').toLowerCase()}\u0000${address}`;
  }

  begin(username: string, address: string): Promise<LoginAttempt> {
    return Promise.resolve(this.beginNow(username, address));
  }

  /** The check and the count in one synchronous step. */
  beginNow(username: string, address: string): LoginAttempt {
    const key = LoginLimiter.key(username, address);
    const now = this.now();
    const entry = this.attempts.get(key) ?? { times: [], lockedUntil: 0 };
    entry.times = entry.times.filter((t) => t > now - this.windowMs);
    if (entry.times.length >= this.limit) {
      const until = (entry.times[entry.times.length - this.limit] as number) + this.windowMs;
      const lockout = entry.lockedUntil < now;
      entry.lockedUntil = until;
      this.attempts.set(key, entry);
      return { ok: false, retryAfterMs: Math.max(1, until - now), lockout };
    }
    const stamp = now;
    entry.times.push(stamp);
    this.attempts.set(key, entry);
    if (this.attempts.size > PRUNE_AT) this.prune(now);
    let settled = false;
    return {
      ok: true,
      settle: (success) => {
        if (settled || !success) return;
        settled = true;
        const i = entry.times.indexOf(stamp);
        if (i >= 0) entry.times.splice(i, 1);
      },
    };
  }

  private prune(now: number): void {
    for (const [key, e] of this.attempts)
      if (e.times.every((t) => t <= now - this.windowMs) && e.lockedUntil < now) this.attempts.delete(key);
  }
}
