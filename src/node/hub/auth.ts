// Accounts and sessions: scrypt password hashes, random bearer tokens of which only a sha256 is stored.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { OperatorInfo } from '../../common/central-api';
import type { Role } from '../../common/entities';
import type { HubDb } from './hub-db';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, N: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return timingSafeEqual(key, expected);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface Account { username: string; name: string; role: Role }
export interface Session { token: string; expiresAt: string; operator: OperatorInfo }

export function operatorInfo(a: Account): OperatorInfo {
  return { id: a.username, name: a.name, role: a.role };
}

export class AuthService {
  // Unknown usernames are checked against this too, so a failed login takes as long either way.
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly hub: HubDb, private readonly now: () => number = Date.now) {}

  accountCount(): number {
    return (this.hub.stmt('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }

  hasAccount(username: string): boolean {
    return this.hub.stmt('SELECT 1 FROM accounts WHERE username = ?').get(username) !== undefined;
  }

  /** Creates the account unless the username exists; an existing account keeps its password. Returns whether it was created. */
  async createAccount(account: Account, password: string): Promise<boolean> {
    if (this.hasAccount(account.username)) return false;
    const hash = await hashPassword(password);
    const { changes } = this.hub
      .stmt('INSERT OR IGNORE INTO accounts (username, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(account.username, account.name, account.role, hash, new Date(this.now()).toISOString());
    return changes === 1;
  }

  async login(username: string, password: string): Promise<Session | null> {
    const row = this.hub.stmt('SELECT username, name, role, password_hash FROM accounts WHERE username = ?').get(username) as
      | (Account & { password_hash: string })
      | undefined;
    if (!row) {
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await this.dummyHash);
      return null;
    }
    if (!(await verifyPassword(password, row.password_hash))) return null;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
    this.hub.transaction(() => {
      this.hub.stmt('DELETE FROM sessions WHERE expires_at <= ?').run(new Date(now).toISOString());
      this.hub
        .stmt('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(sha256Hex(token), row.username, new Date(now).toISOString(), expiresAt);
    });
    return { token, expiresAt, operator: operatorInfo(row) };
  }

  /** The account behind a bearer token, or null when the token is unknown or expired. */
  authenticate(token: string): (Account & { tokenHash: string }) | null {
    const tokenHash = sha256Hex(token);
    const row = this.hub
      .stmt(
        `SELECT a.username, a.name, a.role FROM sessions s JOIN accounts a ON a.username = s.username
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(tokenHash, new Date(this.now()).toISOString()) as Account | undefined;
    return row ? { ...row, tokenHash } : null;
  }
}
