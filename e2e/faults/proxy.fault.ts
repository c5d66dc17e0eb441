// A misbehaving network between the console host and the hub (support/fault-proxy.ts): responses dropped after
// the hub committed, requests duplicated, both directions blackholed for seconds at a time. The hub ends with
// exactly the writes made, the console notices the silence within 5 s, and all converges within 30 s of healing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEARTBEAT_MS } from '../../src/common/central-api';
import { startHub, type Hub } from '../../src/node/hub/hub';
import type { Connection } from '../../src/node/host/host-service';
import { createHost, type ConsoleHost } from '../../src/node/host/host';
import { compareWithHub, converged } from './support/compare';
import { figure, LONG, seeded, sleep } from './support/fault-config';
import { FaultProxy } from './support/fault-proxy';
import { Writer } from './support/writes';

const ROUNDS = LONG ? 12 : 2;
const WRITES_PER_ROUND = LONG ? 150 : 60;

let dir: string;
let hub: Hub;
let proxy: FaultProxy;
let host: ConsoleHost | null = null;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-fault-proxy-'));
  // The contract's heartbeat (2 s) on both sides: "offline within 5 s" is measured as an operator would see it.
  hub = await startHub({
    dbPath: join(dir, 'hub.db'),
    seed: 'demo',
    port: 0,
    heartbeatMs: HEARTBEAT_MS,
    limits: { requestsPerMinute: 1_000_000 },
  });
});
afterAll(async () => {
  await host?.close();
  await proxy?.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

/** How long until the host says offline, polled every 50 ms. */
async function offlineAfter(h: ConsoleHost, limitMs: number): Promise<number> {
  const t0 = Date.now();
  while (h.sync.status().online) {
    if (Date.now() - t0 > limitMs) return Infinity;
    await sleep(50);
  }
  return Date.now() - t0;
}

describe('a loopback proxy that drops, duplicates and blackholes', () => {
  it(`the hub holds exactly the writes made over ${ROUNDS} rounds of faults`, async () => {
    const { random, seed } = seeded();
    proxy = new FaultProxy(hub.url, random);
    const url = await proxy.start();
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: url });
    const h = host;
    const conn: Connection = { id: 'operator', operator: null, wall: null };
    expect((await h.dispatch('session.login', { username: 'operator', password: 'demo' }, conn)).ok).toBe(true);
    const writer = new Writer((name, input) => h.dispatch(name, input, conn), 'proxy', random);
    const noticed: number[] = [];
    const t0 = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      // Lost answers and doubled requests while the operator works.
      proxy.setPlan({ dropResponse: 0.3, duplicate: 0.3, paths: /\/(mutations|changes)/ });
      for (let i = 0; i < WRITES_PER_ROUND; i++) {
        await writer.any();
        // Spaced a little, so most writes go in pushes of their own and meet the faults one by one.
        await sleep(2 + random() * 8);
      }
      await sleep(300);
      // Then silence both ways, long enough that the console must say it is offline, while writes go on.
      proxy.setPlan({ dropResponse: 0, duplicate: 0 });
      // From online (a lost answer may just have set it offline), so the silence is what the console notices.
      for (let i = 0; i < 200 && !h.sync.status().online; i++) await sleep(50);
      proxy.blackhole();
      const silence = 5_500 + random() * (LONG ? 4_000 : 500);
      const tSilence = Date.now();
      const offline = offlineAfter(h, 5_000);
      for (let i = 0; i < WRITES_PER_ROUND / 3; i++) await writer.any();
      noticed.push(await offline);
      await sleep(Math.max(0, silence - (Date.now() - tSilence)));
      proxy.healAll();
    }
    const ms = await converged(async () => h.sync.status(), hub.url, 30_000);
    await h.close();
    host = null;
    const result = await compareWithHub(join(dir, 'console', 'console.db'), hub.url, writer.acked);
    figure('proxy faults', {
      seed,
      rounds: ROUNDS,
      writes: writer.issued,
      acknowledged: writer.acked.size,
      incidentsCreated: writer.incidents.length,
      ...proxy.stats,
      offlineNoticedMs: noticed.join('/'),
      convergedAfterHealMs: ms,
      seconds: ((Date.now() - t0) / 1000).toFixed(1),
      ...result,
    });
    expect(proxy.stats.dropped).toBeGreaterThan(0);
    expect(proxy.stats.duplicated).toBeGreaterThan(0);
    for (const n of noticed) expect(n).toBeLessThanOrEqual(5_000);
    expect(ms).toBeLessThan(30_000);
    expect(writer.failed, writer.failures.join('\n')).toBe(0);
  });
});
