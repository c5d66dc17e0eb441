import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTITY_DATA } from '../../common/central-api';
import { AuthService } from './auth';
import { seedDemo, seedPresets } from './demo-seed';
import { seededRandom } from './feed-writer';
import { openHubStorage } from './open-hub-storage';
import { startTestHub, testHubDb, type TestHub } from './hub-test-kit';
import { Simulator } from './simulator';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('Simulator', () => {
  it('writes valid status, reading and incident changes through the change log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nawa-sim-'));
    const hub = await openHubStorage(await testHubDb(dir));
    try {
      await seedPresets(hub, new Date());
      await seedDemo(hub, new AuthService(hub), new Date());
      const before = await hub.lastSeq();
      const sim = new Simulator(hub, 60, { random: seededRandom(7) });
      for (let i = 0; i < 400; i++) await sim.step();
      const { rows } = await hub.readChanges(before, 5000);
      expect(rows.length).toBeGreaterThan(350);
      const kinds = new Set(rows.map((r) => r.entity));
      // v1.1: every incident change brings its timeline event(s).
      expect(kinds).toEqual(new Set(['status', 'reading', 'incident', 'incident_event']));
      for (const r of rows) expect(ENTITY_DATA[r.entity].safeParse(JSON.parse(r.data)).success, r.data).toBe(true);
      const incidents = rows
        .filter((r) => r.entity === 'incident')
        .map((r) => JSON.parse(r.data) as { severity: number; status: string; version: number });
      expect(incidents.some((i) => i.version === 1 && i.status === 'reported')).toBe(true);
      expect(incidents.some((i) => i.version > 1)).toBe(true);
      expect(incidents.filter((i) => i.severity <= 3).length).toBeGreaterThan(incidents.length / 2);
    } finally {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops writing once stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nawa-sim-'));
    const hub = await openHubStorage(await testHubDb(dir));
    try {
      await seedDemo(hub, new AuthService(hub), new Date());
      const sim = new Simulator(hub, 6000);
      sim.start();
      await new Promise((r) => setTimeout(r, 150));
      await sim.stop();
      const stoppedAt = await hub.lastSeq();
      await new Promise((r) => setTimeout(r, 150));
      expect(await hub.lastSeq()).toBe(stoppedAt);
    } finally {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs on a timer when the hub simulates', async () => {
    t = await startTestHub({ simulate: 3000 });
    const first = ((await (await t.api('/health')).json()) as { lastSeq: number }).lastSeq;
    await new Promise((r) => setTimeout(r, 400));
    const later = ((await (await t.api('/health')).json()) as { lastSeq: number }).lastSeq;
    expect(later).toBeGreaterThan(first);
  });
});
