// Two hub processes on one PostgreSQL database behind a loopback balancer; one of them is killed -9 again and
// again while the console writes. The console syncs through the balancer all along: nothing written at the
// console is lost, nothing is doubled, and the decision chain stays one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/node/host/host-service';
import { createHost, type ConsoleHost } from '../../src/node/host/host';
import { PG_ABSENT, pgTestDb } from '../../src/node/hub/hub-test-kit';
import { Balancer } from './support/balancer';
import { freePort, startChild, type Child } from './support/children';
import { compareWithHub, converged } from './support/compare';
import { figure, LONG, seeded, sleep } from './support/fault-config';
import { Writer } from './support/writes';

const WRITES = LONG ? 3_000 : 300;
const KILLS = LONG ? 60 : 6;
const HEARTBEAT_MS = 500;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-fault-pghubs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(PG_ABSENT)(`two hub processes on PostgreSQL${PG_ABSENT ? ` (skipped: ${PG_ABSENT})` : ''}`, () => {
  it(`loses and doubles nothing of ${WRITES} writes while one of two hubs is killed up to ${KILLS} times`, async () => {
    const { random, seed } = seeded();
    const dbPath = await pgTestDb(`fault_${Date.now()}`);
    const ports = [await freePort(), await freePort()];
    const args = (port: number) => ({ dbPath, port, heartbeatMs: HEARTBEAT_MS });
    const hubs: Child[] = [await startChild('hub-child.ts', args(ports[0]!))];
    hubs.push(await startChild('hub-child.ts', args(ports[1]!)));
    const balancer = new Balancer(ports);
    const url = await balancer.start();
    let host: ConsoleHost | null = null;
    const t0 = Date.now();
    try {
      host = await createHost({ dataDir: join(dir, 'console'), hubUrl: url, heartbeatMs: HEARTBEAT_MS });
      const conn: Connection = { id: 'operator', operator: null, wall: null };
      const h = host;
      const writer = new Writer((name, input) => h.dispatch(name, input, conn), 'pg-hubs', random);
      expect((await h.dispatch('session.login', { username: 'operator', password: 'demo' }, conn)).ok).toBe(true);
      const perKill = Math.ceil(WRITES / (KILLS + 1));
      let kills = 0;
      let down = 0;
      while (writer.issued < WRITES) {
        const burst = Math.max(1, Math.floor(perKill * (0.5 + random())));
        const victim = Math.floor(random() * hubs.length);
        const killer = kills < KILLS ? sleep(random() * 60).then(() => hubs[victim]!.kill9()) : null;
        for (let i = 0; i < burst && writer.issued < WRITES; i++) {
          await writer.any();
          if (random() < 0.3) await sleep(1);
        }
        if (killer) {
          await killer;
          kills++;
          // The other hub serves meanwhile; writes go on through the balancer.
          const downMs = random() * (LONG ? 1500 : 800);
          const tDown = Date.now();
          for (let i = 0; i < 10 && writer.issued < WRITES; i++) await writer.any();
          await sleep(Math.max(0, downMs - (Date.now() - tDown)));
          down += Date.now() - tDown;
          hubs[victim] = await startChild('hub-child.ts', args(ports[victim]!));
        }
      }
      const ms = await converged(async () => h.sync.status(), hubs[0]!.url, 60_000);
      await h.close();
      host = null;
      // Both processes publish the same feed: compare against each.
      const results = [];
      for (const hub of hubs)
        results.push(await compareWithHub(join(dir, 'console', 'console.db'), hub.url, writer.acked));
      figure('one of two PostgreSQL hubs killed -9', {
        seed,
        writes: writer.issued,
        acknowledged: writer.acked.size,
        incidentsCreated: writer.incidents.length,
        kills,
        downMs: down,
        convergedMs: ms,
        connectionsPerHub: ports.map((p) => balancer.routed.get(p) ?? 0).join('/'),
        seconds: ((Date.now() - t0) / 1000).toFixed(1),
        ...results[0],
      });
      expect(results[1]).toEqual(results[0]);
      // Both processes served the console (the balancer's connections went to each).
      for (const p of ports) expect(balancer.routed.get(p) ?? 0).toBeGreaterThan(0);
      expect(writer.failed, writer.failures.join('\n')).toBe(0);
    } catch (e) {
      throw new Error(
        `${(e as Error).message}\n${hubs.map((hub, i) => `hub ${i} log:\n${hub.log().slice(-2000)}`).join('\n')}`,
        { cause: e },
      );
    } finally {
      await host?.close();
      await balancer.close();
      for (const hub of hubs) await hub.kill9();
    }
  });
});
