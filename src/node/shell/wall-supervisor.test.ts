import { describe, expect, it } from 'vitest';
import { ManualClock } from '../ports/clock';
import { planWindows, simulatedDisplays, type DisplayInfo, type WallPlan } from './display-plan';
import { WallSupervisor, wallPlans, type WallWindows } from './wall-supervisor';

interface FakeWindow {
  id: number;
  wall: WallPlan['wall'];
  open: boolean;
}

function fakeWindows() {
  let next = 1;
  const all: FakeWindow[] = [];
  const windows: WallWindows<FakeWindow> = {
    open: (plan) => {
      const w = { id: next++, wall: plan.wall, open: true };
      all.push(w);
      return w;
    },
    close: (w) => {
      w.open = false;
    },
  };
  const openWalls = () =>
    all
      .filter((w) => w.open)
      .map((w) => w.wall)
      .sort((a, b) => Number(a) - Number(b));
  return { windows, all, openWalls };
}

const room = (): DisplayInfo[] => simulatedDisplays('3x3')!;

describe('WallSupervisor', () => {
  it('opens one window per planned wall', () => {
    const { windows, openWalls } = fakeWindows();
    const sup = new WallSupervisor(windows, new ManualClock());
    sup.apply(wallPlans(planWindows(room())));
    expect(openWalls()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('re-creates a crashed wall within 2 s, and later crashes more slowly', () => {
    const clock = new ManualClock();
    const { windows, all, openWalls } = fakeWindows();
    const sup = new WallSupervisor(windows, clock);
    sup.apply(wallPlans(planWindows(room())));
    const wall5 = all.find((w) => w.wall === 5)!;

    const first = sup.crashed(wall5)!;
    expect(first).toBeLessThanOrEqual(2000);
    expect(wall5.open).toBe(true); // the dead page stays until its replacement is there
    clock.advance(first);
    expect(wall5.open).toBe(false);
    expect(openWalls()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const replacement = all.filter((w) => w.wall === 5 && w.open)[0]!;
    expect(sup.crashed(replacement)).toBeGreaterThan(first);
  });

  it('does not stack restarts when a crashed window also reports closing', () => {
    const clock = new ManualClock();
    const { windows, all } = fakeWindows();
    const sup = new WallSupervisor(windows, clock);
    sup.apply(wallPlans(planWindows(room())));
    const wall2 = all.find((w) => w.wall === 2)!;
    sup.crashed(wall2);
    expect(sup.closed(wall2)).toBeNull();
    clock.advance(60_000);
    expect(all.filter((w) => w.wall === 2)).toHaveLength(2);
  });

  it('ignores windows it closed itself and windows that are not walls', () => {
    const clock = new ManualClock();
    const { windows, all } = fakeWindows();
    const sup = new WallSupervisor(windows, clock);
    sup.apply(wallPlans(planWindows(room())));
    const wall9 = all.find((w) => w.wall === 9)!;
    sup.apply(wallPlans(planWindows(room().slice(0, 9)))); // a display unplugged: wall 9 goes
    expect(wall9.open).toBe(false);
    expect(sup.closed(wall9)).toBeNull();
    expect(sup.crashed({ id: 999, wall: 1, open: true })).toBeNull();
    clock.advance(60_000);
    expect(all).toHaveLength(9);
  });

  it('leaves unaffected walls alone when the displays change', () => {
    const { windows, all } = fakeWindows();
    const sup = new WallSupervisor(windows, new ManualClock());
    const displays = room();
    sup.apply(wallPlans(planWindows(displays)));
    const before = sup.windows();
    // The bottom-right screen comes back at another resolution: only wall 9 is re-created.
    const moved = displays.map((d) => (d.id === 10 ? { ...d, bounds: { ...d.bounds, width: 1280, height: 720 } } : d));
    sup.apply(wallPlans(planWindows(moved)));
    const after = sup.windows();
    expect(after.filter((w) => before.includes(w)).map((w) => w.wall)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(all).toHaveLength(10);
  });

  it('turns nine walls into one "all cells" window when only the laptop screen is left', () => {
    const { windows, openWalls } = fakeWindows();
    const sup = new WallSupervisor(windows, new ManualClock());
    sup.apply(wallPlans(planWindows(room())));
    sup.apply(wallPlans(planWindows(room().slice(0, 1))));
    expect(openWalls()).toEqual(['all']);
  });

  it('closes everything and re-creates nothing once stopped', () => {
    const clock = new ManualClock();
    const { windows, all, openWalls } = fakeWindows();
    const sup = new WallSupervisor(windows, clock);
    sup.apply(wallPlans(planWindows(room())));
    sup.crashed(all[0]!);
    sup.stop();
    clock.advance(60_000);
    expect(openWalls()).toEqual([]);
    expect(clock.pending()).toBe(0);
    sup.apply(wallPlans(planWindows(room())));
    expect(openWalls()).toEqual([]);
  });
});
