import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './hub-migrations';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('hub migrations', () => {
  it('brings a v1 file (schema 1) to the accounts-and-audit schema, keeping its accounts and sessions', () => {
    dir = mkdtempSync(join(tmpdir(), 'nawa-hub-mig-'));
    const db = new Database(join(dir, 'hub.db'));
    try {
      (MIGRATIONS[0] as (d: Database.Database) => void)(db);
      db.pragma('user_version = 1');
      db.prepare(`INSERT INTO accounts VALUES ('operator', 'Operator', 'operator', 'scrypt$16384$8$1$x$y', '2026-01-01T00:00:00.000Z')`).run();
      db.prepare(`INSERT INTO sessions VALUES ('ab', 'operator', '2026-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z')`).run();
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare('SELECT username, disabled, last_login_at FROM accounts').all()).toEqual([{ username: 'operator', disabled: 0, last_login_at: null }]);
      expect(db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 1 });
      db.prepare(`INSERT INTO audit (at, kind, username) VALUES ('2026-01-01T00:00:00.000Z', 'login', 'operator')`).run();
      expect(() => db.prepare(`UPDATE accounts SET disabled = 2`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
