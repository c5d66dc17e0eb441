// The console's verification of the feed's decisions, on a real SQLite file: what verifies is kept, and what
// disagrees with it (or does not verify) raises a tamper alarm instead of replacing it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import { GENESIS_HASH } from '../../common/canonical-json';
import { decisionHashOf } from '../signing/decision-log';
import { publishedDecision, publishedKey, signerFor } from '../signing/signing-test-kit';
import { ConsoleStore } from './console-store';
import { migrate, openDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { StagedResync } from './resync';

let dir: string;
let store: ConsoleStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-verify-'));
  store = ConsoleStore.open(join(dir, 'c.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const change = (seq: number, entity: Change['entity'], id: string, data: unknown): Change => ({
  seq,
  entity,
  id,
  op: 'upsert',
  version: 1,
  data,
});
const input = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  decidedAt: '2026-11-28T01:00:00.000Z',
  summary: `Keputusan ${n}`,
  rationale: 'Banjir naik',
  action: 'Kirim tim',
});
const alice = signerFor('alice', 'console-1');
const bob = signerFor('bob', 'console-2');
const keys = [
  change(1, 'signing_key', alice.keyId, publishedKey(alice, 'alice', 'console-1')),
  change(2, 'signing_key', bob.keyId, publishedKey(bob, 'bob', 'console-2')),
];

/** Three decisions at seq 3, 4, 5, chained and signed. */
function chain() {
  const d3 = publishedDecision(alice, input(3), 'alice', 'console-1', 3, GENESIS_HASH);
  const d4 = publishedDecision(bob, input(4), 'bob', 'console-2', 4, d3.hash);
  const d5 = publishedDecision(alice, input(5), 'alice', 'console-1', 5, d4.hash);
  return [d3, d4, d5];
}
const summaries = () => store.decisions().map((d) => [d.seq, d.summary]);

/** Moves the store's cursor back (a replayed page), through a second connection: the store keeps its own private. */
function rewindCursor(to: number): void {
  const db = new Database(store.path);
  try {
    db.prepare(`UPDATE sync_state SET value = ? WHERE key = 'cursor'`).run(String(to));
  } finally {
    db.close();
  }
}

