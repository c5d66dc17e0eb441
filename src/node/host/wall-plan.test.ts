// Layout editing, suggestions and interrupts through the host against a real hub on loopback.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../common/host-api';
import type { LayoutInput } from '../../common/entities';
import { PRESET_LAYOUTS } from '../../common/presets';
import type { LayoutLostEdit, WallAdvice } from '../../common/wall-plan-api';
import { startTestHub, type TestHub } from '../hub/hub-test-kit';
import { createHost, type ConsoleHost } from './host';
import type { Connection } from './host-service';
import { conn, ok, until } from './host-test-kit';

let t: TestHub;
let host: ConsoleHost | null = null;
const events: { name: EventName; payload: unknown }[] = [];

beforeEach(async () => {
  t = await startTestHub();
  host = await createHost({
    dataDir: join(t.dir, 'console'),
    hubUrl: t.hub.url,
    syncAccount: { username: 'viewer', password: 'demo' },
    heartbeatMs: 200,
  });
  events.length = 0;
  host.onEvent((name, payload) => events.push({ name, payload }));
  await until('the preset layouts', () => host!.store.layouts().length >= 4);
});
afterEach(async () => {
  await host?.close();
  host = null;
  await t.close();
});

const IKHTISAR = PRESET_LAYOUTS[0]!;
const DARURAT_ID = PRESET_LAYOUTS[2]!.id;
async function login(username: string): Promise<Connection> {
  const c = conn();
  ok(await host!.dispatch('session.login', { username, password: 'demo' }, c));
  return c;
}
async function centralLayouts(): Promise<{ id: string; op: string; version: number; data: { name: string } | null }[]> {
  const token = await t.login('viewer');
  const res = await t.api('/changes?since=0&limit=5000&entities=layout', { token });
  return (
    (await res.json()) as { changes: { id: string; op: string; version: number; data: { name: string } | null }[] }
  ).changes;
}
const copyOf = (name: string): LayoutInput => ({
  ...IKHTISAR,
  id: crypto.randomUUID(),
  name,
  tiles: IKHTISAR.tiles.slice(0, 8),
});

describe('layout editing through the host', () => {
  it('a presenter creates a layout: shown at once as pending, then it reaches the hub', async () => {
    const presenter = await login('presenter');
    const layout = copyOf('Ikhtisar Sore');
    const saved = ok<{ layout: { name: string } }>(await host!.dispatch('layouts.save', { layout }, presenter));
    expect(saved.layout.name).toBe('Ikhtisar Sore');
    const listed = ok<{ pending: string[] }>(await host!.dispatch('layouts.list', {}, presenter));
    expect(listed.pending).toContain(layout.id);
    await until('on the hub', async () =>
      (await centralLayouts()).find((c) => c.id === layout.id && c.data?.name === 'Ikhtisar Sore'),
    );
    await until(
      'confirmed here',
      () =>
        host!.store.layoutRepo.list().pending.length === 0 && host!.store.layoutRepo.centralVersion(layout.id) === 1,
    );
    expect(host!.store.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
  });

  it('refuses an operator at the host, and the hub refuses one too', async () => {
    const operator = await login('operator');
    expect(await host!.dispatch('layouts.save', { layout: copyOf('Coba') }, operator)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await host!.dispatch('layouts.delete', { id: IKHTISAR.id, baseVersion: 1 }, operator)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const token = await t.login('operator');
    const res = await t.api('/mutations', {
      method: 'POST',
      token,
      json: {
        consoleId: 'x',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'layout',
            op: 'upsert',
            data: copyOf('Coba'),
            clientTime: new Date().toISOString(),
          },
        ],
      },
    });
    expect(
      ((await res.json()) as { results: { status: string; error?: { code: string } }[] }).results[0],
    ).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
  });

  it('an edit on a stale version loses to the central record, and the presenter can see what was lost', async () => {
    const presenter = await login('presenter');
    // Someone else renames Ikhtisar on the central side first (version 1 -> 2).
    const token = await t.login('supervisor');
    await t.api('/mutations', {
      method: 'POST',
      token,
      json: {
        consoleId: 'other',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'layout',
            op: 'upsert',
            baseVersion: 1,
            data: { ...IKHTISAR, name: 'Ikhtisar Pusat' },
            clientTime: new Date().toISOString(),
          },
        ],
      },
    });
    ok(
      await host!.dispatch(
        'layouts.save',
        { layout: { ...IKHTISAR, name: 'Ikhtisar Saya' }, baseVersion: 1 },
        presenter,
      ),
    );
    const lost = await until(
      'the conflict surfaced',
      async () => ok<{ edits: LayoutLostEdit[] }>(await host!.dispatch('layouts.conflicts', {}, presenter)).edits[0],
    );
    expect(lost).toMatchObject({
      layoutId: IKHTISAR.id,
      state: 'conflict',
      yours: { name: 'Ikhtisar Saya' },
      central: { name: 'Ikhtisar Pusat', version: 2 },
    });
    await until('the central record shown', () => host!.store.layout(IKHTISAR.id)?.name === 'Ikhtisar Pusat');
    expect(host!.sync.status().rejected).toBe(1);
    ok(await host!.dispatch('outbox.dismiss', { id: lost.id }, presenter));
    expect(ok<{ edits: unknown[] }>(await host!.dispatch('layouts.conflicts', {}, presenter)).edits).toEqual([]);
  });

  it('names what is wrong with a layout, and will not delete the one on the wall', async () => {
    const presenter = await login('presenter');
    const bad = {
      ...copyOf('Web'),
      tiles: [
        { id: 'w', x: 0, y: 0, w: 1, h: 1, source: { kind: 'web' as const, url: 'https://example.com/' } },
        { id: 'v', x: 0, y: 0, w: 2, h: 1, source: { kind: 'clock' as const } },
      ],
    };
    expect(await host!.dispatch('layouts.save', { layout: bad }, presenter)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_layout',
        details: [
          { code: 'web_not_allowed', host: 'example.com' },
          { code: 'tile_overlap', tileId: 'v', otherId: 'w' },
        ],
      },
    });
    ok(await host!.dispatch('wall.switch', { layoutId: IKHTISAR.id }, presenter));
    expect(await host!.dispatch('layouts.delete', { id: IKHTISAR.id, baseVersion: 1 }, presenter)).toMatchObject({
      ok: false,
      error: { code: 'layout_on_wall' },
    });
    ok(await host!.dispatch('layouts.delete', { id: PRESET_LAYOUTS[1]!.id, baseVersion: 1 }, presenter));
    await until('deleted on the hub', async () =>
      (await centralLayouts()).some((c) => c.id === PRESET_LAYOUTS[1]!.id && c.op === 'delete'),
    );
  });
});

