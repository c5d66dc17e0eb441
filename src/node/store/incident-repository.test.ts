import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Incident, IncidentInput } from '../../common/entities';
import { ConsoleStore } from './console-store';

let dir: string;
let store: ConsoleStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-inc-'));
  store = ConsoleStore.open(join(dir, 'c.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ID = '9a9a9a9a-0000-4000-8000-000000000001';
const base: IncidentInput = {
  id: ID,
  title: 'Banjir di Desa Sitiarjo',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.06',
  lat: -8.4,
  lon: 112.7,
  assignedOpd: null,
  reportedAt: '2026-11-28T01:00:00.000Z',
};
const central = (version: number, patch: Partial<Incident> = {}): Incident => ({
  ...base,
  version,
  updatedAt: `2026-11-28T0${version}:00:00.000Z`,
  ...patch,
});
const change = (seq: number, data: Incident): Change => ({
  seq,
  entity: 'incident',
  id: ID,
  op: 'upsert',
  version: data.version,
  data,
});

describe('incident edits', () => {
  it('show at once, survive a feed update underneath, and give way to the central record once applied', () => {
    store.applyPage([change(1, central(1))], 1);
    store.incidentRepo.save({ ...base, status: 'verified' }, 'operator', '2026-11-28T02:00:00.000Z');
    expect(store.incidents()).toMatchObject([{ status: 'verified', pending: true }]);
    const [entry] = store.outbox.nextBatch(10);
    expect(entry?.mutation).toMatchObject({ entity: 'incident', baseVersion: 1, data: { id: ID, status: 'verified' } });

    // The feed brings another change of the same incident meanwhile: the operator still sees their edit.
    store.applyPage([change(2, central(1, { severity: 4 }))], 2);
    expect(store.incidents()[0]).toMatchObject({ status: 'verified', pending: true });

    store.outbox.settle([entry!], [{ id: entry!.mutation.id, status: 'applied', seq: 3, version: 2 }]);
    store.applyPage([change(3, central(2, { status: 'verified' }))], 3);
    expect(store.incidents()).toMatchObject([{ status: 'verified', version: 2, pending: false }]);
  });

  it('chain offline edits on the versions the earlier ones will produce', () => {
    store.applyPage([change(1, central(1))], 1);
    store.incidentRepo.save({ ...base, status: 'verified' }, 'operator', '2026-11-28T02:00:00.000Z');
    store.incidentRepo.save(
      { ...base, status: 'dispatched', assignedOpd: 'BPBD' },
      'operator',
      '2026-11-28T02:05:00.000Z',
    );
    expect(store.outbox.nextBatch(10).map((e) => e.mutation.baseVersion)).toEqual([1, 2]);
  });

  it('base the next edit on an applied answer that came before the feed', () => {
    store.applyPage([change(1, central(1))], 1);
    store.incidentRepo.save({ ...base, status: 'verified' }, 'operator', '2026-11-28T02:00:00.000Z');
    const [entry] = store.outbox.nextBatch(10);
    store.outbox.settle([entry!], [{ id: entry!.mutation.id, status: 'applied', seq: 2, version: 2 }]);
    expect(store.incidents()).toMatchObject([{ status: 'verified', version: 2, pending: false }]);
    store.incidentRepo.save({ ...base, status: 'dispatched' }, 'operator', '2026-11-28T02:05:00.000Z');
    expect(store.outbox.nextBatch(10).map((e) => e.mutation.baseVersion)).toEqual([2]);
  });

  it('do not count twice a queued edit the feed already brought (its answer was lost)', () => {
    store.applyPage([change(1, central(1))], 1);
    store.incidentRepo.save({ ...base, status: 'verified' }, 'operator', '2026-11-28T02:00:00.000Z');
    store.applyPage([change(2, central(2, { status: 'verified' }))], 2);
    store.incidentRepo.save({ ...base, status: 'dispatched' }, 'operator', '2026-11-28T02:05:00.000Z');
    expect(store.outbox.nextBatch(10).map((e) => e.mutation.baseVersion)).toEqual([1, 2]);
  });

  it('on a conflict keep the central record and park the lost edit for review', () => {
    store.applyPage([change(1, central(1))], 1);
    store.incidentRepo.save({ ...base, title: 'Banjir rob Sitiarjo' }, 'operator', '2026-11-28T02:00:00.000Z');
    const [entry] = store.outbox.nextBatch(10);
    const theirs = central(2, { status: 'dispatched', assignedOpd: 'BPBD' });
    store.outbox.settle([entry!], [{ id: entry!.mutation.id, status: 'conflict', current: theirs }]);
    expect(store.incidents()).toMatchObject([
      { title: 'Banjir di Desa Sitiarjo', status: 'dispatched', version: 2, pending: false },
    ]);
    const parked = store.outbox.parked();
    expect(parked).toMatchObject([
      { state: 'conflict', recordId: ID, yours: { title: 'Banjir rob Sitiarjo' }, central: { version: 2 } },
    ]);
    expect(store.outbox.dismiss(parked[0]!.id)).toBe(true);
    expect(store.outbox.parked()).toEqual([]);
  });

  it('drop a new incident the central side rejected, keeping the reason for review', () => {
    store.incidentRepo.save(base, 'viewer', '2026-11-28T02:00:00.000Z');
    expect(store.incidents()).toHaveLength(1);
    const [entry] = store.outbox.nextBatch(10);
    expect(entry?.mutation.baseVersion).toBeUndefined();
    store.outbox.settle(
      [entry!],
      [{ id: entry!.mutation.id, status: 'rejected', error: { code: 'forbidden', message: 'role viewer' } }],
    );
    expect(store.incidents()).toEqual([]);
    expect(store.outbox.parked()[0]).toMatchObject({ state: 'rejected', error: expect.stringContaining('forbidden') });
  });
});
