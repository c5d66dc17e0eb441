// A decision records the wall layout live when it is made (offline too), and a correction supersedes a decision
// with a required reason: the host against a real hub on loopback, real SQLite files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionView } from '../../common/host-api';
import type { Layout } from '../../common/entities';
import { startHub, type Hub } from '../hub/hub';
import { testHubDb } from '../hub/hub-test-kit';
import { verifyDecisionLog } from '../signing/decision-log';
import { createHost, type ConsoleHost } from './host';
import { wallNow } from './decision-recording';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-correct-'));
  hub = await startHub({ dbPath: await testHubDb(dir), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

async function feed(h: Hub, entities: string) {
  const res = await fetch(`${h.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'demo' }),
  });
  const { token } = (await res.json()) as { token: string };
  const body = (await (
    await fetch(`${h.url}/api/v1/changes?since=0&limit=5000&entities=${entities}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { changes: { entity: string; data: Record<string, unknown> }[] };
  return body.changes;
}

async function loggedIn(h: ConsoleHost, username: string) {
  const c = conn();
  ok(await h.dispatch('session.login', { username, password: 'demo' }, c));
  return c;
}

const decide = async (h: ConsoleHost, c: ReturnType<typeof conn>, summary: string) =>
  ok<{ decision: DecisionView }>(
    await h.dispatch('decisions.record', { summary, rationale: 'Air naik', action: 'BPBD berangkat' }, c),
  ).decision;

describe('the wall layout a decision records', () => {
  it('is the layout live on the wall and its state version, kept through sync, chained, offline too', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const h = host;
    const op = await loggedIn(h, 'operator');
    const presenter = await loggedIn(h, 'presenter');
    const layouts = await until('layouts', () => {
      const l = h.store.layouts();
      return l.length >= 2 && l;
    });
    const [a, b] = [layouts[0] as Layout, layouts[1] as Layout];
    const onA = ok<{ stateVersion: number }>(await h.dispatch('wall.switch', { layoutId: a.id }, presenter));
    const first = await decide(h, op, 'Tutup jalan Dampit');
    expect(first.wall).toEqual({
      stateVersion: onA.stateVersion,
      layout: { id: a.id, name: a.name, version: a.version },
    });

    const onB = ok<{ stateVersion: number }>(await h.dispatch('wall.switch', { layoutId: b.id }, presenter));
    expect(onB.stateVersion).toBe(onA.stateVersion + 1);
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await until('offline', () => !h.sync.status().online);
    const offline = await decide(h, op, 'Buka posko Sumberpucung');
    expect(offline.wall).toEqual({
      stateVersion: onB.stateVersion,
      layout: { id: b.id, name: b.name, version: b.version },
    });
    hub = await startHub({ dbPath: await testHubDb(dir), port, heartbeatMs: 200 });

    const synced = await until('both synced', () => {
      const ds = h.store.decisions().filter((d) => d.id === first.id || d.id === offline.id);
      return ds.length === 2 && ds.every((d) => d.state === 'synced') && ds;
    });
    expect(synced.find((d) => d.id === offline.id)?.wall).toEqual(offline.wall);
    expect(synced.find((d) => d.id === first.id)?.wall).toEqual(first.wall);
    // The hub published the field as sent; the chain and the signatures (which do not sign it) verify.
    const changes = await feed(hub, 'decision,signing_key');
    const published = changes.filter((c) => c.entity === 'decision').map((c) => c.data);
    expect(published.find((d) => d.id === offline.id)?.wall).toEqual(offline.wall);
    const verdict = verifyDecisionLog(
      published as never,
      changes.filter((c) => c.entity === 'signing_key').map((c) => c.data) as never,
    );
    expect(verdict).toMatchObject({ ok: true });
    expect(h.store.trust.watermark().seq).toBe(Math.max(...synced.map((d) => d.seq ?? 0)));
  });

  it('says no layout when the wall shows none', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: 'http://127.0.0.1:9', heartbeatMs: 200 });
    const h = host;
    // A console that never synced holds no layout: the wall shows none and was never switched.
    expect(wallNow(h)).toEqual({ stateVersion: 0, layout: null });
  });
});

describe('a correction', () => {
  it('supersedes a decision with its reason as the signed rationale, once', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const h = host;
    const op = await loggedIn(h, 'operator');
    const original = await decide(h, op, 'Tutup jalan Dampit');
    const fixed = ok<{ decision: DecisionView }>(
      await h.dispatch(
        'decisions.correct',
        {
          supersedes: original.id,
          summary: 'Jalan Dampit dibuka satu lajur',
          action: 'DPUBM mengatur buka-tutup',
          reason: '  Material longsor sudah dibersihkan sebagian  ',
        },
        op,
      ),
    ).decision;
    expect(fixed).toMatchObject({
      supersedes: original.id,
      rationale: 'Material longsor sudah dibersihkan sebagian',
      state: 'pending',
    });
    expect(fixed.wall).toBeDefined();

    // Corrected already (still waiting, here): the next correction goes to the newest.
    const again = await h.dispatch(
      'decisions.correct',
      { supersedes: original.id, summary: 'Lagi', action: 'Lagi', reason: 'Lagi' },
      op,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'already_corrected', params: { summary: 'Jalan Dampit dibuka satu lajur' } },
    });
    const viaRecord = await h.dispatch(
      'decisions.record',
      { summary: 'Lagi', rationale: 'x', action: 'Lagi', supersedes: original.id },
      op,
    );
    expect(viaRecord).toMatchObject({ ok: false, error: { code: 'already_corrected' } });
    expect(
      await h.dispatch(
        'decisions.correct',
        { supersedes: crypto.randomUUID(), summary: 'x', action: 'x', reason: 'x' },
        op,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(
      await h.dispatch(
        'decisions.correct',
        { supersedes: fixed.id, summary: 'x', action: 'x', reason: ' \u200b ' },
        op,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { fields: 'reason' } } });
    for (const role of ['viewer', 'presenter']) {
      const other = await loggedIn(h, role);
      expect(
        await h.dispatch('decisions.correct', { supersedes: fixed.id, summary: 'x', action: 'x', reason: 'x' }, other),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    await until('synced', () =>
      h.store
        .decisions()
        .filter((d) => d.id === original.id || d.id === fixed.id)
        .every((d) => d.state === 'synced'),
    );
    const published = (await feed(hub, 'decision')).map((c) => c.data);
    expect(published.find((d) => d.id === fixed.id)).toMatchObject({
      supersedes: original.id,
      rationale: 'Material longsor sudah dibersihkan sebagian',
    });
    // A correction of the correction is fine: it is the newest.
    const second = await h.dispatch(
      'decisions.correct',
      {
        supersedes: fixed.id,
        summary: 'Jalan Dampit dibuka penuh',
        action: 'Rambu dicabut',
        reason: 'Selesai dibersihkan',
      },
      op,
    );
    expect(second).toMatchObject({ ok: true, value: { decision: { supersedes: fixed.id } } });
  });
});
