// Watches the KPIs for crossings into warning or critical (sector-alerts.ts) after readings, series or a
// supervisor's thresholds changed, and keeps the alerts until someone in the room acknowledges them. Local to the
// room, like the wall's advice: kept in the host's settings, announced as a domain event (host-events.ts maps it).
import { randomUUID } from 'node:crypto';
import { Emitter } from '../../common/emitter';
import { alertOrder, EMPTY_WATCH, watchStep, type StoredAlert, type WatchState } from '../../common/sector-alerts';
import { SectorAlert, type SectorAlerts } from '../../common/sector-api';
import type { ConsoleStore } from '../store/console-store';

const KEY = 'sectors.watch';
const Stored = SectorAlert.omit({ now: true });

export class SectorWatch {
  /** `alerts`: the list changed (an alert raised or acknowledged). */
  readonly events = new Emitter<{ alerts: SectorAlerts }>();
  /** The alert ids last announced, so an unchanged list is not announced again. */
  private announced = '';

  constructor(
    private readonly store: ConsoleStore,
    private readonly now: () => Date,
  ) {}

  /** Looks at the KPIs again; raises what crossed. Returns the alerts raised now. */
  check(): StoredAlert[] {
    const step = watchStep(this.state(), this.store.sectors.kpis(), this.now().toISOString(), randomUUID);
    if (step.changed) this.store.setSetting(KEY, JSON.stringify(step.state));
    if (step.state.alerts.map((a) => a.id).join() !== this.announced) this.announce();
    return step.raised;
  }

  list(): SectorAlerts {
    const levels = new Map(this.store.sectors.kpis().map((k) => [k.seriesId, k.level]));
    const alerts = this.state()
      .alerts.map((a) => ({ ...a, now: levels.get(a.seriesId) ?? 'normal' }))
      .sort(alertOrder);
    return { alerts };
  }

  acknowledge(ids: readonly string[]): SectorAlerts {
    const state = this.state();
    const gone = new Set(ids);
    const alerts = state.alerts.filter((a) => !gone.has(a.id));
    if (alerts.length !== state.alerts.length) {
      this.store.setSetting(KEY, JSON.stringify({ ...state, alerts }));
      this.announce();
    }
    return this.list();
  }

  private announce(): void {
    this.announced = this.state()
      .alerts.map((a) => a.id)
      .join();
    this.events.emit('alerts', this.list());
  }

  private state(): WatchState {
    const raw = this.store.setting(KEY);
    if (!raw) return EMPTY_WATCH;
    try {
      const s = JSON.parse(raw) as Partial<WatchState>;
      return {
        levels: s.levels && typeof s.levels === 'object' ? s.levels : {},
        alerts: Array.isArray(s.alerts) ? s.alerts.filter((a) => Stored.safeParse(a).success) : [],
      };
    } catch {
      return EMPTY_WATCH;
    }
  }
}
