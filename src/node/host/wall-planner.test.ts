import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Incident } from '../../common/entities';
import { PRESET_LAYOUTS } from '../../common/presets';
import type { WallAdvice } from '../../common/wall-plan-api';
import { WORKDAYS, type Schedule } from '../../common/wall-schedule';
import { ConsoleStore } from '../store/console-store';
import { ManualClock } from '../ports/clock';
import { WallPlanner } from './wall-planner';
import { WallController } from './wall-state';

const [IKHTISAR, FOKUS, DARURAT, RAPAT] = PRESET_LAYOUTS.map((p) => p.id) as [string, string, string, string];
const schedule: Schedule = {
  enabled: true,
  entries: [
    { id: 'pagi', at: '07:00', days: [...WORKDAYS], layoutId: IKHTISAR },
    { id: 'rapat', at: '09:00', days: [...WORKDAYS], layoutId: RAPAT },
  ],
};
const INCIDENT = '5e5e5e5e-0000-4000-8000-000000000001';
const incident = (severity: number, id = INCIDENT): Incident => ({
  id,
  title: 'Tanah longsor di Desa Sumberdem',
  sector: 'disaster',
  severity,
  status: 'verified',
  districtCode: '35.07.19',
  lat: -8.2,
  lon: 112.4,
  assignedOpd: 'BPBD',
  reportedAt: '2026-12-01T01:00:00.000Z',
  updatedAt: '2026-12-01T01:00:00.000Z',
  version: 1,
});

let dir: string;
let store: ConsoleStore;
let wall: WallController;
let clock: ManualClock;
let seq = 0;
let switches: (string | undefined)[];
let advice: WallAdvice[];

function planner(): WallPlanner {
  return new WallPlanner({
    store,
    wall,
    clock,
    onSwitched: (s) => switches.push(s.layout?.name),
    onAdvice: (a) => advice.push(a),
    onSchedule: () => {},
  });
}
const feed = (entity: Change['entity'], data: { id: string; version: number } & Record<string, unknown>) =>
  store.applyPage([{ seq: ++seq, entity, id: data.id, op: 'upsert', version: data.version, data }], seq);
/** Sets the manual clock to a UTC instant (the host may run in UTC; the room is in WIB). */
const goTo = (iso: string) => clock.advance(Date.parse(iso) - clock.now());
const showing = () => wall.state().layout?.name;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-plan-'));
  store = ConsoleStore.open(join(dir, 'c.db'));
  for (const p of PRESET_LAYOUTS) feed('layout', { ...p, version: 1, updatedAt: '2026-11-28T00:00:00.000Z' });
  wall = new WallController(store);
  clock = new ManualClock();
  switches = [];
  advice = [];
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('wall schedule on the host', () => {
  it('switches at each start in room time; saving or a presenter switch is not overridden until the next start', () => {
    goTo('2026-12-01T01:00:00Z'); // Tuesday 08:00 WIB
    wall.switchTo(FOKUS);
    const p = planner();
    p.start();
    expect(p.saveSchedule(schedule).next).toEqual({
      at: '2026-12-01T02:00:00.000Z',
      entryId: 'rapat',
      layoutId: RAPAT,
    });
    clock.advance(30 * 60_000);
    expect(showing()).toBe('Fokus Peta');
    goTo('2026-12-01T02:00:00Z'); // 09:00 WIB
    expect(showing()).toBe('Rapat Pimpinan');
    wall.switchTo(FOKUS); // the presenter's own choice at 09:10
    goTo('2026-12-01T16:00:00Z'); // 23:00 WIB
    expect(showing()).toBe('Fokus Peta');
    goTo('2026-12-02T00:00:00Z'); // Wednesday 07:00 WIB
    expect(showing()).toBe('Ikhtisar');
    expect(switches).toEqual(['Rapat Pimpinan', 'Ikhtisar']);
    p.stop();
    expect(clock.pending()).toBe(0);
  });

  it('a host that was off at a start applies it when it comes back, once', () => {
    goTo('2026-12-01T01:00:00Z');
    wall.switchTo(IKHTISAR);
    planner().saveSchedule(schedule);
    goTo('2026-12-01T05:00:00Z'); // noon WIB; no timer ran meanwhile (the host was off)
    const again = planner();
    again.start();
    expect(showing()).toBe('Rapat Pimpinan');
    again.tick();
    expect(switches).toEqual(['Rapat Pimpinan']);
    again.stop();
  });
});

describe('suggestions and interrupts', () => {
  it('a critical incident suggests Darurat; taking it interrupts, and ending restores what was on the wall', () => {
    goTo('2026-12-01T01:00:00Z');
    wall.switchTo(FOKUS);
    const p = planner();
    expect(p.refresh().suggestion).toBeNull();
    feed('incident', incident(4));
    const { suggestion } = p.refresh();
    expect(suggestion).toMatchObject({ layoutId: DARURAT, layoutName: 'Darurat', incidents: [{ id: INCIDENT }] });
    const taken = p.take(DARURAT, [INCIDENT], 'Presenter Demo')!;
    expect(showing()).toBe('Darurat');
    expect(taken).toMatchObject({
      suggestion: null,
      interrupt: { layoutId: DARURAT, previousLayoutId: FOKUS, by: 'Presenter Demo' },
      restoreLayoutId: FOKUS,
    });
    const ended = p.endInterrupt();
    expect(ended).toEqual({ suggestion: null, interrupt: null, restoreLayoutId: null }); // the incident was acknowledged when taken
    expect(showing()).toBe('Fokus Peta');
    expect(advice.at(-1)).toEqual({ suggestion: null, interrupt: null, restoreLayoutId: null });
  });

  it('the schedule does not override an interrupt; a start that fell inside it shows when it ends', () => {
    goTo('2026-12-01T01:00:00Z');
    wall.switchTo(IKHTISAR);
    const p = planner();
    p.start();
    p.saveSchedule(schedule);
    feed('incident', incident(4));
    p.take(DARURAT, [INCIDENT], 'Presenter Demo');
    goTo('2026-12-01T02:30:00Z'); // 09:30 WIB: Rapat Pimpinan was due at 09:00
    expect(showing()).toBe('Darurat');
    expect(advice.at(-1)?.restoreLayoutId).toBe(RAPAT); // the console says where ending it will go
    p.endInterrupt();
    expect(showing()).toBe('Rapat Pimpinan');
    goTo('2026-12-01T03:00:00Z');
    expect(switches).toEqual(['Darurat', 'Rapat Pimpinan']);
    p.stop();
  });

  it('a dismissed suggestion stays quiet until another critical incident comes in', () => {
    const p = planner();
    feed('incident', incident(4));
    expect(p.dismiss([INCIDENT])).toEqual({ suggestion: null, interrupt: null, restoreLayoutId: null });
    const other = '5e5e5e5e-0000-4000-8000-000000000002';
    feed('incident', incident(4, other));
    expect(p.refresh().suggestion?.incidents.map((i) => i.id)).toEqual([other]);
    expect(showing()).toBeUndefined(); // nothing switched by itself
  });
});
