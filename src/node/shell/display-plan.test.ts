import { describe, expect, it } from 'vitest';
import { type DisplayInfo, orderRowMajor, planWindows, simulatedDisplays } from './display-plan';

const hd = (id: number, x: number, y: number, primary = false): DisplayInfo => ({
  id,
  bounds: { x, y, width: 1920, height: 1080 },
  scaleFactor: 1,
  primary,
});

describe('planWindows', () => {
  it('gives a laptop the console and one window with all cells, not full screen', () => {
    const plan = planWindows([hd(7, 0, 0, true)]);
    expect(plan).toHaveLength(2);
    expect(plan[0]).toEqual({ role: 'console', displayId: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
    expect(plan[1]).toMatchObject({ role: 'wall', wall: 'all', displayId: 7, fullscreen: false });
    // It sits inside the laptop screen, leaving the console's edges visible.
    const b = plan[1]!.bounds;
    expect(b.x).toBeGreaterThan(0);
    expect(b.x + b.width).toBeLessThan(1920);
  });

  it('puts the console on the primary display and one full-screen wall on the other', () => {
    const plan = planWindows([hd(2, 1920, 0), hd(1, 0, 0, true)]);
    expect(plan).toEqual([
      { role: 'console', displayId: 1, bounds: hd(1, 0, 0).bounds },
      { role: 'wall', wall: 1, displayId: 2, bounds: hd(2, 1920, 0).bounds, fullscreen: true },
    ]);
  });

  it('numbers a 3x3 wall row by row from the top left, whatever order the OS lists displays in', () => {
    const console = hd(100, -1920, 1080, true);
    const grid: DisplayInfo[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) grid.push(hd(10 * (r + 1) + c, 1920 * c, 1080 * r));
    const shuffled = [
      grid[8]!,
      grid[1]!,
      console,
      grid[4]!,
      grid[0]!,
      grid[6]!,
      grid[3]!,
      grid[7]!,
      grid[2]!,
      grid[5]!,
    ];

    const plan = planWindows(shuffled);

    expect(plan[0]).toMatchObject({ role: 'console', displayId: 100 });
    const walls = plan.slice(1).map((p) => (p.role === 'wall' ? [p.wall, p.displayId] : null));
    expect(walls).toEqual([
      [1, 10],
      [2, 11],
      [3, 12],
      [4, 20],
      [5, 21],
      [6, 22],
      [7, 30],
      [8, 31],
      [9, 32],
    ]);
    expect(plan.every((p) => p.role === 'console' || p.fullscreen)).toBe(true);
  });

  it('keeps rows together when screens are hung a little off the grid', () => {
    // Row 1 sags to the right, row 2 has a screen 60 px high, row 3 one 45 px low and 10 px left.
    const misaligned = [
      hd(1, 0, 0),
      hd(2, 1925, 20),
      hd(3, 3850, 55),
      hd(4, 0, 1080),
      hd(5, 1920, 1020),
      hd(6, 3840, 1090),
      hd(7, -10, 2205),
      hd(8, 1920, 2160),
      hd(9, 3845, 2150),
    ];
    const order = orderRowMajor([...misaligned].reverse()).map((d) => d.id);
    expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('opens walls as ordinary windows when the displays are simulated', () => {
    const plan = planWindows(simulatedDisplays('3x3')!, { windowed: true });
    expect(plan.filter((p) => p.role === 'wall')).toHaveLength(9);
    expect(plan.some((p) => p.role === 'wall' && p.fullscreen)).toBe(false);
  });

  it('plans nothing without displays and takes the first display when none is marked primary', () => {
    expect(planWindows([])).toEqual([]);
    expect(planWindows([hd(5, 0, 0), hd(6, 1920, 0)])[0]).toMatchObject({ role: 'console', displayId: 5 });
  });
});

describe('simulatedDisplays', () => {
  it('lays a primary and a cols x rows wall side by side', () => {
    const ds = simulatedDisplays('3x3@1280x720')!;
    expect(ds).toHaveLength(10);
    expect(ds.filter((d) => d.primary)).toHaveLength(1);
    expect(ds[9]!.bounds).toEqual({ x: 1280 * 3, y: 720 * 2, width: 1280, height: 720 });
  });

  it('refuses what it cannot read', () => {
    expect(simulatedDisplays('nine')).toBeNull();
    expect(simulatedDisplays('0x3')).toBeNull();
  });
});
