// The first-run guide's "seen" mark through the host, per operator, kept in the console store across restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuideState } from '../../common/guide-api';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { conn, ok } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
const open = () => createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-host-guide-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  host = await open();
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

async function loggedIn(username: string) {
  const c = conn();
  ok(await host!.dispatch('session.login', { username, password: 'demo' }, c));
  return c;
}

describe('first-run guide through the host', () => {
  it('is unseen for each operator until they close it, and stays seen after a restart', async () => {
    const op = await loggedIn('operator');
    expect(ok<GuideState>(await host!.dispatch('guide.get', {}, op))).toEqual({ seen: false, seenAt: null });
    const closed = ok<GuideState>(await host!.dispatch('guide.set', { seen: true }, op));
    expect(closed.seen).toBe(true);
    expect(Date.parse(closed.seenAt!)).not.toBeNaN();

    // Another operator on the same console has not seen it.
    const presenter = await loggedIn('presenter');
    expect(ok<GuideState>(await host!.dispatch('guide.get', {}, presenter)).seen).toBe(false);

    await host!.close();
    host = await open();
    const again = await loggedIn('operator');
    expect(ok<GuideState>(await host.dispatch('guide.get', {}, again))).toEqual(closed);
    // Forgotten on request: the guide shows again.
    expect(ok<GuideState>(await host.dispatch('guide.set', { seen: false }, again)).seen).toBe(false);
    expect(ok<GuideState>(await host.dispatch('guide.get', {}, again)).seen).toBe(false);
  });

  it('needs a login and refuses bad input', async () => {
    expect(await host!.dispatch('guide.get', {}, conn())).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const op = await loggedIn('viewer');
    expect(await host!.dispatch('guide.set', { seen: 'yes' }, op)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('reads a damaged or older mark as not seen', async () => {
    const op = await loggedIn('operator');
    const id = op.operator!.id;
    host!.store.setSetting(`guide.seen.${id}`, '{not json');
    expect(ok<GuideState>(await host!.dispatch('guide.get', {}, op)).seen).toBe(false);
    host!.store.setSetting(`guide.seen.${id}`, JSON.stringify({ version: 0, at: new Date().toISOString() }));
    expect(ok<GuideState>(await host!.dispatch('guide.get', {}, op)).seen).toBe(false);
  });
});
