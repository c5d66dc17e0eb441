// WallController on a real SQLite store: undo history, bezel and identify, the switch measurement, data age.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESET_LAYOUTS } from '../../common/presets';
import { ConsoleStore } from '../store/console-store';
import { WallController } from './wall-state';

let dir: string;
let store: ConsoleStore;
const [IKHTISAR, FOKUS, DARURAT, RAPAT] = PRESET_LAYOUTS.map((l) => l.id) as [string, string, string, string];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-wall-'));
  store = ConsoleStore.open(join(dir, 'console.db'));
  const updatedAt = '2026-11-28T08:00:00.000Z';
  store.applyPage(
    PRESET_LAYOUTS.map((l, i) => ({
      seq: i + 1,
      entity: 'layout' as const,
      id: l.id,
      op: 'upsert' as const,
      version: 1,
      data: { ...l, version: 1, updatedAt },
    })),
    PRESET_LAYOUTS.length,
  );
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WallController', () => {
  it('undoes switches one by one, skipping layouts deleted since, and keeps the history across restarts', () => {
    const wall = new WallController(store);
    expect(wall.ensureDefault()?.layout?.id).toBe(IKHTISAR);
    expect(wall.state().undoLayoutId).toBeNull();
    wall.switchTo(FOKUS);
    wall.switchTo(DARURAT);
    const v = wall.switchTo(RAPAT).stateVersion;
    expect(wall.state().undoLayoutId).toBe(DARURAT);
    store.applyPage([{ seq: 10, entity: 'layout', id: DARURAT, op: 'delete', version: 2, data: null }], 10);

    const again = new WallController(store);
    expect(again.state().undoLayoutId).toBe(FOKUS);
    const undone = again.undo();
    expect(undone).toMatchObject({ stateVersion: v + 1, layout: { id: FOKUS }, undoLayoutId: IKHTISAR });
    expect(again.undo()?.layout?.id).toBe(IKHTISAR);
    expect(again.undo()).toBeNull();
  });

  it('changes bezel and identify without a new state version; the bezel is kept', () => {
    const wall = new WallController(store);
    const v = wall.switchTo(FOKUS).stateVersion;
    expect(wall.state()).toMatchObject({ bezelPx: 0, identify: false });
    expect(wall.setBezel(24)).toMatchObject({ stateVersion: v, bezelPx: 24 });
    expect(wall.setIdentify(true)).toMatchObject({ stateVersion: v, identify: true });
    expect(new WallController(store).state()).toMatchObject({ bezelPx: 24, identify: false });
  });

  it('reports the last switch over the walls connected at the request', () => {
    const wall = new WallController(store);
    for (const n of [1, 2, 3]) wall.connected(n);
    const v = wall.switchTo(DARURAT).stateVersion;
    wall.painted(1, v);
    wall.painted(2, v);
    expect(wall.status().lastSwitch).toMatchObject({ stateVersion: v, painted: 2, connected: 3, allPaintedMs: null });
    wall.painted(3, v);
    const last = wall.status().lastSwitch!;
    expect(last).toMatchObject({ painted: 3, connected: 3 });
    expect(last.allPaintedMs).toBeGreaterThanOrEqual(0);
  });

  it('gives a connected wall the cache age and freezes it when the wall goes away', () => {
    const wall = new WallController(store);
    wall.connected(4);
    wall.noteSync('2026-11-28T08:00:00.000Z');
    expect(wall.status().walls[3]).toMatchObject({ connected: true, dataAt: '2026-11-28T08:00:00.000Z' });
    wall.disconnected(4);
    wall.noteSync('2026-11-28T08:05:00.000Z');
    expect(wall.status().walls[3]).toMatchObject({ connected: false, dataAt: '2026-11-28T08:00:00.000Z' });
    expect(wall.status().walls[0]).toMatchObject({ connected: false, dataAt: null });
  });
});
