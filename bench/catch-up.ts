// Catch-up: a fresh console store pulls 1,000,000 central changes through the real SyncEngine from a real hub
// on loopback (in its own process). Measures time, peak memory (RSS sampled) and the worst event-loop lag.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startChild } from '../e2e/faults/support/children';
import { startHub } from '../src/node/hub/hub';
import { HubDb } from '../src/node/hub/hub-db';
import { KeyFileSecretStore } from '../src/node/host/secret-store';
import { SYNC_ACCOUNT, TokenBook } from '../src/node/host/token-book';
import { ConsoleStore } from '../src/node/store/console-store';
import { CentralClient } from '../src/node/sync/central-client';
import { SyncEngine } from '../src/node/sync/sync-engine';
import { appendCentralChanges, MILLION } from './central-data';
import { report } from './support';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function benchCatchUp(scale = Number(process.env.NAWA_BENCH_SCALE ?? 1)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-catchup-'));
  const dbPath = join(dir, 'hub.db');
  try {
    const seeded = await startHub({ dbPath, seed: 'demo', port: 0 });
    await seeded.close();
    const tGen = performance.now();
    const hubDb = HubDb.open(dbPath);
    const mix = { readings: MILLION.readings * scale, statuses: MILLION.statuses * scale, incidents: MILLION.incidents * scale, decisions: MILLION.decisions * scale };
    const lastSeq = appendCentralChanges(hubDb, mix);
    hubDb.db.pragma('wal_checkpoint(TRUNCATE)');
    hubDb.close();
    const genSeconds = (performance.now() - tGen) / 1000;

    const hub = await startChild(resolve(import.meta.dirname, 'hub-process.ts'), { dbPath });
    const store = ConsoleStore.open(join(dir, 'console.db'));
    const tokens = new TokenBook(store, new KeyFileSecretStore(join(dir, 'secret.key')));
    const client = new CentralClient(hub.url);
    const session = await client.session('viewer', 'demo');
    tokens.set(SYNC_ACCOUNT, session.token, session.expiresAt);
    const engine = new SyncEngine({ client, store, tokens, consoleId: 'bench' });

    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const t0 = performance.now();
    engine.start();
    while (store.cursor() < lastSeq) await new Promise((r) => setTimeout(r, 20));
    const seconds = (performance.now() - t0) / 1000;
    lag.disable();
    clearInterval(sampler);
    await engine.stop();
    const readings = (store.db.prepare('SELECT COUNT(*) AS n FROM readings').get() as { n: number }).n;
    store.close();
    await hub.stop();
    const changes = lastSeq;
    report(`Catch-up of ${changes.toLocaleString('en')} central changes into a fresh console store (SyncEngine, hub on loopback in its own process)`, [
      ['central data generated', `${genSeconds.toFixed(1)} s (straight into the hub's SQLite file)`],
      ['time', `${seconds.toFixed(1)} s, ${Math.round(changes / seconds).toLocaleString('en')} changes/s (${readings.toLocaleString('en')} readings held)`],
      ['peak memory (RSS)', `${mb(peak)} (${mb(rssBefore)} before, +${mb(peak - rssBefore)})`],
      ['event-loop lag', `worst ${(lag.max / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, mean ${(lag.mean / 1e6).toFixed(1)} ms`],
      ['goal', '≤ 60 s, event-loop lag < 100 ms'],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
