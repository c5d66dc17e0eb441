import { afterEach, describe, expect, it } from 'vitest';
import { ChangesResponse, ENTITY_DATA, type Change } from '../../common/central-api';
import type { Site } from '../../common/entities';
import { openHubStorage } from './open-hub-storage';
import { detailFields, expectError, nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function feed(hub: TestHub, token: string, query: string) {
  const res = await hub.api(`/changes?${query}`, { token });
  expect(res.status).toBe(200);
  return ChangesResponse.parse(await res.json());
}

async function everything(hub: TestHub, token: string, entities?: string): Promise<Change[]> {
  const all: Change[] = [];
  let since = 0;
  for (;;) {
    const page = await feed(hub, token, `since=${since}&limit=5000${entities ? `&entities=${entities}` : ''}`);
    all.push(...page.changes);
    since = page.lastSeq;
    if (!page.more) return all;
  }
}

describe('GET /changes', () => {
  it('publishes the demo seed: 390 villages in 33 kecamatan, OPD, places, 4 layouts, series and incidents', async () => {
    t = await startTestHub();
    const token = await t.login('viewer');
    const changes = await everything(t, token);
    for (const c of changes) expect(ENTITY_DATA[c.entity].safeParse(c.data).success, `${c.entity} ${c.id}`).toBe(true);
    const sites = changes.filter((c) => c.entity === 'site').map((c) => c.data as Site);
    const villages = sites.filter((s) => s.kind === 'village');
    expect(villages).toHaveLength(390);
    expect(new Set(villages.map((v) => v.districtCode)).size).toBe(33);
    expect(villages.find((v) => v.id === '35.07.13.1010')).toMatchObject({
      name: 'Kelurahan Kepanjen',
      districtCode: '35.07.13',
    });
    const opd = sites.filter((s) => s.kind === 'opd');
    expect(opd.map((o) => o.id)).toEqual(
      expect.arrayContaining(['SETDA', 'DISKOMINFO', 'BPBD', 'SATPOL-PP', 'RSUD-KANJURUHAN']),
    );
    expect(opd.every((o) => o.districtCode === '35.07.13' && Math.abs(o.lat + 8.1389) < 0.01)).toBe(true);
    expect(sites.find((s) => s.id === 'ranu_pani')).toMatchObject({ kind: 'tourism', districtCode: null });
    expect(sites.find((s) => s.id === 'candi_jago')?.kind).toBe('tourism');
    expect(sites.find((s) => s.id === 'rsud_kanjuruhan')?.kind).toBe('facility');
    expect(sites.find((s) => s.id === 'setda_kab_malang')?.name).toContain('Command Center, lantai 9');
    expect(changes.filter((c) => c.entity === 'status')).toHaveLength(sites.length);
    expect(changes.filter((c) => c.entity === 'layout')).toHaveLength(4);
    const series = changes.filter((c) => c.entity === 'series').map((c) => c.data as { sector: string; name: string });
    expect(new Set(series.map((s) => s.sector))).toEqual(
      new Set(['transport', 'health', 'energy', 'traffic', 'payment', 'education', 'egov', 'connectivity', 'tourism']),
    );
    expect(series.map((s) => s.name)).toContain('Tempat tidur RSUD terisi');
    expect(changes.filter((c) => c.entity === 'reading').length).toBeGreaterThanOrEqual(series.length * 10);
    const incidents = changes.filter((c) => c.entity === 'incident');
    expect(incidents.length).toBeGreaterThanOrEqual(5);
    expect(incidents.map((c) => (c.data as { title: string }).title)).toContain('Banjir di Desa Sitiarjo');
    // seq is strictly increasing across the whole feed.
    expect(changes.every((c, i) => i === 0 || c.seq > (changes[i - 1] as Change).seq)).toBe(true);
  });

  it('pages with limit, more and lastSeq, and filters by entity', async () => {
    t = await startTestHub();
    const token = await t.login('viewer');
    const first = await feed(t, token, 'since=0&limit=10');
    expect(first.changes).toHaveLength(10);
    expect(first.more).toBe(true);
    expect(first.lastSeq).toBe(first.changes[9]?.seq);
    const second = await feed(t, token, `since=${first.lastSeq}&limit=10`);
    expect(second.changes[0]?.seq).toBe(first.lastSeq + 1);
    const defaults = await feed(t, token, '');
    expect(defaults.changes).toHaveLength(500);
    const layouts = await feed(t, token, 'entities=layout,incident');
    expect(new Set(layouts.changes.map((c) => c.entity))).toEqual(new Set(['layout', 'incident']));
    expect(layouts.more).toBe(false);
    const health = (await (await t.api('/health')).json()) as { lastSeq: number };
    expect(layouts.lastSeq).toBe(health.lastSeq);
    const tail = await feed(t, token, `since=${health.lastSeq}`);
    expect(tail).toEqual({ changes: [], lastSeq: health.lastSeq, more: false });
  });

  it('refuses bad query parameters with 400 naming them', async () => {
    t = await startTestHub();
    const token = await t.login('viewer');
    const cases: [string, string][] = [
      ['since=-1', 'since'],
      ['since=abc', 'since'],
      ['since=1.5', 'since'],
      ['since=1e3', 'since'],
      ['since=', 'since'],
      ['since=99999999999999999999', 'since'],
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['limit=99999', 'limit'],
      ['limit=5001', 'limit'],
      ['entities=incident,bogus', 'entities'],
      ['entities=', 'entities'],
      ['entities=Incident', 'entities'],
      ['since=1&since=2', 'since'],
      ['cursor=5', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const error = await expectError(await t.api(`/changes?${query}`, { token }), 400, 'invalid_query');
      expect(detailFields(error), query).toContain(field);
    }
    const max = await feed(t, token, 'limit=5000');
    expect(max.changes.length).toBeGreaterThan(1000);
    expect(max.more).toBe(false);
  });

  it('answers 410 resync_required for a cursor compaction dropped, or one ahead of the hub', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    const id = uuid();
    const incident = {
      id,
      title: 'Genangan air di Desa Kemiri',
      sector: 'disaster',
      severity: 1,
      status: 'reported',
      districtCode: '35.07.13',
      lat: -8.169,
      lon: 112.562,
      assignedOpd: 'BPBD',
      reportedAt: nowIso(),
    };
    const post = (baseVersion: number | undefined, status: string) =>
      t!
        .api('/mutations', {
          method: 'POST',
          token,
          json: {
            consoleId: 'c1',
            mutations: [
              {
                id: uuid(),
                entity: 'incident',
                op: 'upsert',
                baseVersion,
                data: { ...incident, status },
                clientTime: nowIso(),
              },
            ],
          },
        })
        .then(async (r) => ((await r.json()) as { results: { seq: number }[] }).results[0] as { seq: number });
    const created = await post(undefined, 'reported');
    const verified = await post(1, 'verified');
    await post(2, 'dispatched');
    const last = (await feed(t, token, `since=${created.seq - 1}`)).lastSeq;

    await t.hub.close();
    const db = await openHubStorage(t.dbPath);
    // Keep everything after `verified`: the create is superseded and goes, the older statuses of sites too.
    expect(await db.compact(verified.seq)).toBeGreaterThan(0);
    await db.close();
    await t.restart();
    const fresh = await t.login('viewer');

    await expectError(await t.api(`/changes?since=${created.seq}`, { token: fresh }), 410, 'resync_required');
    await expectError(await t.api(`/stream?since=${created.seq}`, { token: fresh }), 410, 'resync_required');
    await expectError(await t.api(`/changes?since=${last + 1000}`, { token: fresh }), 410, 'resync_required');
    // A cursor at or after the floor continues, and a download from 0 is complete and paged without a 410.
    expect((await feed(t, fresh, `since=${verified.seq}`)).changes.some((c) => c.id === id)).toBe(true);
    const all = await everything(t, fresh);
    const mine = all.filter((c) => c.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ version: 3, data: { status: 'dispatched' } });
    expect(all.filter((c) => c.entity === 'site')).toHaveLength(all.filter((c) => c.entity === 'status').length);
    let since = 0;
    for (let pages = 0; ; pages++) {
      const page = await feed(t, fresh, `since=${since}&limit=97`);
      since = page.lastSeq;
      if (!page.more) break;
      expect(pages).toBeLessThan(100);
    }
  });

  it('keeps its data across a restart and does not seed the demo twice', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    const before = await everything(t, token);
    const layoutId = uuid();
    const res = await t.api('/mutations', {
      method: 'POST',
      token: await t.login('presenter'),
      json: {
        consoleId: 'c1',
        mutations: [
          {
            id: uuid(),
            entity: 'layout',
            op: 'upsert',
            data: { id: layoutId, name: 'Malam', grid: { cols: 3, rows: 3 }, tiles: [] },
            clientTime: nowIso(),
          },
        ],
      },
    });
    expect(((await res.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');
    await t.restart();
    const again = await t.login('operator');
    const after = await everything(t, again);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ entity: 'layout', id: layoutId });
    expect(t.hub.accounts).toHaveLength(4);
  });
});
