import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../base/sqlite-file';
import { HUB_MIGRATIONS } from './index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-hubmig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('hub migration 0002-accounts-audit', () => {
  it('brings a v1 file (schema 1) to the accounts-and-audit schema, keeping its accounts and sessions', () => {
    const db = new Database(join(dir, 'hub.db'));
    try {
      migrate(db, HUB_MIGRATIONS, 1);
      db.prepare(
        `INSERT INTO accounts VALUES ('operator', 'Operator', 'operator', 'scrypt$16384$8$1$x$y', '2026-01-01T00:00:00.000Z')`,
      ).run();
      db.prepare(
        `INSERT INTO sessions VALUES ('ab', 'operator', '2026-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z')`,
      ).run();
      migrate(db, HUB_MIGRATIONS, 2);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(db.prepare('SELECT username, disabled, last_login_at FROM accounts').all()).toEqual([
        { username: 'operator', disabled: 0, last_login_at: null },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
      db.prepare(
        `INSERT INTO audit (at, kind, username) VALUES ('2026-01-01T00:00:00.000Z', 'login', 'operator')`,
      ).run();
      expect(() => db.prepare(`UPDATE accounts SET disabled = 2`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
