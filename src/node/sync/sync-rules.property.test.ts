// Property test of the sync rules: random interleavings of local writes, pull pages (replayed, duplicated,
// stale, statuses out of order), push answers (applied, duplicate, conflict, rejected, lost), foreign edits and
// crashes (the store closed and opened again) against the real store; it must always show what the model says,
// and once drained and pulled hold exactly the central records, with no conflict it did not cause.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, MutationResult } from '../../common/central-api';
import { ConsoleStore } from '../store/console-store';
import { CentralSim, ConsoleModel, isoAt, SITES } from './sync-model-kit';

const LONG = process.env.NAWA_FAULTS === 'long';
// Two incidents born centrally, two created at this console.
const INCIDENTS = [
  '0c0c0c0c-0000-4000-8000-000000000001',
  '0c0c0c0c-0000-4000-8000-000000000002',
  '0c0c0c0c-0000-4000-8000-000000000003',
  '0c0c0c0c-0000-4000-8000-000000000004',
] as const;

type Action =
  | { t: 'write' }
  | { t: 'edit'; incident: number; severity: number }
  | { t: 'push'; n: number; lost: boolean; refuse: number }
  | { t: 'pull'; limit: number; replay: number; dup: boolean; stale: boolean }
  | {
      t: 'central';
      kind: 'status' | 'reading' | 'incident';
      site: number;
      incident: number;
      minute: number;
      foreign: boolean;
    }
  | { t: 'crash' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ t: 'write' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      incident: fc.nat(3),
      severity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('push' as const),
      n: fc.integer({ min: 1, max: 10 }),
      lost: fc.nat(9).map((n) => n < 3),
      refuse: fc.nat(8),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('pull' as const),
      limit: fc.integer({ min: 1, max: 8 }),
      replay: fc.nat(3),
      dup: fc.boolean(),
      stale: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('central' as const),
      kind: fc.constantFrom('status' as const, 'reading' as const, 'incident' as const),
      site: fc.nat(2),
      incident: fc.nat(3),
      minute: fc.nat(50),
      foreign: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'crash' as const }) },
);

const incidentInput = (id: string, severity: number) => ({
  id,
  title: `Insiden ${id.slice(-1)}`,
  sector: 'disaster' as const,
  severity,
  status: 'reported' as const,
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.6,
  assignedOpd: null,
  reportedAt: isoAt(0),
});

// The store keeps its connection to itself: the test reads the central tables through a read-only one of its own.
function observe(store: ConsoleStore) {
  const db = new Database(store.path, { readonly: true });
  const decisions = new Map(store.decisions(10_000).map((d) => [d.id, { state: d.state, seq: d.seq }]));
  const statuses = new Map(
    (
      db.prepare('SELECT site_id, at, state FROM statuses').all() as { site_id: string; at: string; state: string }[]
    ).map((s) => [s.site_id, { at: s.at, state: s.state }]),
  );
  const readings = new Set(
    (db.prepare('SELECT series_id, at FROM readings').all() as { series_id: string; at: string }[]).map(
      (r) => `${r.series_id}@${r.at}`,
    ),
  );
  db.close();
  return {
    cursor: store.cursor(),
    decisions,
    outbox: store.outbox.nextBatch(100_000).map((e) => e.mutation.id),
    parked: store.outbox.counts().rejected,
    statuses,
    readings,
  };
}

