import { afterEach, describe, expect, it } from 'vitest';
import { ChangesResponse, MutationsResponse, type MutationResult } from '../../common/central-api';
import { publishTestKey } from '../signing/signing-test-kit';
import { detailFields, expectError, nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function push(
  hub: TestHub,
  token: string,
  entity: string,
  data: unknown,
  consoleId = 'console-1',
): Promise<MutationResult> {
  const res = await hub.api('/mutations', {
    method: 'POST',
    token,
    json: { consoleId, mutations: [{ id: uuid(), entity, op: 'upsert', data, clientTime: nowIso() }] },
  });
  expect(res.status).toBe(200);
  return MutationsResponse.parse(await res.json()).results[0] as MutationResult;
}

const incident = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  title: 'Banjir di Desa Sitiarjo',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.04',
  lat: -8.4,
  lon: 112.67,
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
const layout = (source: unknown) => ({
  id: uuid(),
  name: `Uji ${uuid().slice(0, 6)}`,
  grid: { cols: 1, rows: 1 },
  tiles: [{ id: 't', x: 0, y: 0, w: 1, h: 1, source }],
});

describe('request hygiene (v1.1)', () => {
  it('answers non-JSON bodies with 415 before reading them, on every body-taking route', async () => {
    t = await startTestHub();
    const hub = t;
    const token = await hub.login('operator');
    const session = JSON.stringify({ username: 'operator', password: 'demo' });
    for (const type of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ]) {
      await expectError(
        await hub.api('/session', { method: 'POST', body: session, headers: { 'content-type': type } }),
        415,
        'unsupported_media_type',
      );
      const m = await hub.api('/mutations', { method: 'POST', token, body: '{}', headers: { 'content-type': type } });
      await expectError(m, 415, 'unsupported_media_type');
    }
    // No Content-Type at all (a Blob without a type) is not JSON either.
    const bare = await fetch(`${hub.hub.url}/api/v1/session`, { method: 'POST', body: new Blob([session]) });
    await expectError(bare, 415, 'unsupported_media_type');
    // A charset parameter and any letter case are fine.
    expect(
      (
        await hub.api('/session', {
          method: 'POST',
          body: session,
          headers: { 'content-type': 'Application/JSON; charset=utf-8' },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses zero-width-only, control, bidi-override and lone-surrogate text as invalid_data, and stores text NFC and trimmed', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    const bad: [string, unknown, string][] = [
      ['decision', decision({ summary: '\u200B' }), 'data.summary'],
      ['decision', decision({ action: ' \u200B\uFEFF ' }), 'data.action'],
      ['decision', decision({ rationale: 'a\u0000b' }), 'data.rationale'],
      ['incident', incident({ title: 'Banjir \u202Egpj.exe\u0000' }), 'data.title'],
      ['incident', incident({ title: 'Banjir\nlagi' }), 'data.title'],
      ['incident', incident({ title: 'Banjir \u2066x\u2069' }), 'data.title'],
      ['incident', incident({ title: 'Banjir \uD800' }), 'data.title'],
    ];
    for (const [entity, data, field] of bad) {
      const r = await push(t, token, entity, data);
      expect(r, JSON.stringify(data)).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
      expect(detailFields(r.error as never)).toEqual([field]);
    }
    const presenter = await t.login('presenter');
    const l = await push(t, presenter, 'layout', layout({ kind: 'clock', ticker: '\u202Ealert' }));
    expect(l).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect(detailFields(l.error as never)).toEqual(['data.tiles.0.source.ticker']);

    // Multi-line fields keep their line feeds and tabs; everything is stored NFC and trimmed.
    // Signed over the text as the hub will publish it (normalised), sent as typed.
    const signer = await publishTestKey(t, token, 'operator', 'console-1');
    const d = decision({ summary: '  Tutup jalan Kepanjen\u0065\u0301  ', rationale: 'Air naik.\n\tLongsor di km 4.' });
    expect(
      await push(t, token, 'decision', { ...signer.sign(d), summary: d.summary, rationale: d.rationale }),
    ).toMatchObject({ status: 'applied' });
    const feed = ChangesResponse.parse(
      await (await t.api('/changes?since=0&limit=5000&entities=decision', { token })).json(),
    );
    const stored = feed.changes.find((c) => c.id === d.id)?.data as { summary: string; rationale: string };
    expect(stored.summary).toBe('Tutup jalan Kepanjen\u00e9');
    expect(stored.rationale).toBe('Air naik.\n\tLongsor di km 4.');
  });

  it('holds the envelope consoleId to 64 letters, digits, ".", "_", "-"', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    for (const consoleId of ['konsol 1', 'k\u202E1', 'x'.repeat(65), '../etc']) {
      const res = await t.api('/mutations', {
        method: 'POST',
        token,
        json: {
          consoleId,
          mutations: [{ id: uuid(), entity: 'decision', op: 'upsert', data: decision(), clientTime: nowIso() }],
        },
      });
      expect(detailFields(await expectError(res, 400, 'invalid_body'))).toEqual(['consoleId']);
    }
    const signer = await publishTestKey(t, token, 'operator', 'ruang-kendali_1.a');
    expect(await push(t, token, 'decision', signer.sign(decision()), 'ruang-kendali_1.a')).toMatchObject({
      status: 'applied',
    });
  });
});

describe('layout safety (v1.1)', () => {
  it('rejects web tiles off the allow-list and plain-http video off the camera networks with url_not_allowed', async () => {
    t = await startTestHub();
    const presenter = await t.login('presenter');
    const refused = [
      { kind: 'web', url: 'https://example.com/' },
      { kind: 'web', url: 'https://malangkab.go.id.example.com/' },
      { kind: 'web', url: 'http://malangkab.go.id/' },
      { kind: 'video', url: 'http://169.254.169.254/latest/meta-data/' },
      { kind: 'video', url: 'http://10.20.3.4/live' },
    ];
    for (const source of refused) {
      const r = await push(t, presenter, 'layout', layout(source));
      expect(r, source.url).toMatchObject({ status: 'rejected', error: { code: 'url_not_allowed' } });
      expect(detailFields(r.error as never)).toEqual(['data.tiles.0.source.url']);
    }
    for (const source of [
      { kind: 'web', url: 'https://dinkes.malangkab.go.id/peta' },
      { kind: 'video', url: 'https://cctv.example.net/a.m3u8' },
    ]) {
      expect(await push(t, presenter, 'layout', layout(source))).toMatchObject({ status: 'applied' });
    }
  });

  it('takes its allow-list and camera networks from the options', async () => {
    t = await startTestHub({ tilePolicy: { webDomains: ['example.org'], cameraNetworks: ['10.20.0.0/16'] } });
    const presenter = await t.login('presenter');
    expect(await push(t, presenter, 'layout', layout({ kind: 'video', url: 'http://10.20.3.4/live' }))).toMatchObject({
      status: 'applied',
    });
    expect(await push(t, presenter, 'layout', layout({ kind: 'web', url: 'https://peta.example.org/' }))).toMatchObject(
      { status: 'applied' },
    );
    expect(await push(t, presenter, 'layout', layout({ kind: 'web', url: 'https://malangkab.go.id/' }))).toMatchObject({
      status: 'rejected',
      error: { code: 'url_not_allowed' },
    });
    expect(await push(t, presenter, 'layout', layout({ kind: 'video', url: 'http://10.21.0.1/live' }))).toMatchObject({
      status: 'rejected',
      error: { code: 'url_not_allowed' },
    });
  });
});
