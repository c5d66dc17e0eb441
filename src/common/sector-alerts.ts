// When a KPI raises an alert: its newest reading moved into a worse level than this console last saw for it
// (normal -> warning, warning -> critical, normal -> critical). Easing back lowers the level seen, so the next
// crossing speaks up again. One alert per series at most, the newest, kept until someone acknowledges it. Pure:
// the host keeps the state in its settings and announces the alerts.
import type { Layout, Sector } from './entities';
import type { SectorAlert, SeriesKpi } from './sector-api';
import { crossedUp, type Level } from './thresholds';

export type StoredAlert = Omit<SectorAlert, 'now'>;

export interface WatchState {
  /** Per series, the level this console last saw. */
  levels: Record<string, Level>;
  alerts: StoredAlert[];
}
export const EMPTY_WATCH: WatchState = { levels: {}, alerts: [] };

export interface WatchStep {
  state: WatchState;
  /** Alerts raised by this step. */
  raised: StoredAlert[];
  /** Something to keep (levels or alerts changed). */
  changed: boolean;
}

export function watchStep(
  before: WatchState,
  kpis: readonly SeriesKpi[],
  raisedAt: string,
  newId: () => string,
): WatchStep {
  const levels: Record<string, Level> = {};
  let alerts = before.alerts.filter((a) => kpis.some((k) => k.seriesId === a.seriesId));
  const raised: StoredAlert[] = [];
  for (const k of kpis) {
    const seen = before.levels[k.seriesId] ?? 'normal';
    const now: Level = k.latest && k.thresholds ? k.level : 'normal';
    levels[k.seriesId] = now;
    if (!crossedUp(seen, now) || now === 'normal' || !k.latest || !k.thresholds) continue;
    const alert: StoredAlert = {
      id: newId(),
      seriesId: k.seriesId,
      sector: k.sector,
      name: k.name,
      unit: k.unit,
      level: now,
      value: k.latest.value,
      at: k.latest.at,
      raisedAt,
      thresholds: k.thresholds,
    };
    alerts = [...alerts.filter((a) => a.seriesId !== k.seriesId), alert];
    raised.push(alert);
  }
  const changed =
    raised.length > 0 ||
    alerts.length !== before.alerts.length ||
    JSON.stringify(sorted(levels)) !== JSON.stringify(sorted(before.levels));
  return { state: { levels, alerts }, raised, changed };
}

const sorted = (r: Record<string, Level>) => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1));

/** Critical first, then the newest. */
export function alertOrder(a: { level: Level; raisedAt: string }, b: { level: Level; raisedAt: string }): number {
  if (a.level !== b.level) return a.level === 'critical' ? -1 : 1;
  return a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0;
}

/** The worst level among KPIs (a sector's tab shows it). */
export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = 'normal';
  for (const l of levels) if (crossedUp(worst, l)) worst = l;
  return worst;
}

/**
 * The layout to suggest for a KPI gone critical: one that shows the sector's tile (the fewest tiles first, so the
 * sector is large), unless the wall already shows such a layout.
 */
export function layoutForSector(
  layouts: readonly Pick<Layout, 'id' | 'name' | 'tiles'>[],
  sector: Sector,
  showingLayoutId: string | null,
): { id: string; name: string } | null {
  const showsIt = (l: Pick<Layout, 'tiles'>) =>
    l.tiles.some((t) => t.source.kind === 'sector' && t.source.sector === sector);
  const showing = layouts.find((l) => l.id === showingLayoutId);
  if (showing && showsIt(showing)) return null;
  const candidates = layouts.filter(showsIt).sort((a, b) => a.tiles.length - b.tiles.length);
  const best = candidates[0];
  return best ? { id: best.id, name: best.name } : null;
}