describe('DecisionVerifier', () => {
  it('keeps decisions that verify and moves the watermark to the newest', () => {
    const [d3, d4, d5] = chain();
    const out = store.applyPage(
      [
        ...keys,
        change(3, 'decision', d3!.id, d3),
        change(4, 'decision', d4!.id, d4),
        change(5, 'decision', d5!.id, d5),
      ],
      5,
    );
    expect(out.skipped).toEqual([]);
    expect(store.trust.state()).toMatchObject({ verifiedSeq: 5, verifiedHash: d5!.hash, alarms: 0 });
    expect(summaries()).toEqual([
      [5, 'Keputusan 5'],
      [4, 'Keputusan 4'],
      [3, 'Keputusan 3'],
    ]);
  });

  it('raises an alarm and keeps its copy when a verified seq is offered again with other content (even re-chained)', () => {
    const [d3, d4, d5] = chain();
    store.applyPage([...keys, change(3, 'decision', d3!.id, d3), change(4, 'decision', d4!.id, d4)], 4);
    // The same decision again (a replayed page) is no alarm.
    rewindCursor(2);
    expect(store.applyPage([change(3, 'decision', d3!.id, d3)], 4).skipped).toEqual([]);
    expect(store.trust.state().alarms).toBe(0);
    const forged = { ...d3!, summary: 'Tidak ada tindakan' };
    rewindCursor(2);
    const out = store.applyPage([change(3, 'decision', d3!.id, forged), change(5, 'decision', d5!.id, d5)], 5);
    expect(out.skipped.map((s) => s.seq)).toEqual([3]);
    const trust = store.trust.state();
    expect(trust).toMatchObject({ verifiedSeq: 5, alarms: 1 });
    expect(trust.recent[0]).toMatchObject({
      seq: 3,
      decisionId: d3!.id,
      offered: { summary: 'Tidak ada tindakan' },
      kept: { summary: 'Keputusan 3' },
    });
    expect(summaries()).toContainEqual([3, 'Keputusan 3']);
  });

  it("refuses a bad signature, another operator's key, a broken chain, a re-publication and a revoked key", () => {
    const [d3, d4] = chain();
    store.applyPage([...keys, change(3, 'decision', d3!.id, d3)], 3);
    const cases: [string, Change, RegExp][] = [];
    // Edited after signing, with the chain recomputed: the hash holds, the signature does not.
    const edited = { ...d4!, summary: 'Diubah' };
    cases.push([
      'edited',
      change(4, 'decision', d4!.id, { ...edited, hash: decisionHashOf(edited, d3!.hash) }),
      /signature does not verify/,
    ]);
    // Bob's decision claimed for alice with bob's key.
    const claimed = publishedDecision(bob, input(4), 'alice', 'console-1', 4, d3!.hash);
    cases.push(['other key', change(4, 'decision', claimed.id, claimed), /belongs to bob on console-2/]);
    cases.push([
      'broken chain',
      change(4, 'decision', d4!.id, publishedDecision(bob, input(4), 'bob', 'console-2', 4, 'f'.repeat(64))),
      /prevHash/,
    ]);
    cases.push(['re-published', change(9, 'decision', d4!.id, d4), /re-publishes/]);
    const again = publishedDecision(alice, { ...input(3) }, 'alice', 'console-1', 4, d3!.hash);
    cases.push(['same id', change(4, 'decision', again.id, again), /was verified at #3/]);
    const { signature: _s, ...unsigned } = d4!;
    cases.push([
      'unsigned',
      change(4, 'decision', d4!.id, { ...unsigned, hash: decisionHashOf(unsigned, d3!.hash) }),
      /unsigned/,
    ]);
    for (const [what, c, reason] of cases) {
      const out = store.applyPage([c], c.seq);
      expect(out.skipped, what).toHaveLength(1);
      expect(store.trust.state().recent[0]?.reason, what).toMatch(reason);
      rewindCursor(3);
    }
    expect(store.trust.state()).toMatchObject({ verifiedSeq: 3, alarms: cases.length });
    // Revoked at seq 4: alice's later decisions no longer verify.
    store.applyPage(
      [
        change(4, 'signing_key', alice.keyId, {
          ...publishedKey(alice, 'alice', 'console-1'),
          revokedAt: '2026-11-28T02:00:00.000Z',
        }),
      ],
      4,
    );
    const late = publishedDecision(alice, input(5), 'alice', 'console-1', 5, d3!.hash);
    expect(store.applyPage([change(5, 'decision', late.id, late)], 5).skipped).toHaveLength(1);
    expect(store.trust.state().recent[0]?.reason).toMatch(/revoked at #4/);
    expect(summaries()).toEqual([[3, 'Keputusan 3']]);
  });

  it('keeps verified decisions through a full download that disagrees with them', () => {
    const [d3, d4] = chain();
    store.applyPage([...keys, change(3, 'decision', d3!.id, d3), change(4, 'decision', d4!.id, d4)], 4);
    const staged = new StagedResync(store, join(dir, 'c.db.resync'));
    // The fresh feed: decision 3 rewritten and the chain recomputed from it, all by someone without alice's key.
    const f3 = { ...d3!, summary: 'Ditulis ulang' };
    f3.hash = decisionHashOf(f3, GENESIS_HASH);
    const f4 = { ...d4!, prevHash: f3.hash };
    f4.hash = decisionHashOf(f4, f3.hash);
    staged.applyPage([...keys, change(3, 'decision', f3.id, f3), change(4, 'decision', f4.id, f4)], 4);
    staged.commit();
    expect(summaries()).toEqual([
      [4, 'Keputusan 4'],
      [3, 'Keputusan 3'],
    ]);
    const trust = store.trust.state();
    expect(trust.verifiedSeq).toBe(4);
    expect(trust.recent.map((a) => a.reason).join('\n')).toMatch(
      /#3 verified here is missing from a fresh download of the feed, or does not verify there/,
    );
    expect(trust.recent.map((a) => a.reason).join('\n')).toMatch(/signature does not verify/);
  });
});

describe('migration 0004-signed-decisions', () => {
  it('adds the key and alarm tables and sends the cursor back to 0, so every decision held gets verified', () => {
    const db = openDatabase(join(dir, 'm.db'), MIGRATIONS.slice(0, 3));
    db.prepare(`INSERT INTO sync_state (key, value) VALUES ('cursor', '812')`).run();
    migrate(db, MIGRATIONS, 4);
    expect(db.prepare(`SELECT value FROM sync_state WHERE key = 'cursor'`).get()).toEqual({ value: '0' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM signing_keys').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM tamper_alarms').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('the wall of a decision this console recorded', () => {
  const wall = { stateVersion: 7, layout: { id: '6e1f0a52-0000-4000-8000-000000000003', name: 'Darurat', version: 2 } };
  const mine = (n: number) => ({ ...alice.sign({ ...input(n), wall }), wall });

  it('is compared with what the feed publishes: the same passes, another one raises an alarm and is kept', () => {
    store.applyPage(keys, 2);
    const same = mine(3);
    const other = mine(4);
    store.recordDecision(same, 'alice', 'console-1');
    store.recordDecision(other, 'alice', 'console-1');
    const d3 = publishedDecision(alice, same, 'alice', 'console-1', 3, GENESIS_HASH);
    // The central side altered the wall before publishing: the signature still holds (it does not cover it).
    const d4 = publishedDecision(
      alice,
      { ...other, wall: { ...wall, stateVersion: 8 } },
      'alice',
      'console-1',
      4,
      d3.hash,
    );
    const out = store.applyPage([change(3, 'decision', d3.id, d3), change(4, 'decision', d4.id, d4)], 4);
    expect(out.skipped).toEqual([]);
    const trust = store.trust.state();
    expect(trust).toMatchObject({ verifiedSeq: 4, alarms: 1 });
    expect(trust.recent[0]).toMatchObject({ seq: 4, decisionId: d4.id, kept: { wall } });
    expect(trust.recent[0]?.reason).toMatch(/published with another wall than this console recorded/);
    expect(store.decisions().find((d) => d.id === d4.id)?.wall?.stateVersion).toBe(8);
  });

  it('dropped by the central side raises the alarm too; decisions of other consoles are not compared', () => {
    store.applyPage(keys, 2);
    const sent = mine(3);
    store.recordDecision(sent, 'alice', 'console-1');
    const { wall: _dropped, ...bare } = sent;
    const d3 = publishedDecision(alice, bare, 'alice', 'console-1', 3, GENESIS_HASH);
    const d4 = publishedDecision(bob, { ...input(4), wall }, 'bob', 'console-2', 4, d3.hash);
    store.applyPage([change(3, 'decision', d3.id, d3), change(4, 'decision', d4.id, d4)], 4);
    expect(store.trust.state()).toMatchObject({ verifiedSeq: 4, alarms: 1 });
    expect(store.trust.state().recent[0]?.decisionId).toBe(d3.id);
  });
});
