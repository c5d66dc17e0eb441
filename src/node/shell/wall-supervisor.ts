// Keeps one window per planned wall: opens what the plan adds, closes what it drops, leaves the rest alone (a
// display plugged in on the left must not blank the other eight), and re-creates a wall whose page crashed or
// whose window was closed, on CrashPolicy's schedule. Windows are opaque here; main/ opens and closes them.
import type { Clock } from '../ports/clock';
import { CrashPolicy } from './crash-policy';
import type { WallKey, WallPlan, WindowPlan } from './display-plan';

export interface WallWindows<W> {
  open(plan: WallPlan): W;
  /** Closes a window the supervisor is done with; its 'closed' report afterwards is ignored. */
  close(win: W): void;
}

interface Entry<W> {
  plan: WallPlan;
  win: W;
  cancelRestart: (() => void) | null;
}

export function wallPlans(plan: readonly WindowPlan[]): WallPlan[] {
  return plan.filter((p): p is WallPlan => p.role === 'wall');
}

export class WallSupervisor<W> {
  private readonly entries = new Map<WallKey, Entry<W>>();
  private stopped = false;

  constructor(
    private readonly opener: WallWindows<W>,
    private readonly clock: Clock,
    private readonly policy: CrashPolicy<WallKey> = new CrashPolicy<WallKey>(clock),
  ) {}

  apply(plans: readonly WallPlan[]): void {
    if (this.stopped) return;
    const wanted = new Map(plans.map((p) => [p.wall, p]));
    for (const [key, entry] of [...this.entries]) {
      const next = wanted.get(key);
      if (next && samePlace(next, entry.plan)) continue;
      this.drop(key, entry);
    }
    for (const plan of plans) {
      if (!this.entries.has(plan.wall)) {
        this.entries.set(plan.wall, { plan, win: this.opener.open(plan), cancelRestart: null });
      }
    }
  }

  /** The page of `win` died (render-process-gone). Returns the wait before it is re-created, or null if not ours. */
  crashed(win: W): number | null {
    return this.scheduleRestart(win);
  }

  /** `win` closed without the supervisor asking (Alt+F4 on a wall, a window manager): bring the wall back. */
  closed(win: W): number | null {
    return this.scheduleRestart(win);
  }

  windows(): W[] {
    return [...this.entries.values()].map((e) => e.win);
  }

  wallOf(win: W): WallKey | null {
    for (const [key, e] of this.entries) if (e.win === win) return key;
    return null;
  }

  /** Quitting: close every wall and re-create nothing from now on. */
  stop(): void {
    this.stopped = true;
    for (const [key, entry] of [...this.entries]) this.drop(key, entry);
  }

  private scheduleRestart(win: W): number | null {
    const key = this.wallOf(win);
    const entry = key === null ? undefined : this.entries.get(key);
    if (this.stopped || key === null || !entry || entry.cancelRestart) return null;
    const { delayMs } = this.policy.crashed(key);
    entry.cancelRestart = this.clock.after(delayMs, () => {
      entry.cancelRestart = null;
      if (this.entries.get(key) !== entry) return;
      // The dead window stays up until its replacement opens, so the screen is not bare meanwhile.
      const old = entry.win;
      entry.win = this.opener.open(entry.plan);
      this.opener.close(old);
    });
    return delayMs;
  }

  private drop(key: WallKey, entry: Entry<W>): void {
    entry.cancelRestart?.();
    this.entries.delete(key);
    this.policy.forget(key);
    this.opener.close(entry.win);
  }
}

function samePlace(a: WallPlan, b: WallPlan): boolean {
  return (
    a.displayId === b.displayId &&
    a.fullscreen === b.fullscreen &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height
  );
}
