// 410 resync_required: the console downloads afresh into staging and swaps it in one transaction, never showing
// an empty cache and never losing what waits to be sent (decisions, incident edits).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Result } from '../../common/host-api';
import { createHost, type ConsoleHost } from '../host/host';
import type { Connection } from '../host/host-service';
import { openHubStorage } from '../hub/open-hub-storage';
import { startTestHub, type TestHub } from '../hub/hub-test-kit';
import { ConsoleStore } from './console-store';
import { StagedResync } from './resync';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-resync-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const INC = '5e5e5e5e-0000-4000-8000-000000000001';
const incident = (version: number, title: string) => ({
  id: INC,
  title,
  sector: 'disaster' as const,
  severity: 2,
  status: 'reported' as const,
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.6,
  assignedOpd: null,
  reportedAt: '2026-11-28T00:00:00.000Z',
  updatedAt: `2026-11-28T0${version}:00:00.000Z`,
  version,
});
const change = (seq: number, entity: Change['entity'], id: string, data: unknown, version = 1): Change => ({
  seq,
  entity,
  id,
  op: 'upsert',
  version,
  data,
});

describe('StagedResync', () => {
  it('swaps the central tables in one go and keeps what waits to be sent', () => {
    const store = ConsoleStore.open(join(dir, 'console.db'));
    store.applyPage([change(1, 'incident', INC, incident(1, 'Banjir'))], 1);
    const decision = store.recordDecision(
      {
        id: '5e5e5e5e-0000-4000-8000-0000000000d1',
        decidedAt: '2026-11-28T01:00:00.000Z',
        summary: 'Tunggu',
        rationale: '',
        action: 'Catat',
      },
      'operator',
      'c',
    );
    store.incidentRepo.save({ ...incident(1, 'Banjir rob'), id: INC }, 'operator', '2026-11-28T02:00:00.000Z');
    const mine = { ...incident(1, 'Longsor baru'), id: '5e5e5e5e-0000-4000-8000-000000000002' };
    store.incidentRepo.save(mine, 'operator', '2026-11-28T02:00:00.000Z');

    const staged = new StagedResync(store, join(dir, 'console.db.resync'));
    staged.applyPage([change(7, 'incident', INC, incident(3, 'Banjir (pusat)'), 3)], 7);
    // While staging, the operator still sees the old cache.
    expect(
      store
        .incidents()
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Banjir rob', 'Longsor baru']);
    staged.commit();

    expect(store.cursor()).toBe(7);
    expect(store.decisions().map((d) => [d.id, d.state])).toEqual([[decision.id, 'pending']]);
    expect(
      store
        .incidents()
        .map((i) => [i.title, i.pending])
        .sort(),
    ).toEqual([
      ['Banjir rob', true],
      ['Longsor baru', true],
    ]);
    expect(store.incidentRepo.get(INC)?.central?.version).toBe(3);
    expect(store.outbox.counts().pending).toBe(3);
    store.close();
  });
});

describe('410 resync_required from a real hub', () => {
  let t: TestHub;
  let host: ConsoleHost | null = null;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => {
    await host?.close();
    host = null;
    await t.close();
  });

  it('downloads afresh when the hub no longer keeps changes after the cursor, and ends equal to the hub', async () => {
    const conn: Connection = { id: 'op', operator: null, wall: null };
    const ok = (r: Result<unknown>) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const dataDir = join(dir, 'console');
    host = await createHost({ dataDir, hubUrl: t.hub.url, heartbeatMs: 200 });
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, conn));
    const until = async (f: () => boolean) => {
      const end = Date.now() + 15_000;
      while (!f()) {
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const h = host;
    // The operator's signing key, published at this first login, lands first.
    await until(() => h.sync.status().pending === 0);
    // The last change this console sees is an incident the central side will edit again.
    const token = await t.login('supervisor');
    const created = await t.api('/mutations', {
      method: 'POST',
      token,
      json: {
        consoleId: 'other',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'incident',
            op: 'upsert',
            data: { ...incident(1, 'v1'), updatedAt: undefined, version: undefined },
            clientTime: new Date().toISOString(),
          },
        ],
      },
    });
    expect(created.status).toBe(200);
    // v1.1: the incident's timeline event follows it and is never compacted, so the change this console sees last
    // is a site the central side rewrites later (compaction drops the older copy).
    const site = (name: string) => ({
      id: 'POS-UJI',
      kind: 'facility',
      name,
      districtCode: '35.07.13',
      lat: -8.13,
      lon: 112.57,
    });
    const siteUp = (name: string) =>
      t.api('/mutations', {
        method: 'POST',
        token,
        json: {
          consoleId: 'other',
          mutations: [
            {
              id: crypto.randomUUID(),
              entity: 'site',
              op: 'upsert',
              data: site(name),
              clientTime: new Date().toISOString(),
            },
          ],
        },
      });
    expect((await siteUp('Pos uji 1')).status).toBe(200);
    const seen = ((await (await t.api('/health')).json()) as { lastSeq: number }).lastSeq;
    await until(() => h.sync.status().online && h.store.cursor() === seen);
    await h.close();
    host = null;

    // Meanwhile the central side edits it many times, then compacts its feed past our cursor.
    for (let v = 1; v < 6; v++) {
      await t.api('/mutations', {
        method: 'POST',
        token,
        json: {
          consoleId: 'other',
          mutations: [
            {
              id: crypto.randomUUID(),
              entity: 'incident',
              op: 'upsert',
              baseVersion: v,
              data: { ...incident(v, `v${v + 1}`), updatedAt: undefined, version: undefined },
              clientTime: new Date().toISOString(),
            },
          ],
        },
      });
    }
    await siteUp('Pos uji 2');
    const hubDb = await openHubStorage(t.dbPath);
    expect(await hubDb.compact(await hubDb.lastSeq())).toBeGreaterThan(0);
    const lastSeq = await hubDb.lastSeq();
    await hubDb.close();

    const log: string[] = [];
    host = await createHost({ dataDir, hubUrl: t.hub.url, heartbeatMs: 200, log: (line) => log.push(line) });
    const h2 = host;
    await until(() => h2.store.cursor() === lastSeq);
    expect(log.some((l) => /full download \(410\)/.test(l))).toBe(true);
    expect(h2.store.incidentRepo.get(INC)?.central).toMatchObject({ title: 'v6', version: 6 });
    expect(h2.store.overview().sites).toBeGreaterThanOrEqual(390);
  });
});
