// v1.1 at the hub: the incident lifecycle with the contract's codes, notes, the timeline committed with each change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse, MutationsResponse, type Change, type MutationResult } from '../../common/central-api';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../common/entities';
import { TRANSITIONS } from '../../common/incident-lifecycle';
import { expectError, nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub;
let operator: string;
beforeEach(async () => {
  t = await startTestHub();
  operator = await t.login('operator');
});
afterEach(async () => {
  await t.close();
});

type MutationIn = { entity: string; op?: string; baseVersion?: number; data: unknown };
async function push(token: string, mutations: MutationIn[], consoleId = 'posko-kepanjen'): Promise<MutationResult[]> {
  const res = await t.api('/mutations', {
    method: 'POST',
    token,
    json: { consoleId, mutations: mutations.map((m) => ({ id: uuid(), op: 'upsert', clientTime: nowIso(), ...m })) },
  });
  expect(res.status).toBe(200);
  return MutationsResponse.parse(await res.json()).results;
}
const one = async (m: MutationIn, token = operator) => (await push(token, [m]))[0] as MutationResult;

async function feed(entities: string): Promise<Change[]> {
  const res = await t.api(`/changes?since=0&limit=5000&entities=${entities}`, { token: operator });
  return ChangesResponse.parse(await res.json()).changes;
}
const eventsOf = async (incidentId: string) =>
  (await feed('incident_event')).filter((c) => (c.data as { incidentId: string }).incidentId === incidentId);

const incident = (over: Record<string, unknown> = {}) => ({
  id: uuid(),
  title: 'Tanah longsor di Desa Sumberdem',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.19',
  lat: -8.05,
  lon: 112.45,
  assignedOpd: null,
  reportedAt: nowIso(),
  ...over,
});

/** The path from reported to each status, through allowed steps only. */
const PATH: Record<IncidentStatus, IncidentStatus[]> = {
  reported: [],
  verified: ['verified'],
  dispatched: ['verified', 'dispatched'],
  resolved: ['verified', 'dispatched', 'resolved'],
  closed: ['verified', 'closed'],
};

/** A new incident walked to `status`; returns its data and version. */
async function incidentAt(status: IncidentStatus) {
  const data = incident({ assignedOpd: 'BPBD' });
  let version = (await one({ entity: 'incident', data })).version as number;
  for (const step of PATH[status]) {
    const r = await one({ entity: 'incident', baseVersion: version, data: { ...data, status: step } });
    expect(r, `${data.status} -> ${step}`).toMatchObject({ status: 'applied' });
    version = r.version as number;
  }
  return { data, version };
}

describe('incident lifecycle at the hub', () => {
  it('refuses every transition the contract does not allow with invalid_transition, applying nothing', async () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_STATUSES) {
        if (to === from || TRANSITIONS[from].includes(to)) continue;
        const { data, version } = await incidentAt(from);
        const before = (await eventsOf(data.id)).length;
        const r = await one({ entity: 'incident', baseVersion: version, data: { ...data, status: to } });
        expect(r, `${from} -> ${to}`).toMatchObject({
          status: 'rejected',
          error: { code: 'invalid_transition', details: [{ field: 'data.status' }] },
        });
        expect(r.seq).toBeUndefined();
        const mine = (await feed('incident')).filter((c) => c.id === data.id);
        expect(mine.at(-1)?.version, `${from} -> ${to} left the incident alone`).toBe(version);
        expect(await eventsOf(data.id), `${from} -> ${to} wrote no event`).toHaveLength(before);
      }
    }
  });

  it('applies every allowed transition, and the same status with other fields changed', async () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of TRANSITIONS[from]) {
        const { data, version } = await incidentAt(from);
        expect(
          await one({ entity: 'incident', baseVersion: version, data: { ...data, status: to } }),
          `${from} -> ${to}`,
        ).toMatchObject({ status: 'applied', version: version + 1 });
      }
    }
    const { data, version } = await incidentAt('dispatched');
    expect(
      await one({ entity: 'incident', baseVersion: version, data: { ...data, status: 'dispatched', severity: 4 } }),
    ).toMatchObject({ status: 'applied' });
  });

  it('refuses a dispatch without an OPD site with assignment_required', async () => {
    const { data, version } = await incidentAt('verified');
    for (const assignedOpd of [null, undefined, '', 'BUKAN-OPD', '35.07.13.2001']) {
      const r = await one({
        entity: 'incident',
        baseVersion: version,
        data: { ...data, status: 'dispatched', assignedOpd },
      });
      expect(r, String(assignedOpd)).toMatchObject({
        status: 'rejected',
        error: { code: 'assignment_required', details: [{ field: 'data.assignedOpd' }] },
      });
    }
    expect(
      await one({
        entity: 'incident',
        baseVersion: version,
        data: { ...data, status: 'dispatched', assignedOpd: 'DISHUB' },
      }),
    ).toMatchObject({ status: 'applied' });
    // A dispatched incident cannot lose its OPD either.
    const d = await incidentAt('dispatched');
    expect(
      await one({
        entity: 'incident',
        baseVersion: d.version,
        data: { ...d.data, status: 'dispatched', assignedOpd: null },
      }),
    ).toMatchObject({ status: 'rejected', error: { code: 'assignment_required' } });
  });

  it('creates as reported, or verified by a supervisor only', async () => {
    const supervisor = await t.login('supervisor');
    expect(await one({ entity: 'incident', data: incident({ status: 'verified' }) })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_transition' },
    });
    expect(await one({ entity: 'incident', data: incident({ status: 'verified' }) }, supervisor)).toMatchObject({
      status: 'applied',
    });
    for (const status of ['dispatched', 'resolved', 'closed']) {
      expect(
        await one({ entity: 'incident', data: incident({ status, assignedOpd: 'BPBD' }) }, supervisor),
        status,
      ).toMatchObject({ status: 'rejected', error: { code: 'invalid_transition' } });
    }
  });
});