function run(actions: readonly Action[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-prop-'));
  const path = join(dir, 'console.db');
  let store = ConsoleStore.open(path);
  const central = new CentralSim();
  const model = new ConsoleModel();
  const decisionOfMutation = new Map<string, string>();
  const pages: { changes: Change[]; lastSeq: number }[] = [];
  let foreignIncidentEdits = false;
  // A refused edit takes the edits chained after it down with it (they expected its version): not a conflict
  // the rules must avoid.
  let incidentRefused = false;
  const expectModel = () => {
    const seen = observe(store);
    expect(seen).toEqual({
      cursor: model.cursor,
      decisions: model.decisions,
      outbox: model.outbox,
      parked: model.parked,
      statuses: model.statuses,
      readings: model.readings,
    });
  };
  const push = (n: number, lost: boolean, refuse: number) => {
    const batch = store.outbox.nextBatch(n);
    if (batch.length === 0) return;
    const results: MutationResult[] = batch.map((e, i) => central.process(e.mutation, refuse > 0 && i === refuse - 1));
    incidentRefused ||= batch.some((e, i) => e.mutation.entity === 'incident' && results[i]!.status === 'rejected');
    if (lost) return; // the central side committed; the answer never came back
    store.outbox.settle(batch, results);
    model.settle(
      batch.map((e) => e.mutation.id),
      results,
      (mid) => decisionOfMutation.get(mid) ?? null,
    );
  };
  const pull = (limit: number) => {
    const page = central.page(store.cursor(), limit);
    pages.push(page);
    store.applyPage(page.changes, page.lastSeq);
    model.apply(page.changes, page.lastSeq);
    return page.more;
  };
  try {
    for (const a of actions) {
      switch (a.t) {
        case 'write': {
          const id = randomUUID();
          store.recordDecision(
            { id, decidedAt: isoAt(1), summary: 'Keputusan', rationale: '', action: 'Catat' },
            'operator',
            'c',
          );
          decisionOfMutation.set(id, id);
          model.write(id);
          break;
        }
        case 'edit': {
          const id = INCIDENTS[a.incident]!;
          // An operator edits only incidents the console shows, or creates one of its own.
          if (a.incident < 2 && !store.incidentRepo.get(id)) break;
          store.incidentRepo.save(incidentInput(id, a.severity), 'operator', isoAt(2));
          const all = store.outbox.nextBatch(100_000);
          model.outbox.push(all[all.length - 1]!.mutation.id);
          break;
        }
        case 'push':
          push(a.n, a.lost, a.refuse);
          break;
        case 'pull': {
          if (a.stale && pages.length > 0) {
            // An old page delivered again (a retried request whose first answer was applied).
            const old = pages[Math.floor(pages.length / 2)]!;
            store.applyPage(old.changes, old.lastSeq);
            model.apply(old.changes, old.lastSeq);
          }
          const page = central.page(store.cursor(), a.limit);
          const replayed = central.log.filter((c) => c.seq <= store.cursor()).slice(-a.replay);
          const changes = [...replayed, ...page.changes, ...(a.dup ? page.changes.slice(0, 2) : [])];
          store.applyPage(changes, page.lastSeq);
          model.apply(changes, page.lastSeq);
          pages.push(page);
          break;
        }
        case 'central':
          if (a.kind === 'status') central.status(SITES[a.site]!, a.minute, a.minute % 3 === 0 ? 'down' : 'up');
          else if (a.kind === 'reading') central.reading(a.minute, a.site);
          else {
            // The central side creates one of its incidents, or another console edits any that exists.
            const id = INCIDENTS[a.incident]!;
            const exists = central.record('incident', id) !== undefined;
            if (exists ? a.foreign : a.incident < 2) {
              foreignIncidentEdits ||= exists;
              central.incident(incidentInput(id, 1 + (a.minute % 4)));
            }
          }
          break;
        case 'crash':
          store.close();
          store = ConsoleStore.open(path);
          break;
      }
      expectModel();
    }
    // Drain and pull to the end: the console then holds exactly what the central side holds.
    for (let i = 0; i < 1000 && store.outbox.counts().pending > 0; i++) push(50, false, 0);
    while (pull(50));
    expectModel();
    const conflicts = store.outbox.parked().filter((p) => p.state === 'conflict');
    if (!foreignIncidentEdits && !incidentRefused)
      expect(conflicts, 'conflicts with no other writer and no refusal').toEqual([]);
    for (const id of INCIDENTS) {
      const rec = central.record('incident', id);
      const held = store.incidentRepo.get(id);
      expect(held?.central ?? null).toEqual(rec ? rec.data : null);
      expect(held?.shown ?? null).toEqual(rec ? rec.data : null);
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sync rules against a model', () => {
  it(
    'the store shows what the model says, through any interleaving, and ends equal to the central side',
    () => {
      fc.assert(
        fc.property(fc.array(action, { minLength: 1, maxLength: LONG ? 120 : 50 }), (actions) => run(actions)),
        { numRuns: LONG ? 2_000 : 150 },
      );
    },
    LONG ? 1_800_000 : 60_000,
  );
});
