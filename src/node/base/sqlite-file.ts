// The one way Nawa opens a SQLite file, for the console store and the hub alike (src/node/base is shared by
// every layer): the pragmas, a quick check, the schema brought up to date by numbered migrations, and a refusal
// of a file written by a newer Nawa.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';

export type { Db };

export class SqliteFileError extends Error {
  constructor(
    readonly code: 'newer_than_code' | 'corrupt' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'SqliteFileError';
  }
}

/** One schema step; its position in the list (from 1) is the user_version it leaves behind. */
export interface Migration {
  name: string;
  up: (db: Db) => void;
}

const BUSY_TIMEOUT_MS = 5000;

/** Opens (or creates) `path` read-write and migrates it; every failure is a SqliteFileError and leaves no handle open. */
export function openSqliteFile(path: string, migrations: readonly Migration[]): Db {
  let db: Db;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new SqliteFileError('unreadable', `Cannot open the database ${path}: ${(e as Error).message}`);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new SqliteFileError('corrupt', `The database ${path} is damaged: ${String(check)}`);
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof SqliteFileError) throw e;
    throw new SqliteFileError('corrupt', `The database ${path} cannot be used: ${(e as Error).message}`);
  }
}

/**
 * Runs the migrations after the file's user_version up to `target`, each in its own IMMEDIATE transaction that
 * re-reads the version, so two processes opening the same file never run a step twice.
 */
export function migrate(db: Db, migrations: readonly Migration[], target = migrations.length): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  if (current > migrations.length) {
    throw new SqliteFileError(
      'newer_than_code',
      `The database is at schema version ${current} but this Nawa knows only ${migrations.length}: it was written by a newer Nawa. Update Nawa; the file was left untouched.`,
    );
  }
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      const now = version();
      if (now > v) return;
      migrations[v]!.up(db);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

// The full integrity_check of a large file takes seconds, so it runs on a worker thread: plain CommonJS evaluated
// there, so it needs no loader and no bundled file of its own.
const CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = ${BUSY_TIMEOUT_MS}');
  const rows = db.pragma('integrity_check(10)', { simple: false }).map((r) => String(Object.values(r)[0]));
  parentPort.postMessage(rows.join('; '));
} catch (e) {
  parentPort.postMessage('cannot be checked: ' + (e && e.message ? e.message : String(e)));
} finally {
  if (db) db.close();
}`;

/** PRAGMA integrity_check of a file, read-only, off the event loop. Resolves to 'ok', or to what is wrong with it. */
export function integrityCheck(path: string): Promise<string> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(CHECK_WORKER, { eval: true, workerData: { path, sqlite } });
    let answered = false;
    worker.once('message', (m: unknown) => {
      answered = true;
      resolve(String(m));
    });
    worker.once('error', (e) => {
      answered = true;
      resolve(`cannot be checked: ${e.message}`);
    });
    worker.once('exit', (code) => {
      if (!answered) resolve(`cannot be checked: the check stopped (${code})`);
    });
  });
}