describe('incident timeline at the hub', () => {
  it('writes the events of each applied change right after it, with the caller and console, from and to', async () => {
    const data = incident({ severity: 2 });
    const created = await one({ entity: 'incident', data });
    const verified = await one({
      entity: 'incident',
      baseVersion: 1,
      data: { ...data, status: 'verified', severity: 4 },
    });
    const dispatched = await one({
      entity: 'incident',
      baseVersion: 2,
      data: {
        ...data,
        status: 'dispatched',
        severity: 4,
        assignedOpd: 'BPBD',
        title: 'Longsor besar di Desa Sumberdem',
      },
    });
    const events = await eventsOf(data.id);
    expect(events.map((e) => e.data)).toEqual([
      {
        id: expect.any(String),
        incidentId: data.id,
        at: expect.any(String),
        operatorId: 'operator',
        consoleId: 'posko-kepanjen',
        kind: 'created',
        to: 'reported',
      },
      expect.objectContaining({ kind: 'status', from: 'reported', to: 'verified' }),
      expect.objectContaining({ kind: 'severity', from: 2, to: 4 }),
      expect.objectContaining({ kind: 'status', from: 'verified', to: 'dispatched' }),
      expect.objectContaining({ kind: 'assigned', from: null, to: 'BPBD' }),
      expect.objectContaining({ kind: 'edited' }),
    ]);
    // In the same transaction: each change's events take the seqs right after it.
    expect(events.map((e) => e.seq)).toEqual([
      (created.seq as number) + 1,
      (verified.seq as number) + 1,
      (verified.seq as number) + 2,
      (dispatched.seq as number) + 1,
      (dispatched.seq as number) + 2,
      (dispatched.seq as number) + 3,
    ]);
    const incidentChanges = (await feed('incident')).filter((c) => c.id === data.id);
    expect((events[0]?.data as { at: string }).at).toBe((incidentChanges[0]?.data as { updatedAt: string }).updatedAt);
  });

  it('writes no event for a rejected, conflicting or duplicate change, and none is writable by a client', async () => {
    const data = incident();
    const m = { id: uuid(), entity: 'incident', op: 'upsert', data, clientTime: nowIso() };
    await t.api('/mutations', { method: 'POST', token: operator, json: { consoleId: 'c1', mutations: [m] } });
    const dup = await t.api('/mutations', {
      method: 'POST',
      token: operator,
      json: { consoleId: 'c1', mutations: [m] },
    });
    expect(MutationsResponse.parse(await dup.json()).results[0]?.status).toBe('duplicate');
    expect(await one({ entity: 'incident', data: { ...data, title: 'lagi' } })).toMatchObject({ status: 'conflict' });
    expect(await one({ entity: 'incident', baseVersion: 1, data: { ...data, status: 'resolved' } })).toMatchObject({
      status: 'rejected',
    });
    expect(await eventsOf(data.id)).toHaveLength(1);
    const forged = await one({
      entity: 'incident_event',
      data: { id: 'x', incidentId: data.id, at: nowIso(), operatorId: 'operator', consoleId: 'c1', kind: 'note' },
    });
    expect(forged).toMatchObject({ status: 'rejected', error: { code: 'read_only_entity' } });
  });

  it('commits an incident change only with its events: when the event cannot be written, neither is the change', async () => {
    const data = incident();
    expect(await one({ entity: 'incident', data })).toMatchObject({ status: 'applied' });
    if (t.backend === 'sqlite') {
      await t.sql(`CREATE TRIGGER no_events BEFORE INSERT ON changes WHEN NEW.entity = 'incident_event'
        BEGIN SELECT RAISE(ABORT, 'incident_event refused for the test'); END`);
    } else {
      await t.sql(`CREATE FUNCTION no_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.entity = 'incident_event' THEN RAISE EXCEPTION 'incident_event refused for the test'; END IF;
        RETURN NEW; END $$`);
      await t.sql('CREATE TRIGGER no_events BEFORE INSERT ON changes FOR EACH ROW EXECUTE FUNCTION no_events()');
    }
    const r = await one({ entity: 'incident', baseVersion: 1, data: { ...data, status: 'verified' } });
    expect(r).toMatchObject({ status: 'rejected', error: { code: 'internal_error' } });
    await t.sql(t.backend === 'sqlite' ? 'DROP TRIGGER no_events' : 'DROP TRIGGER no_events ON changes');
    expect((await feed('incident')).filter((c) => c.id === data.id).map((c) => c.version)).toEqual([1]);
    // The mutation was not recorded either, so sending it again applies it now.
    expect(await one({ entity: 'incident', baseVersion: 1, data: { ...data, status: 'verified' } })).toMatchObject({
      status: 'applied',
      version: 2,
    });
    expect((await eventsOf(data.id)).map((e) => (e.data as { kind: string }).kind)).toEqual(['created', 'status']);
  });

  it('gives the demo incidents a created event each', async () => {
    const events = (await feed('incident_event')).map((e) => e.data as { kind: string; operatorId: string });
    expect(events.filter((e) => e.kind === 'created' && e.operatorId === 'nawa-hub').length).toBeGreaterThanOrEqual(7);
  });
});

