// Accounts and sessions: scrypt password hashes, random bearer tokens of which only a sha256 is stored.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { OperatorInfo } from '../../common/central-api';
import type { Role } from '../../common/entities';
import { DEMO_PASSWORD } from './demo-content';
import type { HubOps, HubStorage } from './hub-storage';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** v1.1: at least N = 2^17, r = 8, p = 1 (128 MiB and about a second of one core per hash here). */
export const SCRYPT_N = 2 ** 17;
const SCRYPT = { N: SCRYPT_N, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) would refuse N = 2^17.
    scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, N: number = SCRYPT.N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The N a stored hash was made with, 0 when it is not one of ours. */
export function hashCost(stored: string): number {
  const [kind, n] = stored.split('$');
  return kind === 'scrypt' ? Number(n) : 0;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  // A damaged or planted hash must not make one login allocate gigabytes.
  if (!(
    Number(n) >= 2 &&
    Number(n) <= 2 ** 20 &&
    Number(r) >= 1 &&
    Number(r) <= 16 &&
    Number(p) >= 1 &&
    Number(p) <= 4
  ))
    return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface Account {
  username: string;
  name: string;
  role: Role;
}
/** An authenticated caller: the account and the session its token belongs to. */
export interface SessionCaller extends Account {
  tokenHash: string;
  expiresAt: string;
}
export interface Session {
  token: string;
  expiresAt: string;
  operator: OperatorInfo;
}

export function operatorInfo(a: Account): OperatorInfo {
  return { id: a.username, name: a.name, role: a.role };
}

export class AuthService {
  // Unknown usernames are checked against this too, so a failed login takes as long either way.
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly hub: HubStorage,
    private readonly now: () => number = Date.now,
    /** scrypt N for new hashes; below SCRYPT_N only where a test says so. */
    readonly scryptN: number = SCRYPT_N,
  ) {}

  accountCount(): Promise<number> {
    return this.hub.accountCount();
  }

  async hasAccount(username: string): Promise<boolean> {
    return (await this.hub.getAccount(username)) !== undefined;
  }

  /** Creates the account unless the username exists; an existing account keeps its password. Returns whether it was created. */
  async createAccount(account: Account, password: string, N: number = this.scryptN): Promise<boolean> {
    if (await this.hasAccount(account.username)) return false;
    const hash = await hashPassword(password, N);
    return this.hub.insertAccount({
      ...pickAccount(account),
      passwordHash: hash,
      createdAt: new Date(this.now()).toISOString(),
    });
  }

  /** A session, null for an unknown username or a wrong password, 'disabled' for the right password of a disabled account. */
  async login(username: string, password: string): Promise<Session | null | 'disabled'> {
    const row = await this.hub.getAccount(username);
    if (!row) {
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'), this.scryptN);
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    if (!(await verifyPassword(password, row.passwordHash))) return null;
    if (row.disabled) return 'disabled';
    if (hashCost(row.passwordHash) < this.scryptN && password !== DEMO_PASSWORD) {
      // Made with weaker parameters (before v1.1): replaced now that the password is known.
      const stronger = await hashPassword(password, this.scryptN);
      await this.hub.upgradePasswordHash(row.username, stronger, row.passwordHash);
    }
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const at = new Date(now).toISOString();
    const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
    await this.hub.transaction(async (tx) => {
      await tx.deleteExpiredSessions(at);
      await tx.insertSession(sha256Hex(token), row.username, at, expiresAt);
      await tx.setLastLogin(row.username, at);
    });
    return { token, expiresAt, operator: operatorInfo(row) };
  }

  /** The account behind a bearer token, or null when the token is unknown, expired, revoked, or its account disabled. */
  async authenticate(token: string): Promise<SessionCaller | null> {
    const tokenHash = sha256Hex(token);
    const row = await this.hub.sessionAccount(tokenHash, new Date(this.now()).toISOString());
    return row ? { ...row, tokenHash } : null;
  }

  /** Ends one session (logout). */
  endSession(tokenHash: string): Promise<void> {
    return this.hub.deleteSession(tokenHash);
  }

  /** Revokes every token of the account; returns how many there were. */
  revokeAll(username: string, on: HubOps = this.hub): Promise<number> {
    return on.deleteSessionsOf(username);
  }
}

const pickAccount = (a: Account): Account => ({ username: a.username, name: a.name, role: a.role });
