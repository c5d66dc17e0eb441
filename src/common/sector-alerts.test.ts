import { describe, expect, it } from 'vitest';
import { PRESET_LAYOUTS } from './presets';
import { alertOrder, EMPTY_WATCH, layoutForSector, watchStep, worstLevel, type WatchState } from './sector-alerts';
import type { SeriesKpi } from './sector-api';
import { levelOf, type Thresholds } from './thresholds';

const T: Thresholds = { direction: 'above', warning: 85, critical: 95 };
const kpi = (value: number | null, thresholds: Thresholds | null = T, id = 'beds'): SeriesKpi => ({
  seriesId: id,
  sector: 'health',
  name: 'Tempat tidur',
  unit: '%',
  siteId: null,
  thresholds,
  pending: false,
  latest: value === null ? null : { value, at: `2026-11-20T0${String(value).length}:00:00.000Z` },
  level: value === null ? 'normal' : levelOf(value, thresholds),
});
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const run = (values: (number | null)[], thresholds: Thresholds | null = T) => {
  let state: WatchState = EMPTY_WATCH;
  const raised: string[] = [];
  for (const v of values) {
    const step = watchStep(state, [kpi(v, thresholds)], '2026-11-20T00:00:00.000Z', id);
    state = step.state;
    raised.push(...step.raised.map((a) => `${a.level}@${a.value}`));
  }
  return { state, raised };
};

describe('KPI alerts', () => {
  it('speak when a KPI moves into a worse level, once, and again after it eased', () => {
    expect(run([50, 86, 87, 96, 97, 90, 96, 50, 99]).raised).toEqual([
      'warning@86',
      'critical@96',
      'critical@96',
      'critical@99',
    ]);
  });

  it('keep one alert per series, the newest', () => {
    const { state } = run([86, 96]);
    expect(state.alerts).toHaveLength(1);
    expect(state.alerts[0]).toMatchObject({ level: 'critical', value: 96, thresholds: T });
  });

  it('a KPI already past its thresholds when first seen raises one; none without thresholds or readings', () => {
    expect(run([99]).raised).toEqual(['critical@99']);
    expect(run([99, 120], null).raised).toEqual([]);
    expect(run([null, null]).raised).toEqual([]);
    // Thresholds below: the same, downwards.
    expect(run([50, 19, 4], { direction: 'below', warning: 20, critical: 5 }).raised).toEqual([
      'warning@19',
      'critical@4',
    ]);
  });

  it('forget the alerts of a series that is gone, and say nothing changed when nothing did', () => {
    const first = watchStep(EMPTY_WATCH, [kpi(90)], 't', id);
    expect(first.changed).toBe(true);
    expect(watchStep(first.state, [kpi(91)], 't', id)).toMatchObject({ changed: false, raised: [] });
    const gone = watchStep(first.state, [kpi(50, T, 'other')], 't', id);
    expect(gone.state.alerts).toEqual([]);
    expect(gone.state.levels).toEqual({ other: 'normal' });
  });

  it('order critical first, then the newest; a sector shows its worst level', () => {
    const a = [
      { level: 'warning' as const, raisedAt: '2026-11-20T03:00:00.000Z' },
      { level: 'critical' as const, raisedAt: '2026-11-20T01:00:00.000Z' },
      { level: 'warning' as const, raisedAt: '2026-11-20T04:00:00.000Z' },
    ];
    expect([...a].sort(alertOrder).map((x) => x.raisedAt.slice(11, 13))).toEqual(['01', '04', '03']);
    expect(worstLevel(['normal', 'warning', 'normal'])).toBe('warning');
    expect(worstLevel([])).toBe('normal');
  });

  it('suggest the layout that shows the sector largest, unless the wall shows the sector already', () => {
    const [ikhtisar, fokus, , rapat] = PRESET_LAYOUTS;
    expect(layoutForSector(PRESET_LAYOUTS, 'health', fokus!.id)).toEqual({ id: rapat!.id, name: 'Rapat Pimpinan' });
    expect(layoutForSector(PRESET_LAYOUTS, 'health', ikhtisar!.id)).toBeNull();
    expect(layoutForSector(PRESET_LAYOUTS, 'traffic', null)).toEqual({ id: fokus!.id, name: 'Fokus Peta' });
    expect(layoutForSector(PRESET_LAYOUTS, 'payment', null)).toBeNull();
  });
});