describe('incident notes at the hub', () => {
  it('appends a note with central at, operator and console, and a note event naming it', async () => {
    const data = incident();
    await one({ entity: 'incident', data });
    const note = {
      id: uuid(),
      incidentId: data.id,
      text: '  Tim BPBD tiba di lokasi.\nJalan desa tertutup material.  ',
    };
    const r = await one({ entity: 'incident_note', data: note });
    expect(r).toMatchObject({ status: 'applied', version: 1 });
    const notes = (await feed('incident_note')).filter((c) => c.id === note.id);
    expect(notes.map((c) => c.data)).toEqual([
      {
        ...note,
        text: 'Tim BPBD tiba di lokasi.\nJalan desa tertutup material.',
        at: expect.any(String),
        operatorId: 'operator',
        consoleId: 'posko-kepanjen',
      },
    ]);
    const events = await eventsOf(data.id);
    expect(events.at(-1)).toMatchObject({
      seq: (r.seq as number) + 1,
      data: { kind: 'note', noteId: note.id, operatorId: 'operator' },
    });
    expect(await one({ entity: 'incident_note', data: { ...note, text: 'diubah' } })).toMatchObject({
      status: 'rejected',
      error: { code: 'append_only' },
    });
    expect(await one({ entity: 'incident_note', op: 'delete', data: { id: note.id } })).toMatchObject({
      status: 'rejected',
      error: { code: 'op_not_allowed' },
    });
    expect(await eventsOf(data.id)).toHaveLength(events.length);
  });

  it('refuses a note on an unknown incident, with central fields, empty or too long, or from a viewer', async () => {
    const data = incident();
    await one({ entity: 'incident', data });
    const note = (over: Record<string, unknown> = {}) => ({
      id: uuid(),
      incidentId: data.id,
      text: 'Catatan',
      ...over,
    });
    expect(await one({ entity: 'incident_note', data: note({ incidentId: uuid() }) })).toMatchObject({
      status: 'rejected',
      error: { code: 'not_found', details: [{ field: 'data.incidentId' }] },
    });
    expect(await one({ entity: 'incident_note', data: note({ at: nowIso() }) })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_data' },
    });
    expect(await one({ entity: 'incident_note', data: note({ operatorId: 'bupati' }) })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_data' },
    });
    expect(await one({ entity: 'incident_note', data: note({ text: '   ' }) })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_data' },
    });
    expect(await one({ entity: 'incident_note', data: note({ text: 'x'.repeat(2001) }) })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_data' },
    });
    const presenter = await one({ entity: 'incident_note', data: note() }, await t.login('presenter'));
    expect(presenter).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    const viewer = await t.api('/mutations', {
      method: 'POST',
      token: await t.login('viewer'),
      json: {
        consoleId: 'c1',
        mutations: [{ id: uuid(), entity: 'incident_note', op: 'upsert', data: note(), clientTime: nowIso() }],
      },
    });
    await expectError(viewer, 403);
    expect(await feed('incident_note')).toHaveLength(0);
    expect(await eventsOf(data.id)).toHaveLength(1);
  });
});

