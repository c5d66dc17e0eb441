import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import { ConsoleStore } from './console-store';
import { StoreError, migrate, openDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { publishedDecision, publishedKey, signerFor } from '../signing/signing-test-kit';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const decisionInput = (id: string) => ({
  id,
  decidedAt: '2026-11-28T01:00:00.000Z',
  summary: 'Kirim tim BPBD',
  rationale: 'Banjir naik',
  action: 'Dispatch',
});
const change = (seq: number, entity: Change['entity'], id: string, data: unknown, version = 1): Change => ({
  seq,
  entity,
  id,
  op: 'upsert',
  version,
  data,
});

describe('migrations', () => {
  it('bring an empty file to the current version with WAL and foreign keys on', () => {
    const db = openDatabase(join(dir, 'a.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['sites', 'statuses', 'incidents', 'decisions', 'layouts', 'outbox', 'sync_state']),
    );
    db.close();
  });

  it('refuse a database written by a newer version and leave it untouched', () => {
    const path = join(dir, 'newer.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(StoreError);
    expect(() => openDatabase(path)).toThrow(/newer Nawa/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    again.close();
  });

  it('report a file that is not a database as unusable instead of crashing', () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, 'this is not sqlite'.repeat(500));
    expect(() => openDatabase(path)).toThrow(StoreError);
  });

  it('0002 keeps the incidents and outbox rows written before it', () => {
    const db = new Database(join(dir, 'm2.db'));
    migrate(db, MIGRATIONS, 1);
    db.prepare(
      `INSERT INTO incidents (id, data, version, updated_at) VALUES ('i1', '{"title":"Banjir"}', 3, '2026-11-28T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO outbox (id, entity, op, data, client_time, operator_id) VALUES ('m1', 'decision', 'upsert', '{}', 'now', 'op')`,
    ).run();
    migrate(db, MIGRATIONS, 2);
    expect(db.prepare('SELECT data, version, local_data FROM incidents').get()).toEqual({
      data: '{"title":"Banjir"}',
      version: 3,
      local_data: null,
    });
    expect(db.prepare('SELECT id, state, current FROM outbox').get()).toEqual({
      id: 'm1',
      state: 'pending',
      current: null,
    });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('roll back a failing migration as a whole', () => {
    const path = join(dir, 'fail.db');
    const db = new Database(path);
    const bad = [
      ...MIGRATIONS,
      {
        name: 'bad',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE x (a)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, bad)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'x'`).get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('ConsoleStore', () => {
  it('records a decision and its outbox entry together, and lists it as pending', () => {
    const store = ConsoleStore.open(join(dir, 'c.db'));
    const id = '11111111-1111-4111-8111-111111111111';
    store.recordDecision(decisionInput(id), 'op-1', 'console-1');
    expect(store.decisions()).toMatchObject([{ id, state: 'pending', seq: null, summary: 'Kirim tim BPBD' }]);
    expect(store.outbox.counts()).toEqual({ pending: 1, rejected: 0 });
    const [entry] = store.outbox.nextBatch(10);
    expect(entry?.mutation).toMatchObject({
      id,
      entity: 'decision',
      op: 'upsert',
      data: { id, summary: 'Kirim tim BPBD' },
    });
    // A second write with the same id fails as a whole: no second outbox entry.
    expect(() => store.recordDecision(decisionInput(id), 'op-1', 'console-1')).toThrow();
    expect(store.outbox.counts().pending).toBe(1);
    store.close();
  });

  it('applies a page with its cursor once, keeps the newest status, and lets the central decision replace the pending one', () => {
    const path = join(dir, 'c.db');
    let store = ConsoleStore.open(path);
    const id = '22222222-2222-4222-8222-222222222222';
    store.recordDecision(decisionInput(id), 'op-1', 'console-1');
    // Signed and chained as the hub publishes it (v1.1), after the signing key it names.
    const signer = signerFor('op-1', 'console-1');
    const central = publishedDecision(signer, decisionInput(id), 'op-1', 'console-1', 4, '0'.repeat(64));
    const page = [
      change(1, 'site', '35.07.13.1007', {
        id: '35.07.13.1007',
        kind: 'village',
        name: 'Penarukan',
        districtCode: '35.07.13',
        lat: -8.13,
        lon: 112.57,
      }),
      change(2, 'status', '35.07.13.1007', {
        siteId: '35.07.13.1007',
        at: '2026-11-28T02:00:00.000Z',
        state: 'down',
        latencyMs: null,
        bandwidthMbps: null,
      }),
      change(3, 'signing_key', signer.keyId, publishedKey(signer, 'op-1', 'console-1')),
      change(4, 'decision', id, central),
      change(5, 'status', '35.07.13.1007', {
        siteId: '35.07.13.1007',
        at: '2026-11-28T01:00:00.000Z',
        state: 'up',
        latencyMs: 12,
        bandwidthMbps: 50,
      }),
      change(6, 'incident', 'x', { nonsense: true }),
    ];
    const outcome = store.applyPage(page, 6);
    expect(outcome.skipped).toHaveLength(1);
    expect(outcome.skipped[0]?.seq).toBe(6);
    expect(store.cursor()).toBe(6);
    expect(store.overview().states).toMatchObject({ down: 1, up: 0 });
    expect(store.decisions()).toMatchObject([{ id, state: 'synced', seq: 4, hash: central.hash }]);
    store.close();

    // Re-applying the same page after a restart changes nothing: the cursor says it is done.
    store = ConsoleStore.open(path);
    store.applyPage(
      [
        change(2, 'status', '35.07.13.1007', {
          siteId: '35.07.13.1007',
          at: '2026-11-28T03:00:00.000Z',
          state: 'up',
          latencyMs: 1,
          bandwidthMbps: 1,
        }),
      ],
      6,
    );
    expect(store.overview().states).toMatchObject({ down: 1 });
    store.close();
  });

  it('settles central answers: applied leaves the outbox, rejected stays visible with its reason', () => {
    const store = ConsoleStore.open(join(dir, 'c.db'));
    const a = '33333333-3333-4333-8333-333333333333';
    const b = '44444444-4444-4444-8444-444444444444';
    store.recordDecision(decisionInput(a), 'op-1', 'console-1');
    store.recordDecision(decisionInput(b), 'op-1', 'console-1');
    const batch = store.outbox.nextBatch(10);
    store.outbox.settle(batch, [
      { id: a, status: 'applied', seq: 10, version: 1 },
      { id: b, status: 'rejected', error: { code: 'forbidden', message: 'role viewer may not write decisions' } },
    ]);
    expect(store.outbox.counts()).toEqual({ pending: 0, rejected: 1 });
    expect(store.decisions().find((d) => d.id === b)).toMatchObject({
      state: 'rejected',
      error: expect.stringContaining('forbidden'),
    });
    expect(store.outbox.nextBatch(10)).toEqual([]);
    store.close();
  });

  it('keeps one operator per batch so each call carries the right token', () => {
    const store = ConsoleStore.open(join(dir, 'c.db'));
    store.recordDecision(decisionInput('55555555-5555-4555-8555-555555555555'), 'op-1', 'c');
    store.recordDecision(decisionInput('66666666-6666-4666-8666-666666666666'), 'op-2', 'c');
    store.recordDecision(decisionInput('77777777-7777-4777-8777-777777777777'), 'op-1', 'c');
    expect(store.outbox.nextBatch(10).map((e) => e.operatorId)).toEqual(['op-1']);
    expect(store.outbox.waitingOperators()).toEqual(['op-1', 'op-2']);
    store.close();
  });
});
