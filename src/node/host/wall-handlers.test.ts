// The wall requests through the real host (real hub on loopback): who may undo, set the bezel and identify,
// and a window that draws every cell speaking for all nine walls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallState, WallStatusList } from '../../common/host-api';
import { PRESET_LAYOUTS } from '../../common/presets';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import type { Connection } from './host-service';
import { conn, ok } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost;
const [, FOKUS, DARURAT] = PRESET_LAYOUTS.map((l) => l.id) as [string, string, string];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-wallh-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  host = await createHost({
    dataDir: join(dir, 'console'),
    hubUrl: hub.url,
    syncAccount: { username: 'viewer', password: 'demo' },
    heartbeatMs: 200,
  });
  const end = Date.now() + 10_000;
  while (host.store.layouts().length < PRESET_LAYOUTS.length && Date.now() < end)
    await new Promise((r) => setTimeout(r, 25));
});
afterAll(async () => {
  await host?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function as(username: string): Promise<Connection> {
  const c = conn();
  ok(await host.dispatch('session.login', { username, password: 'demo' }, c));
  return c;
}

describe('wall requests', () => {
  it('lets presenters and supervisors undo, set the bezel and identify; operators and viewers are refused', async () => {
    for (const who of ['operator', 'viewer']) {
      const c = await as(who);
      for (const [name, input] of [
        ['wall.undo', {}],
        ['wall.setBezel', { px: 10 }],
        ['wall.identify', { on: true }],
      ] as const) {
        expect(await host.dispatch(name, input, c)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await host.dispatch('wall.undo', {}, conn())).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const presenter = await as('presenter');
    const events: string[] = [];
    const off = host.onEvent((name) => events.push(name));
    ok(await host.dispatch('wall.switch', { layoutId: FOKUS }, presenter));
    const switched = ok<WallState>(await host.dispatch('wall.switch', { layoutId: DARURAT }, presenter));
    const undone = ok<WallState>(await host.dispatch('wall.undo', {}, presenter));
    expect(undone).toMatchObject({ stateVersion: switched.stateVersion + 1, layout: { id: FOKUS } });
    expect(events).toContain('wall.state');
    off();
    const supervisor = await as('supervisor');
    expect(ok<WallState>(await host.dispatch('wall.setBezel', { px: 18 }, supervisor))).toMatchObject({
      bezelPx: 18,
      stateVersion: undone.stateVersion,
    });
    expect(ok<WallState>(await host.dispatch('wall.identify', { on: true }, supervisor))).toMatchObject({
      identify: true,
    });
    ok(await host.dispatch('wall.identify', { on: false }, supervisor));
    expect(await host.dispatch('wall.setBezel', { px: -1 }, supervisor)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('counts a window that draws all cells as nine connected walls that each acknowledge', async () => {
    const presenter = await as('presenter');
    const all = conn();
    const hello = ok<WallState>(await host.dispatch('wall.hello', { wall: 1, all: true }, all));
    expect(host.wall.status().walls.every((w) => w.connected)).toBe(true);
    for (let n = 1; n <= 9; n++)
      ok(await host.dispatch('wall.painted', { wall: n, stateVersion: hello.stateVersion }, all));
    const v = ok<WallState>(await host.dispatch('wall.switch', { layoutId: DARURAT }, presenter)).stateVersion;
    for (let n = 1; n <= 9; n++) ok(await host.dispatch('wall.painted', { wall: n, stateVersion: v }, all));
    const status = ok<WallStatusList>(await host.dispatch('wall.status', {}, presenter));
    expect(status.lastSwitch).toMatchObject({
      stateVersion: v,
      painted: 9,
      connected: 9,
      allPaintedMs: expect.any(Number),
    });
    expect(status.walls.every((w) => w.paintedVersion === v)).toBe(true);
    host.disconnected(all);
    expect(host.wall.status().walls.some((w) => w.connected)).toBe(false);
  });

  it('answers wall.pairing with no links and the reason when the walls are the shell’s own windows (Electron)', async () => {
    // This host was made as the Electron shell makes it: without the links nawa serve would give it.
    for (const who of ['presenter', 'supervisor'])
      expect(ok(await host.dispatch('wall.pairing', {}, await as(who)))).toEqual({
        reason: 'no_remote_walls',
        walls: [],
      });
    for (const who of ['operator', 'viewer'])
      expect(await host.dispatch('wall.pairing', {}, await as(who))).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(await host.dispatch('wall.pairing', {}, conn())).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });
});
