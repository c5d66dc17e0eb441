// What the wall shows between presenter actions: the time-of-day schedule (applied by a timer on an injected
// clock), rule suggestions from the cache, and interrupts (a layout put over the current one and undone as a
// whole). All of it is local to the room, so it lives in the host's settings, not on the central side.
import type { WallState } from '../../common/host-api';
import type { ScheduleView, WallAdvice } from '../../common/wall-plan-api';
import { Interrupt, pruneAcknowledged, suggestLayout } from '../../common/wall-rules';
import { EMPTY_SCHEDULE, Schedule, currentOccurrence, dueOccurrence, nextOccurrence } from '../../common/wall-schedule';
import type { ConsoleStore } from '../store/console-store';
import type { Clock } from '../ports/clock';
import type { WallController } from './wall-state';

const KEY = {
  schedule: 'wall.schedule',
  applied: 'wall.schedule.applied',
  interrupt: 'wall.interrupt',
  acknowledged: 'wall.rules.acknowledged',
};
/** Wakes at least this often even with no start due, so a changed clock (NTP step) is noticed soon. */
const TICK_MS = 60_000;

export interface WallPlannerDeps {
  store: ConsoleStore;
  wall: WallController;
  clock: Clock;
  /** The planner switched the wall (the wall controller announces the new state itself). */
  onSwitched?: (state: WallState) => void;
  onAdvice: (advice: WallAdvice) => void;
  onSchedule: (view: ScheduleView) => void;
  log?: (line: string) => void;
}

export class WallPlanner {
  private lastAdvice = '';
  private cancelTimer: (() => void) | null = null;
  private running = false;

  constructor(private readonly d: WallPlannerDeps) {}

