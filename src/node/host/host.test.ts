// The host against a real hub on loopback: real SQLite files, real HTTP, real stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../hub/hub';
import { testHubDb } from '../hub/hub-test-kit';
import { verifyDecisionChain } from '../hub/decision-chain';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-host-'));
  hub = await startHub({ dbPath: await testHubDb(dir), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

async function centralDecisions(h: Hub) {
  const res = await fetch(`${h.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'demo' }),
  });
  const { token } = (await res.json()) as { token: string };
  const feed = (await (
    await fetch(`${h.url}/api/v1/changes?since=0&limit=5000&entities=decision`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { changes: { data: Record<string, unknown> }[] };
  return feed.changes.map((c) => c.data);
}

describe('console host', () => {
  it('syncs the demo data with the read account before anyone logs in', async () => {
    host = await createHost({
      dataDir: join(dir, 'console'),
      hubUrl: hub.url,
      syncAccount: { username: 'viewer', password: 'demo' },
      heartbeatMs: 200,
    });
    const c = conn();
    await until('sites', () => host!.store.overview().sites >= 390);
    const overview = ok<{ sites: number; kpis: unknown[] }>(await host.dispatch('overview.get', {}, c));
    expect(overview.sites).toBeGreaterThanOrEqual(390);
    const layouts = ok<{ layouts: { name: string }[] }>(await host.dispatch('layouts.list', {}, c));
    expect(layouts.layouts.map((l) => l.name)).toEqual(expect.arrayContaining(['Ikhtisar', 'Darurat']));
    await until('online', () => host!.sync.status().online);
    const wall = await until('default layout on the wall', () => host!.wall.state().layout);
    expect(wall.name).toBeTruthy();
  });

  it('records a decision at once, pushes it, and gets back the central seq and hash', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const c = conn();
    const login = ok<{ operator: { role: string } }>(
      await host.dispatch('session.login', { username: 'operator', password: 'demo' }, c),
    );
    expect(login.operator.role).toBe('operator');
    const rec = ok<{ decision: { id: string; state: string } }>(
      await host.dispatch(
        'decisions.record',
        { summary: 'Kirim perahu karet ke Dampit', rationale: 'Air naik 40 cm', action: 'BPBD berangkat' },
        c,
      ),
    );
    expect(rec.decision.state).toBe('pending');
    const synced = await until('the decision synced', () =>
      host!.store.decisions().find((d) => d.id === rec.decision.id && d.state === 'synced'),
    );
    expect(synced.seq).toBeGreaterThan(0);
    const central = await centralDecisions(hub);
    expect(central.filter((d) => d.id === rec.decision.id)).toHaveLength(1);
    expect(verifyDecisionChain(central as never).ok).toBe(true);
    expect(host.store.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('keeps decisions made while the hub is down and delivers each exactly once when it returns', async () => {
    const port = Number(new URL(hub.url).port);
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const c = conn();
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
    await until('online', () => host!.sync.status().online);
    // The login's signing key is pushed first (slower on PostgreSQL): the outage starts with nothing waiting.
    await until('signing key pushed', () => host!.sync.status().pending === 0);
    await hub.close();
    await until('offline noticed', () => !host!.sync.status().online);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = ok<{ decision: { id: string } }>(
        await host.dispatch(
          'decisions.record',
          { summary: `Keputusan luring ${i}`, rationale: '', action: 'Catat' },
          c,
        ),
      );
      ids.push(r.decision.id);
    }
    expect(host.sync.status().pending).toBe(5);
    // Offline login for an operator known to this console; a wrong password is still refused.
    expect(ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, conn()))).toMatchObject({
      operator: { role: 'operator' },
    });
    expect(await host.dispatch('session.login', { username: 'operator', password: 'salah' }, conn())).toMatchObject({
      ok: false,
    });
    hub = await startHub({ dbPath: await testHubDb(dir), port, heartbeatMs: 200 });
    await until('outbox drained', () => host!.sync.status().pending === 0, 30_000);
    await until(
      'all synced',
      () => ids.every((id) => host!.store.decisions().some((d) => d.id === id && d.state === 'synced')),
      10_000,
    );
    const central = await centralDecisions(hub);
    for (const id of ids) expect(central.filter((d) => d.id === id)).toHaveLength(1);
    expect(verifyDecisionChain(central as never).ok).toBe(true);
  });

  it('enforces roles and validates input, answering errors as data', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const anon = conn();
    expect(await host.dispatch('decisions.record', { summary: 'x', rationale: '', action: 'y' }, anon)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const viewer = conn();
    ok(await host.dispatch('session.login', { username: 'viewer', password: 'demo' }, viewer));
    expect(await host.dispatch('decisions.record', { summary: 'x', rationale: '', action: 'y' }, viewer)).toMatchObject(
      { ok: false, error: { code: 'forbidden' } },
    );
    const op = conn();
    const { resumeKey } = ok<{ resumeKey: string }>(
      await host.dispatch('session.login', { username: 'operator', password: 'demo' }, op),
    );
    // A lost link: the same tab takes its login back on a new connection; after logout the key is dead.
    const again = conn();
    expect(ok(await host.dispatch('session.resume', { resumeKey }, again))).toMatchObject({
      operator: { role: 'operator' },
    });
    ok(await host.dispatch('session.logout', {}, again));
    expect(await host.dispatch('session.resume', { resumeKey }, conn())).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    expect(await host.dispatch('wall.switch', { layoutId: '6e1f0a52-0000-4000-8000-000000000003' }, op)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await host.dispatch('decisions.record', { summary: 'x', rationale: '', action: 'y', extra: 1 }, op),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host.dispatch('no.such.request', {}, op)).toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    });
    expect(await host.dispatch('session.login', { username: 'operator', password: 'wrong' }, conn())).toMatchObject({
      ok: false,
      error: { code: 'bad_credentials' },
    });
  });

  it('tracks which wall painted which state, and forgets a wall that went away', async () => {
    host = await createHost({
      dataDir: join(dir, 'console'),
      hubUrl: hub.url,
      syncAccount: { username: 'viewer', password: 'demo' },
      heartbeatMs: 200,
    });
    await until('layouts', () => host!.store.layouts().length >= 4);
    const presenter = conn();
    ok(await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter));
    const wall3 = conn();
    const hello = ok<{ stateVersion: number }>(await host.dispatch('wall.hello', { wall: 3 }, wall3));
    const switched = ok<{ stateVersion: number; layout: { name: string } }>(
      await host.dispatch('wall.switch', { layoutId: '6e1f0a52-0000-4000-8000-000000000003' }, presenter),
    );
    expect(switched.stateVersion).toBeGreaterThan(hello.stateVersion);
    expect(switched.layout.name).toBe('Darurat');
    ok(await host.dispatch('wall.painted', { wall: 3, stateVersion: switched.stateVersion }, wall3));
    expect(host.wall.status().walls[2]).toMatchObject({
      wall: 3,
      connected: true,
      paintedVersion: switched.stateVersion,
    });
    expect(await host.dispatch('wall.painted', { wall: 4, stateVersion: 1 }, wall3)).toMatchObject({ ok: false });
    host.disconnected(wall3);
    expect(host.wall.status().walls[2]?.connected).toBe(false);
  });
});
