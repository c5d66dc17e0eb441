// Which layout the wall shows, and what each wall display last reported. The host owns it; walls only render it.
import type { Layout } from '../../common/entities';
import { PRESET_LAYOUTS } from '../../common/presets';
import type { WallState, WallStatus } from '../../common/host-api';
import type { ConsoleStore } from '../store/console-store';

interface Persisted { layoutId: string | null; stateVersion: number; switchedAt: string | null }
interface Seen { connections: number; paintedVersion: number | null; paintedAt: string | null }
const KEY = 'wall.state';

export class WallController {
  private persisted: Persisted;
  private readonly seen = new Map<number, Seen>();
  private shownVersion: number | null = null;

  constructor(private readonly store: ConsoleStore, readonly wallCount = 9) {
    const raw = store.setting(KEY);
    this.persisted = raw ? (JSON.parse(raw) as Persisted) : { layoutId: null, stateVersion: 0, switchedAt: null };
  }

  state(): WallState {
    const layout: Layout | null = this.persisted.layoutId ? this.store.layout(this.persisted.layoutId) : null;
    this.shownVersion = layout?.version ?? null;
    return { stateVersion: this.persisted.stateVersion, layout, switchedAt: this.persisted.switchedAt };
  }

  /** Every switch gets a new state version, so a wall's acknowledgement names exactly what it painted. */
  switchTo(layoutId: string | null): WallState {
    this.persisted = { layoutId, stateVersion: this.persisted.stateVersion + 1, switchedAt: new Date().toISOString() };
    this.store.setSetting(KEY, JSON.stringify(this.persisted));
    return this.state();
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

  connected(wall: number): void {
    const s = this.entry(wall);
    s.connections++;
  }

  disconnected(wall: number): void {
    const s = this.entry(wall);
    s.connections = Math.max(0, s.connections - 1);
  }

  painted(wall: number, stateVersion: number): void {
    const s = this.entry(wall);
    s.paintedVersion = stateVersion;
    s.paintedAt = new Date().toISOString();
  }

  status(): { walls: WallStatus[]; stateVersion: number } {
    const walls: WallStatus[] = [];
    for (let wall = 1; wall <= this.wallCount; wall++) {
      const s = this.seen.get(wall);
      walls.push({ wall, connected: (s?.connections ?? 0) > 0, paintedVersion: s?.paintedVersion ?? null, paintedAt: s?.paintedAt ?? null });
    }
    return { walls, stateVersion: this.persisted.stateVersion };
  }

  private entry(wall: number): Seen {
    let s = this.seen.get(wall);
    if (!s) { s = { connections: 0, paintedVersion: null, paintedAt: null }; this.seen.set(wall, s); }
    return s;
  }
}