  start(): void {
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  schedule(): Schedule {
    const parsed = Schedule.safeParse(this.readJson(KEY.schedule));
    return parsed.success ? parsed.data : EMPTY_SCHEDULE;
  }

  scheduleView(): ScheduleView {
    const schedule = this.schedule();
    const next = schedule.enabled ? nextOccurrence(schedule, this.d.clock.now()) : null;
    return {
      schedule,
      next: next && {
        at: new Date(next.startsAt).toISOString(),
        entryId: next.entry.id,
        layoutId: next.entry.layoutId,
      },
    };
  }

  /**
   * Saving does not switch the wall by itself: the entry already in force counts as applied, so the schedule
   * takes over at its next start and the presenter's current choice stands until then.
   */
  saveSchedule(schedule: Schedule): ScheduleView {
    this.d.store.setSetting(KEY.schedule, JSON.stringify(schedule));
    const current = currentOccurrence(schedule, this.d.clock.now());
    this.d.store.setSetting(KEY.applied, current?.key ?? null);
    const view = this.scheduleView();
    this.d.onSchedule(view);
    this.arm();
    return view;
  }

  /** Applies the schedule if a start is due, then sleeps until the next start (or TICK_MS). */
  tick(): void {
    try {
      this.applySchedule();
      this.refresh(); // a start that fell inside an interrupt changes what ending it restores
    } catch (e) {
      this.d.log?.(`planner: schedule: ${(e as Error).message}`);
    }
    this.arm();
  }

  interrupt(): Interrupt | null {
    const parsed = Interrupt.safeParse(this.readJson(KEY.interrupt));
    return parsed.success ? parsed.data : null;
  }

  advice(): WallAdvice {
    const interrupt = this.interrupt();
    const incidents = this.d.store.incidents();
    const acknowledged = new Set(this.acknowledged());
    const suggestion = suggestLayout({
      incidents,
      layouts: this.d.store.layouts(),
      showingLayoutId: this.d.wall.currentLayoutId(),
      interruptActive: interrupt !== null,
      acknowledged,
    });
    const kept = pruneAcknowledged(acknowledged, incidents);
    if (kept.length !== acknowledged.size) this.d.store.setSetting(KEY.acknowledged, JSON.stringify(kept));
    return { suggestion, interrupt, restoreLayoutId: interrupt ? this.restoreTarget(interrupt).layoutId : null };
  }

  private switched(state: WallState): void {
    this.d.onSwitched?.(state);
  }

  /** Recomputes the advice after the cache or the wall changed; announces it only when it changed. */
  refresh(): WallAdvice {
    const advice = this.advice();
    const text = JSON.stringify(advice);
    if (text !== this.lastAdvice) {
      this.lastAdvice = text;
      this.d.onAdvice(advice);
    }
    return advice;
  }

  /** Takes a suggestion: the layout goes on the wall as an interrupt, remembering what it replaced. Null: unknown layout. */
  take(layoutId: string, incidentIds: readonly string[], by: string): WallAdvice | null {
    this.acknowledge(incidentIds);
    if (this.interrupt()) return this.refresh(); // someone else took it first
    const layout = this.d.store.layout(layoutId);
    if (!layout) return null;
    const previous = this.d.wall.currentLayoutId();
    const interrupt: Interrupt = {
      layoutId,
      layoutName: layout.name,
      previousLayoutId: previous === layoutId ? null : previous,
      startedAt: new Date(this.d.clock.now()).toISOString(),
      by,
      incidentIds: [...incidentIds],
    };
    this.d.store.setSetting(KEY.interrupt, JSON.stringify(interrupt));
    this.switched(this.d.wall.switchTo(layoutId));
    return this.refresh();
  }

  dismiss(incidentIds: readonly string[]): WallAdvice {
    this.acknowledge(incidentIds);
    return this.refresh();
  }

  /** Ends the interrupt: back to what it replaced, unless a scheduled start fell inside it; then that one shows. */
  endInterrupt(): WallAdvice {
    const interrupt = this.interrupt();
    if (!interrupt) return this.refresh();
    this.d.store.setSetting(KEY.interrupt, null);
    const { layoutId: target, scheduleKey } = this.restoreTarget(interrupt);
    if (scheduleKey) this.d.store.setSetting(KEY.applied, scheduleKey);
    if (target && target !== this.d.wall.currentLayoutId()) this.switched(this.d.wall.switchTo(target));
    return this.refresh();
  }

  private restoreTarget(interrupt: Interrupt): { layoutId: string | null; scheduleKey: string | null } {
    const due = dueOccurrence(this.schedule(), this.d.clock.now(), this.d.store.setting(KEY.applied));
    if (due && this.d.store.layout(due.entry.layoutId)) return { layoutId: due.entry.layoutId, scheduleKey: due.key };
    const previous =
      interrupt.previousLayoutId && this.d.store.layout(interrupt.previousLayoutId) ? interrupt.previousLayoutId : null;
    return { layoutId: previous, scheduleKey: null };
  }

  private applySchedule(): void {
    // An interrupt is not overridden; the start stays due and shows when the interrupt ends.
    if (this.interrupt()) return;
    const due = dueOccurrence(this.schedule(), this.d.clock.now(), this.d.store.setting(KEY.applied));
    if (!due) return;
    this.d.store.setSetting(KEY.applied, due.key);
    if (!this.d.store.layout(due.entry.layoutId)) {
      this.d.log?.(`planner: scheduled layout ${due.entry.layoutId} no longer exists; entry ${due.entry.id} skipped`);
      return;
    }
    if (this.d.wall.currentLayoutId() === due.entry.layoutId) return;
    this.switched(this.d.wall.switchTo(due.entry.layoutId));
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (!this.running) return;
    const now = this.d.clock.now();
    const next = this.schedule().enabled ? nextOccurrence(this.schedule(), now) : null;
    const wait = next ? Math.min(TICK_MS, Math.max(0, next.startsAt - now)) : TICK_MS;
    this.cancelTimer = this.d.clock.after(wait, () => this.tick());
  }

  private acknowledged(): string[] {
    const raw = this.readJson(KEY.acknowledged);
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  }

  private acknowledge(ids: readonly string[]): void {
    const all = [...new Set([...this.acknowledged(), ...ids])];
    this.d.store.setSetting(KEY.acknowledged, JSON.stringify(all));
  }

  private readJson(key: string): unknown {
    const raw = this.d.store.setting(key);
    if (raw === null) return null;
    try {
      return JSON.parse(raw);
    } catch {
      return null;
    }
  }
}
