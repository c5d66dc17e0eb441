// Outbox drain: 10,000 decisions queued offline, pushed to a hub on loopback in batches, against the same
// decisions pushed one mutation per call (what a naive client does) as the baseline in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '../src/node/hub/hub';
import { ConsoleStore } from '../src/node/store/console-store';
import { CentralClient } from '../src/node/sync/central-client';
import { report } from './support';

async function drain(count: number, batch: number): Promise<{ seconds: number; applied: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-drain-'));
  const hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0 });
  const store = ConsoleStore.open(join(dir, 'console.db'));
  try {
    const client = new CentralClient(hub.url);
    const session = await client.session('operator', 'demo');
    const insert = store.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        store.recordDecision({ id: randomUUID(), decidedAt: new Date().toISOString(), summary: `Keputusan ${i}`, rationale: 'bench', action: 'catat' }, session.operator.id, 'bench');
      }
    });
    insert();
    let applied = 0;
    const t0 = performance.now();
    for (;;) {
      const next = store.outbox.nextBatch(batch);
      if (next.length === 0) break;
      const res = await client.mutations({ consoleId: 'bench', mutations: next.map((e) => e.mutation) }, session.token);
      store.outbox.settle(next, res.results);
      applied += res.results.filter((r) => r.status === 'applied').length;
    }
    return { seconds: (performance.now() - t0) / 1000, applied };
  } finally {
    store.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchOutboxDrain(count = 10_000): Promise<void> {
  const batched = await drain(count, 500);
  const single = await drain(Math.min(count, 2_000), 1);
  const singleRate = single.applied / single.seconds;
  report(`Outbox drain of ${count} queued decisions to a hub on loopback`, [
    ['batched (500 a call)', `${batched.seconds.toFixed(2)} s, ${Math.round(batched.applied / batched.seconds)} decisions/s, ${batched.applied} applied`],
    ['baseline: one per call', `${Math.round(singleRate)} decisions/s (${single.applied} pushed in ${single.seconds.toFixed(2)} s)`],
    ['ratio', `${(batched.applied / batched.seconds / singleRate).toFixed(1)}x faster than one per call`],
    ['goal', '≤ 5 s for 10,000'],
  ]);
}
