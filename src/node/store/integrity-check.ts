// PRAGMA integrity_check of a database file on a worker thread: a full check of a large cache takes seconds,
// and the host's event loop (walls, operators, sync) must not stop for it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated in the worker, so it needs no loader and no bundled file of its own.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('integrity_check(10)', { simple: false }).map((r) => String(Object.values(r)[0]));
  parentPort.postMessage(rows.join('; '));
} catch (e) {
  parentPort.postMessage('cannot be checked: ' + (e && e.message ? e.message : String(e)));
} finally {
  if (db) db.close();
}`;

/** Resolves to 'ok', or to what is wrong with the file. */
export function integrityCheck(path: string): Promise<string> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { path, sqlite } });
    let answered = false;
    worker.once('message', (m: unknown) => { answered = true; resolve(String(m)); });
    worker.once('error', (e) => { answered = true; resolve(`cannot be checked: ${e.message}`); });
    worker.once('exit', (code) => { if (!answered) resolve(`cannot be checked: the check stopped (${code})`); });
  });
}
