// Which layout the wall shows, and what each wall display last reported. The host owns it; walls only render it.
import { Emitter } from '../../common/emitter';
import { systemNow } from '../ports/clock';
import type { Layout } from '../../common/entities';
import { PRESET_LAYOUTS } from '../../common/presets';
import type { WallState, WallStatus, WallStatusList } from '../../common/host-api';
import type { ConsoleStore } from '../store/console-store';
import { SwitchMeter } from './switch-meter';

interface Persisted {
  layoutId: string | null;
  stateVersion: number;
  switchedAt: string | null;
  /** Layouts shown before the current one, oldest first (absent in states saved before undo existed). */
  history?: string[];
  bezelPx?: number;
}
interface Seen {
  connections: number;
  paintedVersion: number | null;
  paintedAt: string | null;
  dataAt: string | null;
}
const KEY = 'wall.state';

/** What the wall controller announces: a new state for the walls to paint, and what the walls reported. */
export interface WallEvents extends Record<string, unknown> {
  state: WallState;
  status: WallStatusList;
}
/** Enough to walk back through a briefing's last few switches; not an audit trail. */
const HISTORY = 10;

export class WallController {
  private persisted: Persisted;
  private readonly seen = new Map<number, Seen>();
  private shownVersion: number | null = null;
  private identifying = false;
  private syncedAt: string | null = null;
  private readonly meter = new SwitchMeter();
  /** Above zero while several display changes make one announcement. */
  private quiet = 0;
  readonly events = new Emitter<WallEvents>();

  /** `now`: the host's clock (switchedAt, paintedAt). */
  constructor(
    private readonly store: ConsoleStore,
    readonly wallCount = 9,
    private readonly now: () => Date = systemNow,
  ) {
    const raw = store.setting(KEY);
    this.persisted = raw ? (JSON.parse(raw) as Persisted) : { layoutId: null, stateVersion: 0, switchedAt: null };
  }

  /** The layout chosen for the wall. Unlike state(), it does not count as what the walls were last sent. */
  currentLayoutId(): string | null {
    return this.persisted.layoutId;
  }

  state(): WallState {
    const layout: Layout | null = this.persisted.layoutId ? this.store.layout(this.persisted.layoutId) : null;
    this.shownVersion = layout?.version ?? null;
    return {
      stateVersion: this.persisted.stateVersion,
      layout,
      switchedAt: this.persisted.switchedAt,
      bezelPx: this.persisted.bezelPx ?? 0,
      identify: this.identifying,
      undoLayoutId: this.undoTarget(),
    };
  }

  /**
   * Every switch gets a new state version, so a wall's acknowledgement names exactly what it painted. A switch
   * to another layout remembers the one it replaces, for `undo`.
   */
  switchTo(layoutId: string | null, remember = true): WallState {
    const before = this.persisted.layoutId;
    let history = this.persisted.history ?? [];
    if (remember && before && before !== layoutId) history = [...history, before].slice(-HISTORY);
    const switchedAt = this.now().toISOString();
    this.persisted = {
      ...this.persisted,
      layoutId,
      stateVersion: this.persisted.stateVersion + 1,
      switchedAt,
      history,
    };
    this.save();
    this.meter.begin(this.persisted.stateVersion, switchedAt, this.connectedWalls());
    const state = this.state();
    this.events.emit('state', state);
    this.announceStatus();
    return state;
  }

  /** Back to the layout shown before the last switch; null when there is none left (deleted ones are skipped). */
  undo(): WallState | null {
    const history = [...(this.persisted.history ?? [])];
    while (history.length > 0) {
      const id = history.pop()!;
      if (id !== this.persisted.layoutId && this.store.layout(id)) {
        this.persisted = { ...this.persisted, history };
        return this.switchTo(id, false);
      }
    }
    return null;
  }

  /** Bezel and identify change how the same state is drawn, not what it is: the state version stays. */
  setBezel(px: number): WallState {
    this.persisted = { ...this.persisted, bezelPx: px };
    this.save();
    return this.announceState();
  }

  setIdentify(on: boolean): WallState {
    this.identifying = on;
    return this.announceState();
  }

  /** The cache's last successful sync: what a connected wall's data is as fresh as. */
  noteSync(at: string | null): void {
    this.syncedAt = at;
  }

  /** Shows the shipped overview when nothing was chosen yet, so a fresh wall is never blank. */
  ensureDefault(): WallState | null {
    if (this.persisted.layoutId) return null;
    const layouts = this.store.layouts();
    const first = layouts.find((l) => l.id === PRESET_LAYOUTS[0]?.id) ?? layouts[0];
    return first ? this.switchTo(first.id) : null;
  }

  /** The current layout was edited or deleted centrally: walls must repaint it, so it is a new state. */
  layoutsChanged(): WallState | null {
    if (!this.persisted.layoutId) return this.ensureDefault();
    const now = this.store.layout(this.persisted.layoutId)?.version ?? null;
    if (now === this.shownVersion) return null;
    return this.switchTo(this.persisted.layoutId);
  }

  /** A connection that spoke for the walls `before` now speaks for `next` (none: it went away); one announcement. */
  displays(before: readonly number[], next: readonly number[]): void {
    this.quiet++;
    try {
      for (const w of before) if (!next.includes(w)) this.disconnected(w);
      for (const w of next) if (!before.includes(w)) this.connected(w);
    } finally {
      this.quiet--;
    }
    this.announceStatus();
  }

  connected(wall: number): void {
    const s = this.entry(wall);
    s.connections++;
    this.announceStatus();
  }

  disconnected(wall: number): void {
    const s = this.entry(wall);
    s.connections = Math.max(0, s.connections - 1);
    if (s.connections === 0) {
      s.dataAt = this.syncedAt;
      this.meter.dropped(wall);
    }
    this.announceStatus();
  }

  painted(wall: number, stateVersion: number): void {
    const s = this.entry(wall);
    s.paintedVersion = stateVersion;
    s.paintedAt = this.now().toISOString();
    this.meter.painted(wall, stateVersion);
    this.announceStatus();
  }

  status(): WallStatusList {
    const walls: WallStatus[] = [];
    for (let wall = 1; wall <= this.wallCount; wall++) {
      const s = this.seen.get(wall);
      const connected = (s?.connections ?? 0) > 0;
      walls.push({
        wall,
        connected,
        paintedVersion: s?.paintedVersion ?? null,
        paintedAt: s?.paintedAt ?? null,
        dataAt: connected ? this.syncedAt : (s?.dataAt ?? null),
      });
    }
    return { walls, stateVersion: this.persisted.stateVersion, lastSwitch: this.meter.snapshot() };
  }

  private announceState(): WallState {
    const state = this.state();
    this.events.emit('state', state);
    return state;
  }

  private announceStatus(): void {
    if (this.quiet === 0) this.events.emit('status', this.status());
  }

  private connectedWalls(): number[] {
    return [...this.seen].filter(([, s]) => s.connections > 0).map(([wall]) => wall);
  }

  private undoTarget(): string | null {
    const history = this.persisted.history ?? [];
    for (let i = history.length - 1; i >= 0; i--) {
      const id = history[i]!;
      if (id !== this.persisted.layoutId && this.store.layout(id)) return id;
    }
    return null;
  }

  private save(): void {
    this.store.setSetting(KEY, JSON.stringify(this.persisted));
  }

  private entry(wall: number): Seen {
    let s = this.seen.get(wall);
    if (!s) {
      s = { connections: 0, paintedVersion: null, paintedAt: null, dataAt: null };
      this.seen.set(wall, s);
    }
    return s;
  }
}
