// A manual override of which display shows which wall, for rooms where the physical order is not what the OS
// reports (a screen hung out of line, a cable in the wrong port). Kept in a small JSON file beside the console's
// data, so it survives restarts and display changes; displays it does not name keep the automatic order.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { WindowPlan } from './display-plan';

/** Electron display id (as a string key) -> wall number. */
export type DisplayOverride = Record<string, number>;

export function applyOverride(plans: readonly WindowPlan[], override: DisplayOverride): WindowPlan[] {
  const walls = plans.filter((p): p is Extract<WindowPlan, { role: 'wall' }> => p.role === 'wall' && p.wall !== 'all');
  const pinned = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of walls) {
    const want = override[String(p.displayId)];
    if (want !== undefined && Number.isInteger(want) && want >= 1 && want <= walls.length && !taken.has(want)) {
      pinned.set(p.displayId, want);
      taken.add(want);
    }
  }
  // The displays without an override take the numbers left over, in their automatic (row-major) order.
  const free = walls.map((_, i) => i + 1).filter((n) => !taken.has(n));
  return plans.map((p) => {
    if (p.role !== 'wall' || p.wall === 'all') return p;
    const wall = pinned.get(p.displayId) ?? free.shift()!;
    return { ...p, wall };
  });
}

/** A missing or unreadable file means no override; the reason is logged, never fatal. */
export function readOverride(path: string, log: (line: string) => void = () => {}): DisplayOverride {
  if (!existsSync(path)) return {};
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new Error('expected an object of display id -> wall number');
    const out: DisplayOverride = {};
    for (const [id, wall] of Object.entries(raw)) {
      if (/^\d+$/.test(id) && Number.isInteger(wall) && (wall as number) >= 1 && (wall as number) <= 64)
        out[id] = wall as number;
      else log(`display override: ignored ${id} -> ${JSON.stringify(wall)}`);
    }
    return out;
  } catch (e) {
    log(`display override ${path} ignored: ${(e as Error).message}`);
    return {};
  }
}

export function writeOverride(path: string, override: DisplayOverride): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(override, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}
