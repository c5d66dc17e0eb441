// Lets an operator who logged in here before log in while the central API is unreachable.
// Only a salted scrypt verifier is kept, never the password.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { OperatorInfo } from '../../common/central-api';
import type { ConsoleStore } from '../store/console-store';

const key = (username: string) => `login:${username.toLowerCase()}`;

export function rememberLogin(store: ConsoleStore, username: string, password: string, operator: OperatorInfo): void {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32);
  store.setSetting(key(username), JSON.stringify({ operator, salt: salt.toString('base64'), hash: hash.toString('base64') }));
}

export function verifyOfflineLogin(store: ConsoleStore, username: string, password: string): OperatorInfo | null {
  const raw = store.setting(key(username));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { operator: unknown; salt: string; hash: string };
    const expected = Buffer.from(v.hash, 'base64');
    const actual = scryptSync(password, Buffer.from(v.salt, 'base64'), expected.length);
    return timingSafeEqual(expected, actual) ? OperatorInfo.parse(v.operator) : null;
  } catch {
    return null;
  }
}
