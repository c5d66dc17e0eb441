import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../base/sqlite-file';
import { SqliteHubStorage } from '../sqlite-hub-storage';
import { HUB_MIGRATIONS } from './index';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-hubmig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('hub migration 0001-initial', () => {
  it('makes the change log, records, accounts with their sessions, and applied mutations', () => {
    const db = new Database(join(dir, 'hub.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, HUB_MIGRATIONS, 0);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    migrate(db, HUB_MIGRATIONS, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['meta', 'accounts', 'sessions', 'changes', 'records', 'mutations']));

    db.prepare(`INSERT INTO accounts VALUES ('sri', 'Sri', 'operator', 'h', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO accounts VALUES ('x', 'X', 'admin', 'h', 'now')`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO sessions VALUES ('t', 'sri', 'now', 'later')`).run();
    db.prepare(`DELETE FROM accounts WHERE username = 'sri'`).run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });

    // AUTOINCREMENT: a seq freed by compaction is never handed out again.
    const insert = db.prepare(
      `INSERT INTO changes (entity, id, op, version, data) VALUES ('site', 's1', 'upsert', ?, '{}')`,
    );
    insert.run(1);
    const { lastInsertRowid } = insert.run(2);
    db.prepare('DELETE FROM changes WHERE seq = ?').run(lastInsertRowid);
    expect(Number(insert.run(3).lastInsertRowid)).toBe(Number(lastInsertRowid) + 1);
    expect(() =>
      db.prepare(`INSERT INTO changes (entity, id, op, version, data) VALUES ('site', 's', 'merge', 1, '{}')`).run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('a hub file at user_version 1, as the hub left it before the numbered files, opens with its rows and 0001 not run again', async () => {
    const path = join(dir, 'old-hub.db');
    const db = new Database(path);
    migrate(db, HUB_MIGRATIONS, 1);
    db.prepare(
      `INSERT INTO changes (entity, id, op, version, data) VALUES ('site', 's1', 'upsert', 1, '{"id":"s1"}')`,
    ).run();
    db.prepare(`INSERT INTO records VALUES ('site', 's1', 1, 0, 1, '{"id":"s1"}')`).run();
    db.close();
    const hub = SqliteHubStorage.open(path);
    expect(await hub.lastSeq()).toBe(1);
    expect(await hub.getRecord('site', 's1')).toEqual({ version: 1, deleted: false, seq: 1, data: { id: 's1' } });
    expect(hub.db.pragma('user_version', { simple: true })).toBe(HUB_MIGRATIONS.length);
    await hub.close();
  });
});
