// Migration 0003 moves the three older kinds of pending write (a decision's state column, an incident's
// local_data, a layout draft read over its outbox row) into the one write path; the moved writes then drain to a
// real hub, and each is found there exactly once.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Incident, Layout } from '../../common/entities';
import { PRESET_LAYOUTS } from '../../common/presets';
import { KeyFileSecretStore } from '../ports/secret-store';
import { TokenBook } from '../sync/token-book';
import { startTestHub, type TestHub } from '../hub/hub-test-kit';
import { publishTestKey } from '../signing/signing-test-kit';
import { CentralClient } from '../sync/central-client';
import { SyncEngine } from '../sync/sync-engine';
import { ConsoleStore } from './console-store';
import { migrate } from './database';
import { MIGRATIONS } from './migrations';

let t: TestHub;
let engine: SyncEngine | null = null;
let store: ConsoleStore | null = null;
beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  await engine?.stop();
  engine = null;
  store?.close();
  store = null;
  await t.close();
});

const INC = '0d0d0d0d-0000-4000-8000-000000000001';
const DEC = '0d0d0d0d-0000-4000-8000-0000000000d1';
const REFUSED = '0d0d0d0d-0000-4000-8000-0000000000d2';
const T = '2026-11-28T02:00:00.000Z';

async function changes(entity: string): Promise<Change[]> {
  const res = await t.api(`/changes?since=0&limit=5000&entities=${entity}`, { token: await t.login('supervisor') });
  return ((await res.json()) as { changes: Change[] }).changes;
}

