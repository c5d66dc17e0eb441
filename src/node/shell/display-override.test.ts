import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOverride, readOverride, writeOverride } from './display-override';
import { planWindows, simulatedDisplays } from './display-plan';

const plan = planWindows(simulatedDisplays('3x3')!);
const wallOf = (plans: ReturnType<typeof applyOverride>, displayId: number) =>
  plans.find((p) => p.role === 'wall' && p.displayId === displayId && p.role === 'wall') as
    { wall: number } | undefined;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-override-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('display override', () => {
  it('swaps two screens and leaves the other seven where the automatic order put them', () => {
    // Displays 2..10 are walls 1..9 automatically; say the screens of walls 1 and 2 were cabled the other way.
    const out = applyOverride(plan, { 2: 2, 3: 1 });
    expect(wallOf(out, 2)?.wall).toBe(2);
    expect(wallOf(out, 3)?.wall).toBe(1);
    for (let id = 4; id <= 10; id++) expect(wallOf(out, id)?.wall).toBe(id - 1);
    const numbers = out
      .filter((p) => p.role === 'wall')
      .map((p) => (p as { wall: number }).wall)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('ignores entries for displays that are gone, numbers out of range and a number claimed twice', () => {
    const out = applyOverride(plan, { 99: 1, 2: 12, 4: 5, 5: 5 });
    const numbers = out
      .filter((p) => p.role === 'wall')
      .map((p) => (p as { wall: number }).wall)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(wallOf(out, 4)?.wall).toBe(5);
  });

  it('persists across restarts, and a damaged file means no override instead of no wall', () => {
    const path = join(dir, 'display-map.json');
    writeOverride(path, { 7: 1 });
    expect(readOverride(path)).toEqual({ 7: 1 });
    writeFileSync(path, '{ not json');
    const lines: string[] = [];
    expect(readOverride(path, (l) => lines.push(l))).toEqual({});
    expect(lines[0]).toMatch(/ignored/);
    expect(readOverride(join(dir, 'missing.json'))).toEqual({});
  });
});
