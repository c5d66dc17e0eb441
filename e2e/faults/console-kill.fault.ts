// kill -9 of the console host while operators write: every write the UI was told is saved reaches the hub
// exactly once, the file stays intact, the decision chain verifies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../src/node/hub/hub';
import { startChild, type Child } from './support/children';
import { compareWithHub, converged } from './support/compare';
import { figure, LONG, seeded, sleep } from './support/fault-config';
import { HostDriver } from './support/host-driver';

const WRITES = LONG ? 10_000 : 300;
const KILLS = LONG ? 200 : 5;
const IN_FLIGHT = 4;

let dir: string;
let hub: Hub;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-fault-console-'));
  hub = await startHub({
    dbPath: join(dir, 'hub.db'),
    seed: 'demo',
    port: 0,
    heartbeatMs: 500,
    limits: { requestsPerMinute: 1_000_000 },
  });
});
afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 of the console host during writes', () => {
  it(`keeps every acknowledged write of ${WRITES}, exactly once, across ${KILLS} kills`, async () => {
    const { random, seed } = seeded();
    const dataDir = join(dir, 'console');
    const start = () => startChild('host-child.ts', { hubUrl: hub.url, dataDir, heartbeatMs: 500 });
    // Kill points spread over the writes; some kills land while the host is still recovering, before any write.
    const killAt = Array.from({ length: KILLS }, () => Math.floor(random() * WRITES)).sort((a, b) => a - b);
    const acked = new Map<string, string>();
    let issued = 0;
    let kills = 0;
    let unanswered = 0;
    let host: Child = await start();
    const t0 = Date.now();
    try {
      while (issued < WRITES || kills < KILLS) {
        if (kills < KILLS && random() < 0.15) {
          // Killed during recovery: the backlog is being pushed, the stream opened.
          await sleep(random() * 400);
          await host.kill9();
          kills++;
          host = await start();
          continue;
        }
        const driver = await HostDriver.connect(host.url);
        await driver.value('session.login', { username: 'operator', password: 'demo' });
        const stopAt = kills < KILLS ? Math.max(killAt[kills]!, issued + 1) : WRITES;
        let killing: Promise<void> | null = null;
        const writer = async () => {
          while (issued < Math.min(stopAt, WRITES) && !killing) {
            const summary = `fault: console-kill #${issued++}`;
            try {
              const r = await driver.request('decisions.record', {
                summary,
                rationale: 'kill -9 test',
                action: 'Catat',
              });
              if (r.ok) acked.set((r.value as { decision: { id: string } }).decision.id, summary);
            } catch {
              unanswered++; // the host died before answering: not acknowledged, may or may not be saved
            }
          }
        };
        const writers = Array.from({ length: IN_FLIGHT }, () => writer());
        if (kills < KILLS) {
          // Kill while writes are in flight and pushes run.
          while (issued < stopAt && issued < WRITES) await sleep(1);
          killing = sleep(random() * 15).then(() => host.kill9());
          await killing;
          kills++;
        }
        await Promise.all(writers);
        driver.close();
        if (killing) host = await start();
      }
      const driver = await HostDriver.connect(host.url);
      const ms = await converged(() => driver.value('sync.status'), hub.url, 60_000);
      driver.close();
      await host.stop();
      const result = await compareWithHub(join(dataDir, 'console.db'), hub.url, acked);
      figure('console kill -9', {
        seed,
        writes: issued,
        acknowledged: acked.size,
        unanswered,
        kills,
        convergedMs: ms,
        seconds: ((Date.now() - t0) / 1000).toFixed(1),
        ...result,
      });
      expect(acked.size).toBeGreaterThan(WRITES * 0.9);
    } catch (e) {
      throw new Error(`${(e as Error).message}\nhost log:\n${host.log().slice(-3000)}`, { cause: e });
    } finally {
      await host.kill9();
    }
  });
});
