// Outbox drain: 10,000 decisions queued while offline, pushed by the real SyncEngine (OutboxPusher: batches,
// back-off, settle) to a hub on loopback in its own process; compared in the same run with PouchDB replicating
// the same 10,000 documents to pouchdb-server (bench/pouchdb-baseline.ts).
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startChild } from '../e2e/faults/support/children';
import { startHub } from '../src/node/hub/hub';
import { KeyFileSecretStore } from '../src/node/ports/secret-store';
import { SigningKeys } from '../src/node/host/signing-keys';
import { TokenBook } from '../src/node/sync/token-book';
import { ConsoleStore } from '../src/node/store/console-store';
import { CentralClient } from '../src/node/sync/central-client';
import { SyncEngine } from '../src/node/sync/sync-engine';
import { pouchDbReplication } from './pouchdb-baseline';
import { report } from './support';

const decisions = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    decidedAt: new Date().toISOString(),
    summary: `Keputusan ${i}: kirim tim BPBD ke Desa Sitiarjo`,
    rationale: 'Debit Kali Lesti naik 40 cm dalam satu jam; laporan warga dan CCTV jembatan',
    action: 'BPBD berangkat, Dinkes siaga',
  }));

async function nawaDrain(docs: ReturnType<typeof decisions>, dir: string) {
  const dbPath = join(dir, 'hub.db');
  const seeded = await startHub({ dbPath, seed: 'demo', port: 0 });
  await seeded.close();
  const hub = await startChild(resolve(import.meta.dirname, 'hub-process.ts'), { dbPath });
  const store = ConsoleStore.open(join(dir, 'console.db'));
  const secrets = new KeyFileSecretStore(join(dir, 'secret.key'));
  const tokens = new TokenBook(store, secrets);
  const keys = new SigningKeys(store, secrets, 'bench');
  const client = new CentralClient(hub.url);
  try {
    const session = await client.session('operator', 'demo');
    // Written offline: the whole queue waits in the outbox before the engine starts.
    // Signed as the console signs them (v1.1); the key's publication leads the queue.
    const now = new Date();
    store.transaction(() => {
      for (const d of docs) store.recordDecision(keys.sign(d, session.operator.id, now), session.operator.id, 'bench');
    });
    tokens.set(session.operator.id, session.token, session.expiresAt);
    const engine = new SyncEngine({ client, store, tokens, consoleId: 'bench' });
    const t0 = performance.now();
    engine.start();
    while (store.outbox.counts().pending > 0) await new Promise((r) => setTimeout(r, 5));
    const drained = (performance.now() - t0) / 1000;
    while (store.decisions(1).some((d) => d.state !== 'synced')) await new Promise((r) => setTimeout(r, 5));
    const synced = (performance.now() - t0) / 1000;
    await engine.stop();
    const { rejected } = store.outbox.counts();
    return { drained, synced, rejected };
  } finally {
    store.close();
    await hub.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rounds alternate Nawa and PouchDB, so a machine shared with others weighs on both alike; medians are shown. */
export async function benchOutboxDrain(
  count = 10_000,
  rounds = Number(process.env.NAWA_BENCH_ROUNDS ?? 3),
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-drain-'));
  try {
    const docs = decisions(count);
    const nawa: Awaited<ReturnType<typeof nawaDrain>>[] = [];
    const pouch = new Map<number, number[]>([
      [100, []],
      [500, []],
    ]);
    let version = '';
    let failed: string | null = null;
    for (let r = 0; r < rounds; r++) {
      const sub = join(dir, `round-${r}`);
      nawa.push(await nawaDrain(docs, mkdirp(sub)));
      for (const batch of pouch.keys()) {
        if (failed) break;
        const p = await pouchDbReplication(docs, sub, batch);
        if (p.ok) {
          pouch.get(batch)!.push(p.seconds);
          version = p.version;
        } else failed = p.why;
      }
    }
    const drained = median(nawa.map((n) => n.drained));
    const rows: [string, string][] = [
      [
        'Nawa: SyncEngine, 500 a call',
        `${drained.toFixed(2)} s until the outbox was empty (median of ${rounds}: ${nawa.map((n) => n.drained.toFixed(2)).join(', ')}; ${Math.round(count / drained).toLocaleString('en')} decisions/s, ${nawa.reduce((a, n) => a + n.rejected, 0)} rejected); ${median(nawa.map((n) => n.synced)).toFixed(2)} s until every one came back with its seq`,
      ],
    ];
    for (const [batch, runs] of pouch) {
      if (runs.length === 0) continue;
      const m = median(runs);
      rows.push([
        `PouchDB ${version} -> pouchdb-server, batch ${batch}${batch === 100 ? ' (default)' : ''}`,
        `${m.toFixed(2)} s (median of ${runs.map((x) => x.toFixed(2)).join(', ')}; ${Math.round(count / m).toLocaleString('en')} docs/s); Nawa ${(m / drained).toFixed(1)}x faster`,
      ]);
    }
    if (failed) rows.push(['PouchDB baseline', `NOT MEASURED: ${failed}`]);
    rows.push(['goal', '≤ 5 s for 10,000, and ≥ 3x faster than PouchDB']);
    report(`Outbox drain of ${count.toLocaleString('en')} queued decisions to a hub on loopback`, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function mkdirp(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
