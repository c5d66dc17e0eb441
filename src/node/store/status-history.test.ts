import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import { ConsoleStore } from './console-store';
import { migrate, openDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { StatusHistory } from './status-history';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HISTORY = MIGRATIONS.findIndex((m) => m.name.endsWith('status-history'));
let seq = 0;
const change = (entity: Change['entity'], id: string, data: unknown): Change => ({
  seq: ++seq,
  entity,
  id,
  op: 'upsert',
  version: 1,
  data,
});
const site = (id: string, kind: string, districtCode: string) =>
  change('site', id, { id, kind, name: `Site ${id}`, districtCode, lat: -8.1, lon: 112.5 });
const status = (
  siteId: string,
  at: string,
  state: string,
  latencyMs: number | null = 20,
  bandwidthMbps: number | null = 50,
) => change('status', siteId, { siteId, at, state, latencyMs, bandwidthMbps });

describe('status history migration', () => {
  it('copies the latest statuses an older cache held into the history', () => {
    const path = join(dir, 'old.db');
    const db = openDatabase(path, MIGRATIONS.slice(0, HISTORY));
    db.prepare(
      `INSERT INTO statuses (site_id, at, state, latency_ms, bandwidth_mbps) VALUES ('a', '2026-11-30T01:00:00.000Z', 'down', NULL, NULL)`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT site_id, at, state FROM status_history').all()).toEqual([
      { site_id: 'a', at: '2026-11-30T01:00:00.000Z', state: 'down' },
    ]);
    db.close();
  });
});

describe('status history', () => {
  it('keeps every status the feed applies, including older ones arriving late, once each', () => {
    const store = ConsoleStore.open(join(dir, 'a.db'));
    store.applyPage(
      [
        site('a', 'village', '35.07.12'),
        status('a', '2026-11-30T02:00:00.000Z', 'down'),
        status('a', '2026-11-30T01:00:00.000Z', 'up'),
      ],
      seq,
    );
    store.applyPage([status('a', '2026-11-30T02:00:00.000Z', 'down')], seq);
    expect(store.statusHistory.count()).toBe(2);
    // The latest table still holds the newest only.
    expect(store.sites()[0]?.state).toBe('down');
    store.close();
  });

  it('is bounded by age and by row count, dropping the oldest', () => {
    const db = openDatabase(join(dir, 'b.db'));
    const h = new StatusHistory(db, { keepDays: 2, maxRows: 5 });
    const base = Date.parse('2026-11-30T00:00:00.000Z');
    for (let i = 0; i < 10; i++)
      h.record({
        siteId: 'a',
        at: new Date(base - (i * 86_400_000) / 4).toISOString(),
        state: 'up',
        latencyMs: null,
        bandwidthMbps: null,
      });
    // Ten points 6 h apart, back to 54 h before the newest: the 54 h one is older than 2 days, then the cap of 5
    // takes the four oldest of the nine left.
    expect(h.prune()).toBe(5);
    expect(h.count()).toBe(5);
    const kept = db.prepare('SELECT MIN(at) AS oldest FROM status_history').get() as { oldest: string };
    expect(kept.oldest).toBe(new Date(base - (4 * 86_400_000) / 4).toISOString());
    db.close();
  });
});

describe('connectivity read', () => {
  it('gives since, 7-day uptime, weak tourist links and one grouped outage per kecamatan', () => {
    const store = ConsoleStore.open(join(dir, 'c.db'));
    const now = new Date('2026-11-30T12:00:00.000Z');
    const h = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
    store.applyPage(
      [
        site('v1', 'village', '35.07.12'),
        site('v2', 'village', '35.07.12'),
        site('v3', 'village', '35.07.12'),
        site('v4', 'village', '35.07.13'),
        site('t1', 'tourism', '35.07.24'),
        site('o1', 'opd', '35.07.13'),
        site('f1', 'facility', '35.07.13'),
        status('v1', h(200), 'up'),
        status('v1', h(84), 'down'),
        status('v1', h(10), 'down'),
        status('v2', h(5), 'down'),
        status('v3', h(2), 'down'),
        status('v4', h(1), 'up'),
        status('t1', h(3), 'up', 400, 50),
        status('o1', h(30), 'degraded'),
      ],
      seq,
    );
    const c = store.connectivity({}, now);
    const byId = new Map(c.sites.map((s) => [s.id, s]));
    expect([...byId.keys()].sort()).toEqual(['o1', 't1', 'v1', 'v2', 'v3', 'v4']); // the facility is not monitored
    expect(byId.get('v1')?.since).toBe(h(84));
    // v1 was up from before the window until 84 h ago, down since: half of the 168 hours.
    expect(byId.get('v1')?.uptime).toBeCloseTo(0.5, 6);
    expect(byId.get('v1')?.uptimeKnownMs).toBe(168 * 3_600_000);
    expect(byId.get('v2')?.uptimeKnownMs).toBe(5 * 3_600_000); // first seen 5 h ago
    expect(byId.get('t1')?.weak).toBe(true);
    expect(byId.get('o1')?.weak).toBe(false);
    expect(c.outages).toHaveLength(1);
    expect(c.outages[0]).toMatchObject({
      scope: 'kecamatan',
      districtCode: '35.07.12',
      siteIds: ['v1', 'v2', 'v3'],
      since: h(84),
    });

    const kec13 = store.connectivity({ districtCode: '35.07.13', kind: 'village' }, now);
    expect(kec13.sites.map((s) => s.id)).toEqual(['v4']);
    expect(kec13.outages).toEqual([]);
    store.close();
  });
});
