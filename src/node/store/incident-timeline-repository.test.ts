import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Incident, IncidentInput } from '../../common/entities';
import type { IncidentEvent, IncidentNote } from '../../common/incident-timeline';
import { ConsoleStore } from './console-store';
import { openDatabase, migrate } from './database';
import { MIGRATIONS } from './migrations';

let dir: string;
let store: ConsoleStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-timeline-'));
  store = ConsoleStore.open(join(dir, 'c.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ID = '9a9a9a9a-0000-4000-8000-000000000001';
const NOTE = '9a9a9a9a-0000-4000-8000-0000000000a1';
const base: IncidentInput = {
  id: ID,
  title: 'Tanah longsor di Desa Sumberdem',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.19',
  lat: -8.05,
  lon: 112.45,
  assignedOpd: null,
  reportedAt: '2026-12-01T01:00:00.000Z',
};
const central = (version: number, patch: Partial<Incident> = {}): Incident => ({
  ...base,
  version,
  updatedAt: `2026-12-01T0${version}:00:00.000Z`,
  ...patch,
});
const inc = (seq: number, data: Incident): Change => ({
  seq,
  entity: 'incident',
  id: ID,
  op: 'upsert',
  version: data.version,
  data,
});
const ev = (seq: number, e: Partial<IncidentEvent>): Change => {
  const data = {
    id: `e${seq}`,
    incidentId: ID,
    at: `2026-12-01T0${seq}:00:00.000Z`,
    operatorId: 'operator',
    consoleId: 'c1',
    kind: 'created',
    ...e,
  };
  return { seq, entity: 'incident_event', id: data.id, op: 'upsert', version: 1, data };
};
const note = (seq: number, n: Partial<IncidentNote> = {}): Change => {
  const data = {
    id: NOTE,
    incidentId: ID,
    text: 'Jalan desa tertutup material',
    at: '2026-12-01T03:00:00.000Z',
    operatorId: 'operator',
    consoleId: 'c1',
    ...n,
  };
  return { seq, entity: 'incident_note', id: data.id, op: 'upsert', version: 1, data };
};

describe('incident timeline in the console store', () => {
  it("keeps the feed's events in seq order with the text of their notes", () => {
    store.applyPage([inc(1, central(1)), ev(2, { to: 'reported' }), note(3), ev(4, { kind: 'note', noteId: NOTE })], 4);
    store.applyPage(
      [inc(5, central(2, { status: 'verified' })), ev(6, { kind: 'status', from: 'reported', to: 'verified' })],
      6,
    );
    const t = store.timelineRepo.timeline(ID);
    expect(t.map((e) => [e.seq, e.kind, e.from ?? null, e.to ?? null, e.text ?? null, e.state])).toEqual([
      [2, 'created', null, 'reported', null, 'synced'],
      [4, 'note', null, null, 'Jalan desa tertutup material', 'synced'],
      [6, 'status', 'reported', 'verified', null, 'synced'],
    ]);
    expect(store.timelineRepo.timeline('9a9a9a9a-0000-4000-8000-0000000000ff')).toEqual([]);
  });

  it("shows this console's waiting edits and notes after the central events, then exactly once when the feed brings them", () => {
    store.applyPage([inc(1, central(1)), ev(2, { to: 'reported' })], 2);
    store.incidentRepo.save({ ...base, status: 'verified' }, 'operator', '2026-12-01T02:00:00.000Z');
    store.incidentRepo.save(
      { ...base, status: 'dispatched', assignedOpd: 'BPBD' },
      'operator',
      '2026-12-01T02:05:00.000Z',
    );
    const pendingNote = store.timelineRepo.addNote(
      { id: NOTE, incidentId: ID, text: 'Tim BPBD berangkat' },
      'operator',
      'c1',
      '2026-12-01T02:06:00.000Z',
    );
    expect(pendingNote).toMatchObject({ kind: 'note', state: 'pending', seq: null, text: 'Tim BPBD berangkat' });
    const waiting = store.timelineRepo.timeline(ID);
    expect(waiting.map((e) => [e.kind, e.from ?? null, e.to ?? null, e.state])).toEqual([
      ['created', null, 'reported', 'synced'],
      ['status', 'reported', 'verified', 'pending'],
      ['status', 'verified', 'dispatched', 'pending'],
      ['assigned', null, 'BPBD', 'pending'],
      ['note', null, null, 'pending'],
    ]);
    const batch = store.outbox.nextBatch(10);
    expect(batch.map((b) => b.mutation.entity)).toEqual(['incident', 'incident', 'incident_note']);
    store.outbox.settle(
      batch,
      batch.map((b, i) => ({ id: b.mutation.id, status: 'applied', seq: 3 + i, version: i === 2 ? 1 : 2 + i })),
    );
    store.applyPage(
      [
        inc(3, central(2, { status: 'verified' })),
        ev(4, { kind: 'status', from: 'reported', to: 'verified' }),
        inc(5, central(3, { status: 'dispatched', assignedOpd: 'BPBD' })),
        ev(6, { kind: 'status', from: 'verified', to: 'dispatched' }),
        ev(7, { kind: 'assigned', from: null, to: 'BPBD' }),
        note(8, { text: 'Tim BPBD berangkat' }),
        ev(9, { kind: 'note', noteId: NOTE }),
      ],
      9,
    );
    const done = store.timelineRepo.timeline(ID);
    expect(done.map((e) => [e.seq, e.kind, e.state])).toEqual([
      [2, 'created', 'synced'],
      [4, 'status', 'synced'],
      [6, 'status', 'synced'],
      [7, 'assigned', 'synced'],
      [9, 'note', 'synced'],
    ]);
    expect(done.at(-1)?.text).toBe('Tim BPBD berangkat');
  });

  it('keeps a note the central side refused, marked, and parks it for review', () => {
    store.applyPage([inc(1, central(1))], 1);
    store.timelineRepo.addNote(
      { id: NOTE, incidentId: ID, text: 'Catatan' },
      'operator',
      'c1',
      '2026-12-01T02:00:00.000Z',
    );
    const [entry] = store.outbox.nextBatch(10);
    store.outbox.settle(
      [entry!],
      [{ id: entry!.mutation.id, status: 'rejected', error: { code: 'not_found', message: 'no incident' } }],
    );
    expect(store.timelineRepo.timeline(ID)).toMatchObject([{ kind: 'note', state: 'rejected', text: 'Catatan' }]);
    expect(store.outbox.parked()).toMatchObject([
      { entity: 'incident_note', state: 'rejected', error: expect.stringContaining('not_found') },
    ]);
  });
});

describe('incident full-text search (FTS5)', () => {
  const other = '9a9a9a9a-0000-4000-8000-000000000002';
  beforeEach(() => {
    store.applyPage(
      [
        inc(1, central(1, { title: 'Banjir bandang di Desa Sumberpucung', assignedOpd: 'BPBD' })),
        {
          seq: 2,
          entity: 'incident',
          id: other,
          op: 'upsert',
          version: 1,
          data: {
            ...central(1),
            id: other,
            title: 'Kecelakaan lalu lintas Jalan Raya Kepanjen',
            assignedOpd: 'DISHUB',
          },
        },
      ],
      2,
    );
  });

  it('finds by title words as prefixes, case and diacritics ignored, by OPD, and by note text', () => {
    expect(store.timelineRepo.search('sumberpuc')).toEqual([ID]);
    expect(store.timelineRepo.search('BANJIR Bandang')).toEqual([ID]);
    expect(store.timelineRepo.search('kecelakáan')).toEqual([other]);
    expect(store.timelineRepo.search('dishub')).toEqual([other]);
    expect(store.timelineRepo.search('banjir kepanjen')).toEqual([]);
    store.applyPage([note(3, { incidentId: other, text: 'Truk pengangkut pasir terguling' })], 3);
    expect(store.timelineRepo.search('terguling')).toEqual([other]);
  });

  it('follows edits, offline ones included, and takes any text without an FTS syntax error', () => {
    store.incidentRepo.save({ ...base, title: 'Longsor di Desa Ngadas' }, 'operator', '2026-12-01T02:00:00.000Z');
    expect(store.timelineRepo.search('ngadas')).toEqual([ID]);
    expect(store.timelineRepo.search('sumberpucung')).toEqual([]);
    for (const q of ['"', 'AND OR NOT', 'banjir*', '(kepanjen', 'NEAR(', '-', '💥'])
      expect(() => store.timelineRepo.search(q), q).not.toThrow();
    expect(store.timelineRepo.search('(kepanjen')).toEqual([other]);
  });

  it('indexes the incidents already cached when migration 0020 runs', () => {
    const path = join(dir, 'old.db');
    const db = openDatabase(path, MIGRATIONS.slice(0, 2));
    db.prepare('INSERT INTO incidents (id, data, version, updated_at) VALUES (?, ?, 1, ?)').run(
      ID,
      JSON.stringify(central(1, { title: 'Pohon tumbang di Pandesari' })),
      '2026-12-01T01:00:00.000Z',
    );
    migrate(db, MIGRATIONS);
    db.close();
    const upgraded = ConsoleStore.open(path);
    try {
      expect(upgraded.timelineRepo.search('pandesari')).toEqual([ID]);
    } finally {
      upgraded.close();
    }
  });
});
