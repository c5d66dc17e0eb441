// The room as the update policy sees it, read through the real host's requests (real hub on loopback).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_LAYOUTS } from '../../common/presets';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from '../host/host';
import { conn, ok } from '../host/host-test-kit';
import { SHELL_CONNECTION_ID } from '../host/update-handlers';
import { PRESENTATION_HOLD_MS, readRoomState, roomStateOf, type RoomFacts } from './room-state';

let dir: string;
let hub: Hub;
let host: ConsoleHost;
const [IKHTISAR, FOKUS, DARURAT] = PRESET_LAYOUTS.map((l) => l.id) as [string, string, string];
const shell = { id: SHELL_CONNECTION_ID, operator: null, wall: null };
const read = (now: number) => readRoomState((name, input) => host.dispatch(name, input, shell), now);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-room-'));
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

describe('readRoomState', () => {
  it('sees a presentation after a switch and an emergency on the Darurat layout, through the host requests', async () => {
    const presenter = conn();
    ok(await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter));
    ok(await host.dispatch('wall.switch', { layoutId: FOKUS }, presenter));
    const justNow = await read(Date.now());
    expect(justNow).toMatchObject({ presentationLive: true, emergencyLive: false, pendingWrites: 0 });
    // An hour and a bit later, with no schedule, the wall is just the wall again.
    expect(await read(Date.now() + PRESENTATION_HOLD_MS + 60_000)).toMatchObject({
      presentationLive: false,
      emergencyLive: false,
    });

    ok(await host.dispatch('wall.switch', { layoutId: DARURAT }, presenter));
    expect(await read(Date.now() + 2 * PRESENTATION_HOLD_MS)).toMatchObject({ emergencyLive: true });
    ok(await host.dispatch('wall.switch', { layoutId: IKHTISAR }, presenter));
  });

  it('rejects when the host cannot answer, so nothing installs', async () => {
    await expect(
      readRoomState(
        async () => ({ ok: false, error: { code: 'host_closing', message: 'Nawa is closing.' } }),
        Date.now(),
      ),
    ).rejects.toThrow(/wall.state: Nawa is closing/);
  });
});

describe('roomStateOf', () => {
  const facts = (over: Partial<RoomFacts> = {}): RoomFacts => ({
    wall: { stateVersion: 1, layout: null, switchedAt: null, bezelPx: 0, identify: false, undoLayoutId: null },
    advice: { suggestion: null, interrupt: null, restoreLayoutId: null },
    sync: {
      hubUrl: 'x',
      online: true,
      lastSeq: 0,
      pending: 0,
      rejected: 0,
      lastSyncAt: null,
      lastError: null,
      notice: null,
    },
    schedule: { schedule: { enabled: false, entries: [] }, next: null },
    ...over,
  });

  it('counts writes waiting for the central side, an interrupt, and the identify overlay', () => {
    const base = facts();
    expect(roomStateOf(base, 0)).toMatchObject({ emergencyLive: false, presentationLive: false, pendingWrites: 0 });
    expect(roomStateOf(facts({ sync: { ...base.sync, pending: 4 } }), 0).pendingWrites).toBe(4);
    expect(roomStateOf(facts({ wall: { ...base.wall, identify: true } }), 0).presentationLive).toBe(true);
    const interrupt = {
      layoutId: DARURAT,
      layoutName: 'Darurat',
      previousLayoutId: null,
      startedAt: '2026-12-01T00:00:00.000Z',
      by: 'x',
      incidentIds: [],
    };
    expect(roomStateOf(facts({ advice: { ...base.advice, interrupt } }), 0).emergencyLive).toBe(true);
  });

  it("a layout other than the one the schedule has in force is a presenter's choice: a presentation", () => {
    const layout = PRESET_LAYOUTS[1];
    if (!layout) throw new Error('no preset');
    const wall = { ...facts().wall, layout: { ...layout, version: 1, updatedAt: '2026-12-01T00:00:00.000Z' } };
    const schedule = {
      schedule: {
        enabled: true,
        entries: [{ id: 'pagi', at: '07:00', days: [1, 2, 3, 4, 5, 6, 7], layoutId: IKHTISAR }],
      },
      next: null,
    };
    expect(roomStateOf(facts({ wall, schedule }), Date.parse('2026-12-02T10:00:00+07:00')).presentationLive).toBe(true);
    const onSchedule = {
      ...schedule,
      schedule: { ...schedule.schedule, entries: [{ ...schedule.schedule.entries[0]!, layoutId: layout.id }] },
    };
    expect(
      roomStateOf(facts({ wall, schedule: onSchedule }), Date.parse('2026-12-02T10:00:00+07:00')).presentationLive,
    ).toBe(false);
  });
});
