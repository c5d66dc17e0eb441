import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse, MAX_BODY_BYTES, MutationsResponse, type MutationResult } from '../../common/central-api';
import { PRESET_LAYOUTS } from '../../common/presets';
import { publishTestKey } from '../signing/signing-test-kit';
import { detailFields, expectError, nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub;
let operator: string;
beforeEach(async () => {
  t = await startTestHub();
  operator = await t.login('operator');
});
afterEach(async () => {
  await t.close();
});

type MutationIn = {
  id?: string;
  entity: string;
  op?: string;
  baseVersion?: number;
  data: unknown;
  clientTime?: string;
};

async function push(token: string, mutations: MutationIn[], consoleId = 'console-1'): Promise<MutationResult[]> {
  const res = await t.api('/mutations', {
    method: 'POST',
    token,
    json: { consoleId, mutations: mutations.map((m) => ({ id: uuid(), op: 'upsert', clientTime: nowIso(), ...m })) },
  });
  expect(res.status).toBe(200);
  const { results } = MutationsResponse.parse(await res.json());
  expect(results).toHaveLength(mutations.length);
  return results;
}
const one = async (token: string, m: MutationIn) => (await push(token, [m]))[0] as MutationResult;

const incident = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  title: 'Banjir di Desa Sitiarjo',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.04',
  lat: -8.4,
  lon: 112.67,
  assignedOpd: 'BPBD',
  reportedAt: nowIso(),
  ...over,
});
const decision = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  decidedAt: nowIso(),
  summary: 'Kirim tim BPBD',
  rationale: 'Air naik',
  action: 'Evakuasi warga',
  ...over,
});

async function changesOf(entity: string) {
  const res = await t.api(`/changes?since=0&limit=5000&entities=${entity}`, { token: operator });
  return ChangesResponse.parse(await res.json()).changes;
}

describe('POST /mutations: incidents', () => {
  it('creates, updates on the current version, and answers a stale baseVersion with a conflict and the central record', async () => {
    const data = incident();
    const created = await one(operator, { entity: 'incident', data });
    expect(created).toMatchObject({ status: 'applied', version: 1, seq: expect.any(Number) });
    const updated = await one(operator, { entity: 'incident', baseVersion: 1, data: { ...data, status: 'verified' } });
    expect(updated).toMatchObject({ status: 'applied', version: 2 });
    expect(updated.seq).toBeGreaterThan(created.seq as number);
    const stale = await one(operator, { entity: 'incident', baseVersion: 1, data: { ...data, severity: 4 } });
    expect(stale).toMatchObject({
      status: 'conflict',
      version: 2,
      current: { ...data, status: 'verified', version: 2 },
    });
    expect(stale.seq).toBeUndefined();
    const again = await one(operator, { entity: 'incident', data: { ...data, title: 'lagi' } });
    expect(again).toMatchObject({ status: 'conflict', version: 2 });
    const feed = (await changesOf('incident')).filter((c) => c.id === data.id);
    expect(feed.map((c) => c.version)).toEqual([1, 2]);
    expect(feed[1]?.data).toMatchObject({ status: 'verified', severity: 3, version: 2, updatedAt: expect.any(String) });
  });

  it('rejects an update of an unknown incident, invalid data and central-owned fields, naming the fields', async () => {
    const unknown = await one(operator, { entity: 'incident', baseVersion: 3, data: incident() });
    expect(unknown).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    const bad = await one(operator, {
      entity: 'incident',
      data: incident({ severity: 9, districtCode: 'Kepanjen', title: '' }),
    });
    expect(bad).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect(detailFields(bad.error as never).sort()).toEqual(['data.districtCode', 'data.severity', 'data.title']);
    const owned = await one(operator, { entity: 'incident', data: { ...incident(), version: 5, updatedAt: nowIso() } });
    expect(owned).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect(detailFields(owned.error as never).sort()).toEqual(['data.updatedAt', 'data.version']);
    const del = await one(operator, { entity: 'incident', op: 'delete', data: { id: uuid() } });
    expect(del).toMatchObject({ status: 'rejected', error: { code: 'op_not_allowed' } });
    expect(await changesOf('incident')).toHaveLength(7);
  });

  it('orders by central seq, never by client clocks', async () => {
    const future = new Date(Date.now() + 9 * 3_600_000).toISOString();
    const past = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const a = incident({ title: 'dari konsol yang jamnya maju', reportedAt: future });
    const b = incident({ title: 'dari konsol yang jamnya mundur', reportedAt: past });
    const [ra] = await push(operator, [{ entity: 'incident', data: a, clientTime: future }], 'fast-clock');
    const [rb] = await push(operator, [{ entity: 'incident', data: b, clientTime: past }], 'slow-clock');
    expect(ra?.status).toBe('applied');
    expect(rb?.status).toBe('applied');
    expect(rb?.seq).toBeGreaterThan(ra?.seq as number);
    const feed = await changesOf('incident');
    expect(feed.slice(-2).map((c) => c.id)).toEqual([a.id, b.id]);
    // The hub stamps updatedAt with its own clock.
    const stamped = Date.parse((feed.at(-2)?.data as { updatedAt: string }).updatedAt);
    expect(Math.abs(stamped - Date.now())).toBeLessThan(60_000);
  });
});

