import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Layout, LayoutInput } from '../../common/entities';
import { PRESET_LAYOUTS } from '../../common/presets';
import { ConsoleStore } from './console-store';

let dir: string;
let store: ConsoleStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-layout-'));
  store = ConsoleStore.open(join(dir, 'c.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const IKHTISAR = PRESET_LAYOUTS[0]!;
const NEW_ID = '7a7a7a7a-0000-4000-8000-000000000001';
const central = (input: LayoutInput, version: number): Layout => ({
  ...input,
  version,
  updatedAt: `2026-11-28T0${version}:00:00.000Z`,
});
const change = (seq: number, l: Layout): Change => ({
  seq,
  entity: 'layout',
  id: l.id,
  op: 'upsert',
  version: l.version,
  data: l,
});
const renamed = (name: string): LayoutInput => ({ ...IKHTISAR, name });
const T = '2026-11-28T03:00:00.000Z';

describe('layout edits', () => {
  it('a new layout shows at once as pending and waits in the outbox as a create', () => {
    const copy: LayoutInput = { ...IKHTISAR, id: NEW_ID, name: 'Ikhtisar (salinan)' };
    store.layoutRepo.save(copy, undefined, 'presenter', T);
    expect(store.layoutRepo.list()).toMatchObject({
      layouts: [{ id: NEW_ID, name: 'Ikhtisar (salinan)' }],
      pending: [NEW_ID],
    });
    const [entry] = store.outbox.nextBatch(10);
    expect(entry).toMatchObject({
      operatorId: 'presenter',
      mutation: { entity: 'layout', op: 'upsert', data: { id: NEW_ID } },
    });
    expect(entry!.mutation.baseVersion).toBeUndefined();
  });

  it('an edit lies over the central copy, survives a feed update underneath, and a second edit replaces the first', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.save(renamed('Ikhtisar pagi'), 1, 'presenter', T);
    store.applyPage([change(2, central(renamed('Ikhtisar (pusat)'), 2))], 2);
    expect(store.layout(IKHTISAR.id)).toMatchObject({ name: 'Ikhtisar pagi', version: 1 });
    store.layoutRepo.save(renamed('Ikhtisar siang'), 1, 'presenter', T);
    const batch = store.outbox.nextBatch(10);
    expect(batch.map((e) => [e.mutation.baseVersion, e.mutation.data.name])).toEqual([[1, 'Ikhtisar siang']]);
  });

  it('the local change and its outbox entry commit together or not at all', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.save(renamed('Ikhtisar pagi'), 1, 'presenter', T);
    // The store keeps its connection to itself: the failing disk is a trigger made through another one.
    const other = new Database(store.path);
    other.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    other.close();
    expect(() => store.layoutRepo.save(renamed('Ikhtisar siang'), 1, 'presenter', T)).toThrow(/disk full/);
    expect(() => store.layoutRepo.remove(IKHTISAR.id, 1, 'presenter', T)).toThrow(/disk full/);
    // The earlier edit was not dropped by the failed replacement.
    expect(store.layout(IKHTISAR.id)?.name).toBe('Ikhtisar pagi');
    expect(store.outbox.counts().pending).toBe(1);
  });

  it('once applied, the central copy carries the edit and its new version, with nothing pending', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.save(renamed('Ikhtisar pagi'), 1, 'presenter', T);
    const [entry] = store.outbox.nextBatch(10);
    store.outbox.settle([entry!], [{ id: entry!.mutation.id, status: 'applied', seq: 2, version: 2 }]);
    expect(store.layoutRepo.list()).toMatchObject({ layouts: [{ name: 'Ikhtisar pagi', version: 2 }], pending: [] });
    store.applyPage([change(2, central(renamed('Ikhtisar pagi'), 2))], 2);
    expect(store.layout(IKHTISAR.id)).toMatchObject({ name: 'Ikhtisar pagi', version: 2 });
  });

  it('on a conflict the central record wins and the lost edit stays viewable until dismissed', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.save(renamed('Ikhtisar pagi'), 1, 'presenter', T);
    const [entry] = store.outbox.nextBatch(10);
    const theirs = central(renamed('Ikhtisar rapat'), 2);
    store.outbox.settle([entry!], [{ id: entry!.mutation.id, status: 'conflict', version: 2, current: theirs }]);
    expect(store.layout(IKHTISAR.id)).toMatchObject({ name: 'Ikhtisar rapat', version: 2 });
    expect(store.layoutRepo.list().pending).toEqual([]);
    const lost = store.layoutRepo.lostEdits();
    expect(lost).toMatchObject([
      {
        layoutId: IKHTISAR.id,
        op: 'upsert',
        state: 'conflict',
        code: 'conflict',
        yours: { name: 'Ikhtisar pagi' },
        central: { version: 2 },
      },
    ]);
    expect(store.outbox.dismiss(lost[0]!.id)).toBe(true);
    expect(store.layoutRepo.lostEdits()).toEqual([]);
  });

  it('a rejected edit falls back to the central copy and keeps the reason', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.save(renamed('Ikhtisar pagi'), 1, 'operator', T);
    const [entry] = store.outbox.nextBatch(10);
    store.outbox.settle(
      [entry!],
      [
        {
          id: entry!.mutation.id,
          status: 'rejected',
          error: { code: 'forbidden', message: 'the role operator may not write layout' },
        },
      ],
    );
    expect(store.layout(IKHTISAR.id)?.name).toBe('Ikhtisar');
    expect(store.layoutRepo.lostEdits()).toMatchObject([
      { state: 'rejected', code: 'forbidden', message: expect.stringContaining('operator') },
    ]);
  });

  it('a deletion hides the layout at once; a conflict brings it back as the central side has it', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.remove(IKHTISAR.id, 1, 'presenter', T);
    expect(store.layouts()).toEqual([]);
    const [entry] = store.outbox.nextBatch(10);
    expect(entry!.mutation).toMatchObject({ op: 'delete', baseVersion: 1, data: { id: IKHTISAR.id } });
    store.outbox.settle(
      [entry!],
      [{ id: entry!.mutation.id, status: 'conflict', version: 2, current: central(renamed('Ikhtisar baru'), 2) }],
    );
    expect(store.layouts()).toMatchObject([{ name: 'Ikhtisar baru', version: 2 }]);
    expect(store.layoutRepo.lostEdits()).toMatchObject([{ op: 'delete', state: 'conflict', yours: null }]);
  });

  it('an applied deletion removes the central copy; deleting a layout never sent just forgets it', () => {
    store.applyPage([change(1, central(IKHTISAR, 1))], 1);
    store.layoutRepo.remove(IKHTISAR.id, 1, 'presenter', T);
    const [entry] = store.outbox.nextBatch(10);
    store.outbox.settle([entry!], [{ id: entry!.mutation.id, status: 'applied', seq: 2, version: 2 }]);
    expect(store.layoutRepo.centralVersion(IKHTISAR.id)).toBeNull();

    store.layoutRepo.save({ ...IKHTISAR, id: NEW_ID, name: 'Coba' }, undefined, 'presenter', T);
    store.layoutRepo.remove(NEW_ID, 1, 'presenter', T);
    expect(store.layouts()).toEqual([]);
    expect(store.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });
});