async function until(what: string, f: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('migration 0003: one write path', () => {
  it('moves pending writes of every kind into the outbox, shows them as before, and drains each to the hub once', async () => {
    const client = new CentralClient(t.hub.url);
    const operator = await client.session('operator', 'demo');
    const presenter = await client.session('presenter', 'demo');
    // The central side holds the incident (version 1) and the preset layout; the console had pulled both.
    const created = await t.api('/mutations', {
      method: 'POST',
      token: operator.token,
      json: {
        consoleId: 'other',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'incident',
            op: 'upsert',
            clientTime: T,
            data: {
              id: INC,
              title: 'Banjir',
              sector: 'disaster',
              severity: 2,
              status: 'reported',
              districtCode: '35.07.13',
              lat: -8.1,
              lon: 112.6,
              assignedOpd: null,
              reportedAt: T,
            },
          },
        ],
      },
    });
    expect(created.status).toBe(200);
    const incident = (await changes('incident')).find((c) => c.id === INC)!.data as Incident;
    const layout = (await changes('layout')).find((c) => c.id === PRESET_LAYOUTS[0]!.id)!.data as Layout;

    // A console database at schema 2, written the way the code before 0003 wrote it.
    const path = join(t.dir, 'console.db');
    const raw = new Database(path);
    migrate(raw, MIGRATIONS, 2);
    const outbox =
      raw.prepare(`INSERT INTO outbox (id, entity, op, base_version, data, client_time, operator_id, state, error)
      VALUES (?, ?, 'upsert', ?, ?, ?, ?, ?, ?)`);
    // Signed, as a v1.1 hub requires (an unsigned decision written before signing would be refused and parked).
    const signer = await publishTestKey(t, operator.token, operator.operator.id, 'c');
    const decision = signer.sign({
      id: DEC,
      decidedAt: T,
      summary: 'Kirim perahu karet',
      rationale: '',
      action: 'Dispatch',
    });
    raw
      .prepare(
        `INSERT INTO decisions (id, data, seq, hash, state, error, recorded_at) VALUES (?, ?, NULL, NULL, 'pending', NULL, ?)`,
      )
      .run(DEC, JSON.stringify({ ...decision, operatorId: operator.operator.id, consoleId: 'c' }), T);
    outbox.run(DEC, 'decision', null, JSON.stringify(decision), T, operator.operator.id, 'pending', null);
    // A refused decision the operator dismissed from review long ago: it stays in the log.
    raw
      .prepare(
        `INSERT INTO decisions (id, data, seq, hash, state, error, recorded_at) VALUES (?, ?, NULL, NULL, 'rejected', 'forbidden: no', ?)`,
      )
      .run(REFUSED, JSON.stringify({ ...decision, id: REFUSED, operatorId: 'viewer', consoleId: 'c' }), T);
    const edited = { ...incident, title: 'Banjir rob', updatedAt: undefined, version: undefined };
    raw
      .prepare(`INSERT INTO incidents (id, data, version, updated_at, local_data) VALUES (?, ?, 1, ?, ?)`)
      .run(INC, JSON.stringify(incident), incident.updatedAt, JSON.stringify({ ...edited, updatedAt: T, version: 1 }));
    outbox.run(
      crypto.randomUUID(),
      'incident',
      1,
      JSON.stringify({ ...edited }),
      T,
      operator.operator.id,
      'pending',
      null,
    );
    const { version: _v, updatedAt: _u, ...layoutInput } = layout;
    raw
      .prepare(`INSERT INTO layouts (id, data, version) VALUES (?, ?, ?)`)
      .run(layout.id, JSON.stringify(layout), layout.version);
    outbox.run(
      crypto.randomUUID(),
      'layout',
      layout.version,
      JSON.stringify({ ...layoutInput, name: 'Ikhtisar rapat' }),
      T,
      presenter.operator.id,
      'pending',
      null,
    );
    raw.close();

    store = ConsoleStore.open(path);
    expect(store.outbox.counts()).toEqual({ pending: 3, rejected: 0 });
    expect(store.decisions().map((d) => [d.id, d.state])).toEqual([
      [REFUSED, 'rejected'],
      [DEC, 'pending'],
    ]);
    expect(store.incidents().filter((i) => i.pending)).toMatchObject([{ id: INC, title: 'Banjir rob', pending: true }]);
    expect(store.layoutRepo.list()).toMatchObject({ pending: [layout.id] });
    expect(store.layout(layout.id)).toMatchObject({ name: 'Ikhtisar rapat', version: layout.version });

    const tokens = new TokenBook(store, new KeyFileSecretStore(join(t.dir, 'secret.key')));
    tokens.set(operator.operator.id, operator.token, operator.expiresAt);
    tokens.set(presenter.operator.id, presenter.token, presenter.expiresAt);
    engine = new SyncEngine({ client, store, tokens, consoleId: 'c', heartbeatMs: 200 });
    engine.start();
    const s = store;
    await until(
      'drained and pulled back',
      () => s.outbox.counts().pending === 0 && s.decisions().find((d) => d.id === DEC)?.state === 'synced',
    );
    expect(store.outbox.counts()).toEqual({ pending: 0, rejected: 0 });

    expect((await changes('decision')).filter((c) => c.id === DEC)).toHaveLength(1);
    const incidentChanges = (await changes('incident')).filter((c) => c.id === INC);
    expect(incidentChanges.filter((c) => (c.data as Incident).title === 'Banjir rob')).toHaveLength(1);
    expect(incidentChanges.at(-1)).toMatchObject({ version: 2, data: { title: 'Banjir rob' } });
    const layoutChanges = (await changes('layout')).filter((c) => c.id === layout.id);
    expect(layoutChanges.filter((c) => (c.data as Layout).name === 'Ikhtisar rapat')).toHaveLength(1);
    expect(layoutChanges.at(-1)).toMatchObject({ version: layout.version + 1 });

    // Here, the central copies now carry the writes, with nothing left over them.
    expect(store.incidents().find((i) => i.id === INC)).toMatchObject({
      title: 'Banjir rob',
      version: 2,
      pending: false,
    });
    expect(store.incidents().filter((i) => i.pending)).toEqual([]);
    expect(store.layoutRepo.list().pending).toEqual([]);
    expect(store.layout(layout.id)).toMatchObject({ name: 'Ikhtisar rapat', version: layout.version + 1 });
    expect(store.decisions().find((d) => d.id === REFUSED)).toMatchObject({
      state: 'rejected',
      error: 'forbidden: no',
    });
  });
});