describe('POST /mutations: idempotency', () => {
  it('answers a retry as duplicate with the same seq and version, and a reused id with other content as rejected', async () => {
    const m = { id: uuid(), entity: 'incident', op: 'upsert', data: incident(), clientTime: nowIso() };
    const first = await one(operator, m);
    expect(first.status).toBe('applied');
    await one(operator, { entity: 'incident', baseVersion: 1, data: { ...m.data, status: 'verified' } });
    const retry = await one(operator, { ...m, clientTime: nowIso() });
    expect(retry).toEqual({ id: m.id, status: 'duplicate', seq: first.seq, version: first.version });
    const [inBatch1, inBatch2] = await push(operator, [m, m]);
    expect(inBatch1).toEqual(retry);
    expect(inBatch2).toEqual(retry);
    const reused = await one(operator, { ...m, data: { ...m.data, title: 'Judul lain' } });
    expect(reused).toMatchObject({ id: m.id, status: 'rejected', error: { code: 'idempotency_key_reused' } });
    expect((await changesOf('incident')).filter((c) => c.id === m.data.id)).toHaveLength(2);
  });

  it('does not let one bad mutation block the others in the call, and answers in order', async () => {
    const good1 = incident();
    const good2 = incident();
    const results = await push(operator, [
      { entity: 'incident', data: good1 },
      { entity: 'incident', data: { ...incident(), sector: 'weather' } },
      {
        entity: 'status',
        data: { siteId: 'SETDA', at: nowIso(), state: 'down', latencyMs: null, bandwidthMbps: null },
      },
      { entity: 'layout', data: { ...PRESET_LAYOUTS[0], id: uuid() } },
      { entity: 'incident', data: good2 },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(results.map((r) => r.error?.code)).toEqual([
      undefined,
      'invalid_data',
      'read_only_entity',
      'forbidden',
      undefined,
    ]);
    const ids = (await changesOf('incident')).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([good1.id, good2.id]));
  });

  it('rejects a malformed mutation alone when it has an id, and the whole call when it has none', async () => {
    const id = uuid();
    const res = await t.api('/mutations', {
      method: 'POST',
      token: operator,
      json: {
        consoleId: 'c',
        mutations: [
          { id, entity: 'incident', op: 'upsert', data: incident(), clientTime: 'yesterday', extra: 1 },
          { id: uuid(), entity: 'incident', op: 'upsert', data: incident(), clientTime: nowIso() },
        ],
      },
    });
    const { results } = MutationsResponse.parse(await res.json());
    expect(results[0]).toMatchObject({ id, status: 'rejected', error: { code: 'invalid_mutation' } });
    expect(detailFields(results[0]?.error as never).sort()).toEqual(['mutations.0.clientTime', 'mutations.0.extra']);
    expect(results[1]?.status).toBe('applied');
    const noId = await t.api('/mutations', {
      method: 'POST',
      token: operator,
      json: { consoleId: 'c', mutations: [{ entity: 'incident' }] },
    });
    expect(detailFields(await expectError(noId, 400, 'invalid_body'))).toEqual(['mutations.0.id']);
  });
});

describe('POST /mutations: decisions', () => {
  it('chains decisions by seq with hashes anyone can recompute from the feed', async () => {
    const { verifyDecisionChain } = await import('./decision-chain');
    const supervisor = await t.login('supervisor');
    const opKey = await publishTestKey(t, operator, 'operator', 'console-1');
    const supKey = await publishTestKey(t, supervisor, 'supervisor', 'console-2');
    const d1 = opKey.sign(decision({ incidentId: uuid() }));
    const d2 = supKey.sign(decision({ rationale: '' }));
    const r1 = await one(operator, { id: d1.id, entity: 'decision', data: d1 });
    const [r2] = await push(supervisor, [{ entity: 'decision', data: d2 }], 'console-2');
    const r3 = await one(operator, {
      entity: 'decision',
      data: opKey.sign(decision({ summary: 'Koreksi', supersedes: d1.id })),
    });
    expect([r1.status, r2?.status, r3.status]).toEqual(['applied', 'applied', 'applied']);
    const feed = await changesOf('decision');
    const decisions = feed.map(
      (c) =>
        c.data as { id: string; seq: number; prevHash: string; hash: string; operatorId: string; consoleId: string },
    );
    expect(feed.map((c) => c.seq)).toEqual(decisions.map((d) => d.seq));
    expect(verifyDecisionChain(decisions)).toMatchObject({ ok: true, count: decisions.length });
    expect(decisions[0]?.prevHash).toBe('0'.repeat(64));
    const mine = decisions.find((d) => d.id === d1.id);
    expect(mine).toMatchObject({ operatorId: 'operator', consoleId: 'console-1', seq: r1.seq });
    expect(decisions.find((d) => d.id === d2.id)).toMatchObject({ operatorId: 'supervisor', consoleId: 'console-2' });
    // Tampering with any published field breaks the chain at that decision.
    const tampered = decisions.map((d) => (d.id === d2.id ? { ...d, summary: 'diubah' } : d));
    expect(verifyDecisionChain(tampered)).toMatchObject({ ok: false, id: d2.id });
  });

  it('keeps decisions append only and checks supersedes', async () => {
    const opKey = await publishTestKey(t, operator, 'operator', 'console-1');
    const d = opKey.sign(decision());
    expect((await one(operator, { entity: 'decision', data: d })).status).toBe('applied');
    const update = await one(operator, { entity: 'decision', data: { ...d, summary: 'Diubah' } });
    expect(update).toMatchObject({ status: 'rejected', error: { code: 'append_only' } });
    const del = await one(operator, { entity: 'decision', op: 'delete', data: { id: d.id } });
    expect(del).toMatchObject({ status: 'rejected', error: { code: 'op_not_allowed' } });
    const orphan = await one(operator, { entity: 'decision', data: opKey.sign(decision({ supersedes: uuid() })) });
    expect(orphan).toMatchObject({ status: 'rejected', error: { code: 'unknown_decision' } });
    const owned = await one(operator, {
      entity: 'decision',
      data: { ...decision(), operatorId: 'someone', hash: 'f'.repeat(64) },
    });
    expect(detailFields(owned.error as never).sort()).toEqual(['data.hash', 'data.operatorId']);
    expect(await changesOf('decision')).toHaveLength(3);
  });
});

describe('POST /mutations: layouts and sites', () => {
  it('lets a presenter create, update, conflict on and delete a layout', async () => {
    const presenter = await t.login('presenter');
    const layout = {
      id: uuid(),
      name: 'Banjir',
      grid: { cols: 3, rows: 3 },
      tiles: [{ id: 'p', x: 0, y: 0, w: 3, h: 3, source: { kind: 'incidents' } }],
    };
    expect(await one(presenter, { entity: 'layout', data: layout })).toMatchObject({ status: 'applied', version: 1 });
    expect(
      await one(presenter, { entity: 'layout', baseVersion: 1, data: { ...layout, name: 'Banjir Selatan' } }),
    ).toMatchObject({ status: 'applied', version: 2 });
    const stale = await one(presenter, { entity: 'layout', op: 'delete', baseVersion: 1, data: { id: layout.id } });
    expect(stale).toMatchObject({ status: 'conflict', current: { name: 'Banjir Selatan', version: 2 } });
    const noBase = await one(presenter, { entity: 'layout', op: 'delete', data: { id: layout.id } });
    expect(noBase).toMatchObject({ status: 'rejected', error: { code: 'base_version_required' } });
    expect(
      await one(presenter, { entity: 'layout', op: 'delete', baseVersion: 2, data: { id: layout.id } }),
    ).toMatchObject({ status: 'applied', version: 3 });
    const last = (await changesOf('layout')).at(-1);
    expect(last).toMatchObject({ id: layout.id, op: 'delete', version: 3, data: null });
    const overlap = await one(presenter, {
      entity: 'layout',
      data: {
        ...layout,
        id: uuid(),
        tiles: [...layout.tiles, { id: 'q', x: 1, y: 1, w: 1, h: 1, source: { kind: 'clock' } }],
      },
    });
    expect(overlap).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect(await one(operator, { entity: 'layout', data: { ...layout, id: uuid() } })).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
  });

  it('lets only a supervisor write sites, including deletes', async () => {
    const supervisor = await t.login('supervisor');
    const site = {
      id: 'cctv-kepanjen-01',
      kind: 'cctv',
      name: 'CCTV Alun-alun Kepanjen',
      districtCode: '35.07.13',
      lat: -8.13,
      lon: 112.57,
    };
    expect(await one(operator, { entity: 'site', data: site })).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
    expect(await one(supervisor, { entity: 'site', data: site })).toMatchObject({ status: 'applied', version: 1 });
    expect(await one(supervisor, { entity: 'site', data: { ...site, name: 'CCTV Pasar Kepanjen' } })).toMatchObject({
      status: 'applied',
      version: 2,
    });
    expect(await one(supervisor, { entity: 'site', op: 'delete', data: { id: site.id } })).toMatchObject({
      status: 'applied',
      version: 3,
    });
    expect(await one(supervisor, { entity: 'site', op: 'delete', data: { id: site.id } })).toMatchObject({
      status: 'rejected',
      error: { code: 'not_found' },
    });
    const badId = await one(supervisor, { entity: 'site', data: { ...site, id: 'bad id!' } });
    expect(detailFields(badId.error as never)).toEqual(['data.id']);
  });
});

describe('POST /mutations: the call itself', () => {
  it('refuses a viewer for the whole call', async () => {
    const viewer = await t.login('viewer');
    const res = await t.api('/mutations', {
      method: 'POST',
      token: viewer,
      json: {
        consoleId: 'wall',
        mutations: [{ id: uuid(), entity: 'incident', op: 'upsert', data: incident(), clientTime: nowIso() }],
      },
    });
    await expectError(res, 403, 'forbidden');
    expect(await changesOf('incident')).toHaveLength(7);
  });

  it('answers malformed envelopes with 400 naming the fields', async () => {
    const m = { id: uuid(), entity: 'incident', op: 'upsert', data: incident(), clientTime: nowIso() };
    const cases: [unknown, string[]][] = [
      [{ mutations: [m] }, ['consoleId']],
      [{ consoleId: 'c', mutations: [] }, ['mutations']],
      [{ consoleId: 'c', mutations: m }, ['mutations']],
      [{ consoleId: 'c', mutations: [m], dryRun: true }, ['dryRun']],
      [{ consoleId: 42, mutations: [m] }, ['consoleId']],
      [{ consoleId: 'c', mutations: Array.from({ length: 501 }, () => ({ ...m, id: uuid() })) }, ['mutations']],
      ['just a string', ['(body)']],
      [null, ['(body)']],
    ];
    for (const [json, fields] of cases) {
      const error = await expectError(
        await t.api('/mutations', { method: 'POST', token: operator, json }),
        400,
        'invalid_body',
      );
      expect(detailFields(error)).toEqual(fields);
    }
    await expectError(
      await t.api('/mutations', { method: 'POST', token: operator, body: '{"consoleId":"c",' }),
      400,
      'malformed_json',
    );
    await expectError(
      await t.api('/mutations', {
        method: 'POST',
        token: operator,
        body: 'consoleId=c',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported_media_type',
    );
  });

  it('rejects data JSON can carry but the hub cannot hash, without a 5xx', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const data of [`{"x":${deep}}`, '{"severity":1e400}']) {
      const res = await t.api('/mutations', {
        method: 'POST',
        token: operator,
        body: `{"consoleId":"c","mutations":[{"id":"${uuid()}","entity":"incident","op":"upsert","data":${data},"clientTime":"${nowIso()}"}]}`,
      });
      const { results } = MutationsResponse.parse(await res.json());
      expect(results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_mutation' } });
    }
    const proto = await one(operator, {
      entity: 'incident',
      data: JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(incident()).slice(1)}`),
    });
    expect(detailFields(proto.error as never)).toEqual(['data.__proto__']);
  });

  it('answers a body over 1 MiB with 413, and still serves the connection after', async () => {
    const big = {
      consoleId: 'c',
      mutations: [
        {
          id: uuid(),
          entity: 'decision',
          op: 'upsert',
          data: decision({ rationale: 'x'.repeat(MAX_BODY_BYTES) }),
          clientTime: nowIso(),
        },
      ],
    };
    const error = await expectError(
      await t.api('/mutations', { method: 'POST', token: operator, json: big }),
      413,
      'payload_too_large',
    );
    expect(error.details).toEqual({ limit: MAX_BODY_BYTES });
    await expectError(
      await t.api('/session', { method: 'POST', body: 'x'.repeat(3 * MAX_BODY_BYTES) }),
      413,
      'payload_too_large',
    );
    expect((await t.api('/health')).status).toBe(200);
    expect(await changesOf('decision')).toHaveLength(2);
  });
});
