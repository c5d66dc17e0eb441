// Catch-up: a fresh console store pulls 1,000,000 central changes through the real SyncEngine from a real hub
// on loopback. Hub and console each in their own process; measures time, the console's peak memory (RSS
// sampled) and its worst event-loop lag.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { startChild } from '../e2e/faults/support/children';
import { startHub } from '../src/node/hub/hub';
import { SqliteHubStorage } from '../src/node/hub/sqlite-hub-storage';
import { appendCentralChanges, MILLION } from './central-data';
import { report } from './support';

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export interface ConsoleResult {
  seconds: number;
  readings: number;
  rssBefore: number;
  peak: number;
  lagMaxMs: number;
  lagP99Ms: number;
  lagMeanMs: number;
}

/** The console side runs in a fresh process (catch-up-console.ts), so memory and lag are its own. */
export function consoleSide(hubUrl: string, dir: string, lastSeq: number): Promise<ConsoleResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'catch-up-console.ts'), JSON.stringify({ hubUrl, dir, lastSeq })],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise((ok, fail) =>
    child.once('exit', (code) => {
      const m = /RESULT (.+)/.exec(out);
      if (m) ok(JSON.parse(m[1]!) as ConsoleResult);
      else fail(new Error(`the console side failed (${code}): ${err.slice(-2000)}`));
    }),
  );
}

export async function benchCatchUp(scale = Number(process.env.NAWA_BENCH_SCALE ?? 1)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-catchup-'));
  const dbPath = join(dir, 'hub.db');
  try {
    const seeded = await startHub({ dbPath, seed: 'demo', port: 0 });
    await seeded.close();
    const tGen = performance.now();
    const hubDb = SqliteHubStorage.open(dbPath);
    const mix = {
      readings: MILLION.readings * scale,
      statuses: MILLION.statuses * scale,
      incidents: MILLION.incidents * scale,
      decisions: MILLION.decisions * scale,
    };
    const lastSeq = appendCentralChanges(hubDb, mix);
    hubDb.db.pragma('wal_checkpoint(TRUNCATE)');
    await hubDb.close();
    const genSeconds = (performance.now() - tGen) / 1000;

    const hub = await startChild(resolve(import.meta.dirname, 'hub-process.ts'), { dbPath });
    let r: ConsoleResult;
    try {
      r = await consoleSide(hub.url, dir, lastSeq);
    } finally {
      await hub.stop();
    }
    const { seconds, readings } = r;
    const changes = lastSeq;
    report(
      `Catch-up of ${changes.toLocaleString('en')} central changes into a fresh console store (SyncEngine, hub on loopback in its own process)`,
      [
        ['central data generated', `${genSeconds.toFixed(1)} s (straight into the hub's SQLite file)`],
        [
          'time',
          `${seconds.toFixed(1)} s, ${Math.round(changes / seconds).toLocaleString('en')} changes/s (${readings.toLocaleString('en')} readings held)`,
        ],
        [
          'peak memory (RSS)',
          `${mb(r.peak)} in the console's own process (${mb(r.rssBefore)} before the pull, +${mb(r.peak - r.rssBefore)})`,
        ],
        [
          'event-loop lag',
          `worst ${r.lagMaxMs.toFixed(1)} ms, p99 ${r.lagP99Ms.toFixed(1)} ms, mean ${r.lagMeanMs.toFixed(1)} ms`,
        ],
        ['goal', '≤ 60 s, event-loop lag < 100 ms'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
