// The decision chain checked by the console from its own copy of the feed, and the CSV export, against a real hub.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChainCheckView } from '../../common/decision-log-api';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-declog-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('decision log in the console', () => {
  it('verifies the chain to the newest decision, and names the first one that was altered', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const h = host;
    const c = conn();
    ok(await h.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
    for (const summary of ['=HYPERLINK("x") tutup jalan', 'Buka posko; siapkan dapur umum']) {
      ok(
        await h.dispatch(
          'decisions.record',
          { summary, rationale: 'Air naik, 1,5 m\nhujan deras', action: 'BPBD berangkat' },
          c,
        ),
      );
    }
    await until(
      'synced',
      () => h.store.decisions().length >= 4 && h.store.decisions().every((d) => d.state === 'synced'),
    );
    const seqs = h.store
      .decisions()
      .map((d) => d.seq as number)
      .sort((a, b) => a - b);
    const check = ok<ChainCheckView>(await h.dispatch('decisions.verify', {}, c));
    expect(check).toEqual({ count: seqs.length, verifiedTo: seqs.at(-1), broken: null });

    // Someone edits the console's copy of the second decision: the check stops right before it.
    // (through a second connection: the store keeps its own private)
    const db = new Database(h.store.path);
    const row = db.prepare('SELECT id, data FROM decisions WHERE seq = ?').get(seqs[1]) as { id: string; data: string };
    db.prepare('UPDATE decisions SET data = ? WHERE id = ?').run(
      JSON.stringify({ ...JSON.parse(row.data), summary: 'diubah' }),
      row.id,
    );
    db.close();
    expect(ok<ChainCheckView>(await h.dispatch('decisions.verify', {}, c))).toEqual({
      count: seqs.length,
      verifiedTo: seqs[0],
      broken: { seq: seqs[1], id: row.id, reason: 'hash' },
    });
  });

  it('exports a date range to CSV with a BOM, inert formulas and the semicolon option', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const h = host;
    const c = conn();
    ok(await h.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
    ok(
      await h.dispatch(
        'decisions.record',
        { summary: '=1+1 bukan rumus', rationale: 'Air naik; 1,5 m', action: 'Evakuasi' },
        c,
      ),
    );
    await until(
      'synced',
      () => h.store.decisions().every((d) => d.state === 'synced') && h.store.decisions().length >= 3,
    );
    const all = ok<{ csv: string; count: number }>(await h.dispatch('decisions.export', { separator: ';' }, c));
    expect(all.count).toBe(3);
    expect(all.csv.startsWith('\uFEFFseq;decidedAt;')).toBe(true);
    expect(all.csv).toContain(';\'=1+1 bukan rumus;"Air naik; 1,5 m";Evakuasi;');
    // Demo decisions were decided 80 and 120 minutes ago: the last hour holds only the new one.
    const lastHour = ok<{ csv: string; count: number }>(
      await h.dispatch('decisions.export', { from: new Date(Date.now() - 3_600_000).toISOString() }, c),
    );
    expect(lastHour.count).toBe(1);
    expect(lastHour.csv.split('\r\n')[1]).toContain("'=1+1 bukan rumus");
    expect(
      await h.dispatch('decisions.export', { from: '2026-12-02T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' }, c),
    ).toMatchObject({ ok: false });
  });
});
