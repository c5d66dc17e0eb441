// Consoles whose clocks are hours off (one fast, one slow, one jumping about), writing online and while the hub
// is down: nothing is rejected, and each console's decisions keep the order they were written in, centrally
// (seq) and in the console's own list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub, type HubOptions } from '../../src/node/hub/hub';
import type { Connection } from '../../src/node/host/host-service';
import { createHost, type ConsoleHost } from '../../src/node/host/host';
import { freePort } from './support/children';
import { compareWithHub, converged, readCentral } from './support/compare';
import { figure, LONG, seeded, sleep } from './support/fault-config';
import { Writer } from './support/writes';

const HOUR = 3_600_000;
const WRITES = LONG ? 600 : 90;

let dir: string;
let hub: Hub;
let hubOpts: HubOptions & { port: number };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-fault-clock-'));
  hubOpts = {
    dbPath: join(dir, 'hub.db'),
    seed: 'demo',
    port: await freePort(),
    heartbeatMs: 300,
    limits: { requestsPerMinute: 1_000_000 },
  };
  hub = await startHub(hubOpts);
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('console clocks hours off', () => {
  it('reject nothing and reorder nothing', async () => {
    const { random, seed } = seeded();
    const clocks: Record<string, () => Date> = {
      // Further ahead than a central session lasts (12 h): its tokens look expired to this clock.
      fast: () => new Date(Date.now() + 13 * HOUR),
      slow: () => new Date(Date.now() - 11 * HOUR),
      // A clock that jumps back and forth by up to 13 hours between two writes.
      jumpy: () => new Date(Date.now() + (random() * 26 - 13) * HOUR),
    };
    const consoles: { name: string; host: ConsoleHost; writer: Writer; written: string[] }[] = [];
    try {
      for (const [name, now] of Object.entries(clocks)) {
        const host = await createHost({ dataDir: join(dir, name), hubUrl: hub.url, heartbeatMs: 300, now });
        const conn: Connection = { id: name, operator: null, wall: null };
        expect((await host.dispatch('session.login', { username: 'operator', password: 'demo' }, conn)).ok).toBe(true);
        consoles.push({
          name,
          host,
          writer: new Writer((n, input) => host.dispatch(n, input, conn), `clock-${name}`, random),
          written: [],
        });
      }
      const writeSome = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const c = consoles[Math.floor(random() * consoles.length)]!;
          const before = new Set(c.writer.acked.keys());
          await c.writer.decision();
          c.written.push([...c.writer.acked.keys()].find((id) => !before.has(id))!);
          if (random() < 0.2) await sleep(5);
        }
      };
      await writeSome(WRITES / 3);
      // The hub goes away: writes queue with their skewed times, and the console lists them in written order.
      await hub.close();
      await writeSome(WRITES / 3);
      for (const c of consoles) {
        const pending = c.host.store
          .decisions(1000)
          .filter((d) => d.state === 'pending')
          .map((d) => d.id)
          .reverse();
        expect(pending).toEqual(c.written.filter((id) => pending.includes(id)));
      }
      hub = await startHub(hubOpts);
      await writeSome(WRITES / 3);
      for (const c of consoles) await converged(async () => c.host.sync.status(), hub.url, 30_000);
      const central = await readCentral(hub.url);
      for (const c of consoles) {
        expect(c.host.sync.status().rejected).toBe(0);
        const order = central.decisions
          .filter((d) => c.written.includes(d.id))
          .sort((a, b) => a.seq - b.seq)
          .map((d) => d.id);
        expect(order, `central order of ${c.name}'s decisions`).toEqual(c.written);
        // decidedAt is the console's, however wrong: the central side orders by seq and keeps what was said.
        const skewed = central.decisions
          .filter((d) => c.written.includes(d.id))
          .map((d) => Math.abs(Date.parse(String(d.decidedAt)) - Date.now()));
        if (c.name !== 'jumpy') expect(Math.min(...skewed)).toBeGreaterThan(8 * HOUR);
      }
      for (const c of consoles) await c.host.close();
      const results = [];
      for (const c of consoles)
        results.push(await compareWithHub(join(dir, c.name, 'console.db'), hub.url, c.writer.acked));
      figure('clock skew', {
        seed,
        writes: consoles.reduce((n, c) => n + c.written.length, 0),
        consoles: consoles.map((c) => `${c.name}:${c.written.length}`).join('/'),
        centralDecisions: results[0]!.centralDecisions,
      });
    } finally {
      for (const c of consoles) await c.host.close().catch(() => {});
    }
  });
});