describe('series thresholds at the hub', () => {
  it('lets a supervisor set and remove thresholds, and nothing else of the series', async () => {
    const supervisor = await t.login('supervisor');
    const held = (await feed('series'))[0]?.data as Record<string, unknown>;
    expect(held).toBeDefined();
    const thresholds = { direction: 'above', warning: 70, critical: 90 };
    const set = await one({ entity: 'series', data: { ...held, thresholds } }, supervisor);
    expect(set).toMatchObject({ status: 'applied', version: 2 });
    const published = (await feed('series')).filter((c) => c.id === held.id);
    expect(published.at(-1)).toMatchObject({ seq: set.seq, data: { ...held, thresholds } });
    expect(await one({ entity: 'series', data: { ...held, thresholds } })).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
    const renamed = await one(
      { entity: 'series', data: { ...held, name: 'Nama lain', unit: 'x', thresholds } },
      supervisor,
    );
    expect(renamed).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect((renamed.error?.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'data.name',
      'data.unit',
    ]);
    expect(
      await one(
        { entity: 'series', data: { ...held, thresholds: { direction: 'above', warning: 90, critical: 70 } } },
        supervisor,
      ),
    ).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect(await one({ entity: 'series', data: { ...held, id: 'tidak-ada', thresholds } }, supervisor)).toMatchObject({
      status: 'rejected',
      error: { code: 'not_found' },
    });
    const removed = await one({ entity: 'series', data: held }, supervisor);
    expect(removed).toMatchObject({ status: 'applied', version: 3 });
    expect((await feed('series')).filter((c) => c.id === held.id).at(-1)?.data).toEqual(held);
  });
});
