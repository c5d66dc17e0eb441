import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { integrityCheck, migrate, openSqliteFile, SqliteFileError, type Migration } from './sqlite-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-sqlite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const STEPS: Migration[] = [
  { name: '0001-notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)') },
  {
    name: '0002-tags',
    up: (db) => db.exec('CREATE TABLE tags (note INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL)'),
  },
];

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof SqliteFileError ? e.code : `not a SqliteFileError: ${String(e)}`;
  }
  return undefined;
};

/** A file that opens but whose first table's b-tree page is garbage. */
function damagedFile(path: string): void {
  const db = openSqliteFile(path, STEPS);
  db.prepare('INSERT INTO notes (body) VALUES (?)').run('Banjir Sitiarjo');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('openSqliteFile', () => {
  it('sets WAL, FULL sync, foreign keys and a busy timeout, and migrates a new file to the last step', () => {
    const db = openSqliteFile(join(dir, 'a.db'), STEPS);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(() => db.prepare(`INSERT INTO tags (note, tag) VALUES (99, 'x')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('reopens a migrated file without running a step again', () => {
    const path = join(dir, 'b.db');
    openSqliteFile(path, STEPS).close();
    const db = openSqliteFile(path, STEPS); // 0001 again would fail: the table exists
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a file written by a newer Nawa and leaves it untouched', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma('user_version = 7');
    raw.close();
    expect(codeOf(() => openSqliteFile(path, STEPS))).toBe('newer_than_code');
    expect(() => openSqliteFile(path, STEPS)).toThrow(/version 7 but this Nawa knows only 2/);
    const again = new Database(path, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(7);
    expect(again.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()).toEqual([{ name: 'future' }]);
    again.close();
  });

  it('calls a file that is not SQLite unreadable, and a damaged one corrupt', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite'.repeat(500));
    expect(codeOf(() => openSqliteFile(junk, STEPS))).toBe('unreadable');
    const damaged = join(dir, 'damaged.db');
    damagedFile(damaged);
    expect(codeOf(() => openSqliteFile(damaged, STEPS))).toBe('corrupt');
  });
});

describe('migrate', () => {
  it('stops at a target and goes on from there later', () => {
    const db = new Database(join(dir, 'c.db'));
    migrate(db, STEPS, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare(`INSERT INTO notes (body) VALUES ('kept')`).run();
    migrate(db, STEPS);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);
    db.close();
  });

  it('rolls a failing step back as a whole and keeps the version before it', () => {
    const db = new Database(join(dir, 'd.db'));
    const bad: Migration[] = [
      ...STEPS,
      {
        name: 'bad',
        up: (d) => {
          d.exec('CREATE TABLE x (a)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, bad)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'x'`).get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('integrityCheck', () => {
  it('says ok of a sound file and names what is wrong with a damaged one', async () => {
    const good = join(dir, 'good.db');
    openSqliteFile(good, STEPS).close();
    expect(await integrityCheck(good)).toBe('ok');
    const damaged = join(dir, 'damaged.db');
    damagedFile(damaged);
    expect(await integrityCheck(damaged)).not.toBe('ok');
    expect(await integrityCheck(join(dir, 'missing.db'))).toMatch(/^cannot be checked/);
  });
});
