// The baseline of the outbox drain: PouchDB (leveldb on disk, as in Node) replicating the same documents to
// pouchdb-server on loopback. Both come from npm into bench/baseline/ (own package.json, installed on first
// run), never into Nawa's dependencies. When they cannot be installed or run, the result says so.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { freePort } from '../e2e/faults/support/children';

const BASELINE = resolve(import.meta.dirname, 'baseline');

export type BaselineResult =
  { ok: true; seconds: number; docs: number; batchSize: number; version: string } | { ok: false; why: string };

interface PouchLike {
  bulkDocs(docs: object[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
}
type PouchCtor = (new (name: string) => PouchLike) & {
  replicate(from: PouchLike, to: string, opts: { batch_size: number }): Promise<{ docs_written: number; ok: boolean }>;
  version: string;
};

function install(): string | null {
  if (existsSync(join(BASELINE, 'node_modules', 'pouchdb-server'))) return null;
  try {
    process.stdout.write('  (installing PouchDB and pouchdb-server into bench/baseline, once: about 2 minutes)\n');
    execFileSync('npm', ['install', '--prefix', BASELINE, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 15 * 60_000,
    });
    return null;
  } catch (e) {
    return `npm install --prefix bench/baseline failed: ${(e as Error).message.split('\n')[0]}`;
  }
}

async function waitUp(url: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Replicates `docs` from a local PouchDB to a fresh pouchdb-server database; times the replication alone. */
export async function pouchDbReplication(
  docs: readonly object[],
  dir: string,
  batchSize: number,
): Promise<BaselineResult> {
  const failed = install();
  if (failed) return { ok: false, why: failed };
  const require = createRequire(join(BASELINE, 'package.json'));
  let PouchDB: PouchCtor;
  try {
    PouchDB = require('pouchdb') as PouchCtor;
  } catch (e) {
    return { ok: false, why: `PouchDB does not load here: ${(e as Error).message}` };
  }
  const port = await freePort();
  const dataDir = join(dir, `pouchdb-server-${batchSize}`);
  mkdirSync(dataDir, { recursive: true });
  const server = spawn(
    process.execPath,
    [
      require.resolve('pouchdb-server/bin/pouchdb-server'),
      '--port',
      String(port),
      '--dir',
      dataDir,
      '--no-stdout-logs',
    ],
    {
      // pouchdb-server writes config.json and log.txt into its working folder: keep them out of the checkout.
      stdio: 'ignore',
      cwd: dataDir,
    },
  );
  try {
    const url = `http://127.0.0.1:${port}`;
    if (!(await waitUp(url, 60_000))) return { ok: false, why: 'pouchdb-server did not start within 60 s' };
    await fetch(`${url}/decisions`, { method: 'PUT' });
    const local = new PouchDB(join(dir, `pouch-local-${batchSize}`));
    await local.bulkDocs(docs.map((d) => ({ _id: (d as { id: string }).id, ...d })));
    const t0 = performance.now();
    const result = await PouchDB.replicate(local, `${url}/decisions`, { batch_size: batchSize });
    const seconds = (performance.now() - t0) / 1000;
    await local.close();
    const remote = (await (await fetch(`${url}/decisions`)).json()) as { doc_count: number };
    if (!result.ok || remote.doc_count !== docs.length)
      return {
        ok: false,
        why: `replication incomplete: ${remote.doc_count} of ${docs.length} documents at the server`,
      };
    return { ok: true, seconds, docs: remote.doc_count, batchSize, version: PouchDB.version };
  } catch (e) {
    return { ok: false, why: `PouchDB replication failed: ${(e as Error).message}` };
  } finally {
    server.kill('SIGKILL');
  }
}