describe('the schedule through the host', () => {
  it('is kept by presenters only, refuses clashes and unknown layouts, and protects the layouts it uses', async () => {
    const presenter = await login('presenter');
    const operator = await login('operator');
    const entry = (id: string, at: string, layoutId: string) => ({ id, at, days: [1, 2, 3, 4, 5], layoutId });
    const schedule = {
      enabled: true,
      entries: [entry('pagi', '07:00', IKHTISAR.id), entry('rapat', '09:00', PRESET_LAYOUTS[3]!.id)],
    };
    expect(await host!.dispatch('schedule.save', { schedule }, operator)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const clash = {
      ...schedule,
      entries: [...schedule.entries, entry('lagi', '09:00', DARURAT_ID), entry('x', '10:00', crypto.randomUUID())],
    };
    expect(await host!.dispatch('schedule.save', { schedule: clash }, presenter)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_schedule',
        details: [
          { code: 'same_time', at: '09:00', day: 1 },
          { code: 'same_time', at: '09:00', day: 2 },
          { code: 'same_time', at: '09:00', day: 3 },
          { code: 'same_time', at: '09:00', day: 4 },
          { code: 'same_time', at: '09:00', day: 5 },
          { code: 'unknown_layout', entryId: 'x' },
        ],
      },
    });
    const saved = ok<{ schedule: { entries: unknown[] }; next: { at: string } | null }>(
      await host!.dispatch('schedule.save', { schedule }, presenter),
    );
    expect(saved.schedule.entries).toHaveLength(2);
    expect(saved.next?.at).toMatch(/T(00|02):00:00.000Z$/); // 07:00 or 09:00 WIB
    expect(events.some((e) => e.name === 'schedule.changed')).toBe(true);
    expect(
      await host!.dispatch('layouts.delete', { id: PRESET_LAYOUTS[3]!.id, baseVersion: 1 }, presenter),
    ).toMatchObject({ ok: false, error: { code: 'layout_scheduled' } });
  });
});

describe('suggestions and interrupts through the host', () => {
  it('a critical incident is pushed as a suggestion; taking it interrupts, ending it restores the wall', async () => {
    const presenter = await login('presenter');
    const operator = await login('operator');
    ok(await host!.dispatch('wall.switch', { layoutId: IKHTISAR.id }, presenter));
    ok(
      await host!.dispatch(
        'incidents.save',
        {
          incident: {
            title: 'Banjir bandang Kali Lesti',
            sector: 'disaster',
            severity: 4,
            status: 'reported',
            districtCode: '35.07.13',
            lat: -8.13,
            lon: 112.57,
          },
        },
        operator,
      ),
    );
    const pushed = await until(
      'wall.advice event',
      () =>
        events.find((e) => e.name === 'wall.advice' && (e.payload as WallAdvice).suggestion)?.payload as
          WallAdvice | undefined,
    );
    expect(pushed.suggestion).toMatchObject({ layoutId: DARURAT_ID, layoutName: 'Darurat' });
    expect(
      await host!.dispatch('wall.takeSuggestion', { layoutId: DARURAT_ID, incidentIds: [] }, operator),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const taken = ok<WallAdvice>(
      await host!.dispatch(
        'wall.takeSuggestion',
        { layoutId: DARURAT_ID, incidentIds: pushed.suggestion!.incidents.map((i) => i.id) },
        presenter,
      ),
    );
    expect(taken.interrupt).toMatchObject({ layoutId: DARURAT_ID, previousLayoutId: IKHTISAR.id });
    expect(host!.wall.state().layout?.name).toBe('Darurat');
    ok(await host!.dispatch('wall.endInterrupt', {}, presenter));
    expect(host!.wall.state().layout?.id).toBe(IKHTISAR.id);
    expect(ok<WallAdvice>(await host!.dispatch('wall.advice', {}, presenter))).toEqual({
      suggestion: null,
      interrupt: null,
      restoreLayoutId: null,
    });
  });
});
