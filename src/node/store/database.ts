// Opens a SQLite file the way every Nawa store wants it, and brings its schema up to date.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export class StoreError extends Error {
  constructor(readonly code: 'newer_than_code' | 'corrupt' | 'unreadable', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Migration { name: string; up: (db: Db) => void }

export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  let db: Db;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new StoreError('unreadable', `Cannot open the database ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError('corrupt', `The database ${path} is damaged: ${String(check)}`);
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError('corrupt', `The database ${path} cannot be used: ${(e as Error).message}`);
  }
}

export function migrate(db: Db, migrations: readonly Migration[], target = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new StoreError('newer_than_code',
      `The database is at schema version ${current} but this Nawa knows only ${migrations.length}: it was written by a newer Nawa. Update Nawa; the file was left untouched.`);
  }
  for (let v = current; v < target; v++) {
    const m = migrations[v]!;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
