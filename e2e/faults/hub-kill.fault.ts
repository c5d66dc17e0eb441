// kill -9 of the hub while the console pushes: the hub restarts on the same file and port; nothing written at
// the console is lost, nothing is doubled, and it all arrives without anyone touching the console.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/node/host/host-service';
import { createHost, type ConsoleHost } from '../../src/node/host/host';
import { freePort, startChild, type Child } from './support/children';
import { compareWithHub, converged } from './support/compare';
import { figure, LONG, seeded, sleep } from './support/fault-config';
import { Writer } from './support/writes';

const WRITES = LONG ? 3_000 : 300;
const KILLS = LONG ? 60 : 5;
const HEARTBEAT_MS = 500;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-fault-hub-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 of the hub during pushes', () => {
  it(`loses and doubles nothing of ${WRITES} writes across ${KILLS} hub kills`, async () => {
    const { random, seed } = seeded();
    const port = await freePort();
    const args = { dbPath: join(dir, 'hub.db'), port, heartbeatMs: HEARTBEAT_MS };
    let hub: Child = await startChild('hub-child.ts', args);
    let host: ConsoleHost | null = null;
    const t0 = Date.now();
    try {
      host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: HEARTBEAT_MS });
      const conn: Connection = { id: 'operator', operator: null, wall: null };
      const h = host;
      const writer = new Writer((name, input) => h.dispatch(name, input, conn), 'hub-kill', random);
      expect((await h.dispatch('session.login', { username: 'operator', password: 'demo' }, conn)).ok).toBe(true);
      const perKill = Math.ceil(WRITES / (KILLS + 1));
      let kills = 0;
      let down = 0;
      while (writer.issued < WRITES) {
        // A burst of writes (pushes run meanwhile), then the hub dies at a random moment among them.
        const burst = Math.max(1, Math.floor(perKill * (0.5 + random())));
        const killAfterMs = random() * 60;
        const killer = kills < KILLS ? sleep(killAfterMs).then(() => hub.kill9()) : null;
        for (let i = 0; i < burst && writer.issued < WRITES; i++) {
          await writer.any();
          if (random() < 0.3) await sleep(1);
        }
        if (killer) {
          await killer;
          kills++;
          // Down for a while; writes go on offline.
          const downMs = random() * (LONG ? 1500 : 600);
          const tDown = Date.now();
          for (let i = 0; i < 5 && writer.issued < WRITES; i++) await writer.any();
          await sleep(Math.max(0, downMs - (Date.now() - tDown)));
          down += Date.now() - tDown;
          hub = await startChild('hub-child.ts', args);
        }
      }
      const ms = await converged(async () => h.sync.status(), hub.url, 60_000);
      await h.close();
      host = null;
      const result = await compareWithHub(join(dir, 'console', 'console.db'), hub.url, writer.acked);
      figure('hub kill -9', {
        seed,
        writes: writer.issued,
        acknowledged: writer.acked.size,
        incidentsCreated: writer.incidents.length,
        kills,
        downMs: down,
        convergedMs: ms,
        seconds: ((Date.now() - t0) / 1000).toFixed(1),
        ...result,
      });
      expect(writer.failed, writer.failures.join('\n')).toBe(0);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nhub log:\n${hub.log().slice(-3000)}`, { cause: e });
    } finally {
      await host?.close();
      await hub.kill9();
    }
  });
});
