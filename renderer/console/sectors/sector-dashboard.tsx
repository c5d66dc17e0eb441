// The Sektor view: the sectors with their worst level, the alerts of KPIs that crossed a threshold, and one
// sector's KPIs with the trend of the last 24 hours or 7 days. Level is always a word beside its colour.
import { useId, useState } from 'react';
import { mayRequest } from '../../../src/common/access-policy';
import type { OperatorInfo } from '../../../src/common/central-api';
import { SECTORS, type Sector } from '../../../src/common/entities';
import { TREND_RANGES, type SeriesKpi, type TrendRange } from '../../../src/common/sector-api';
import { LEVELS, type Level } from '../../../src/common/thresholds';
import { useT } from '../../shared/i18n';
import { DataAge } from '../sync/data-age';
import { KpiCard } from './kpi-card';
import { SectorAlertsPanel } from './sector-alerts';
import { useSectorDashboard, useSectorSummary } from './sector-queries';
import './sectors.css';

function worst(levels: readonly Level[]): Level {
  return levels.reduce<Level>((w, l) => (LEVELS.indexOf(l) > LEVELS.indexOf(w) ? l : w), 'normal');
}

/** The sectors that have series, in the room's order, each with its worst level and count. */
function sectorsOf(series: readonly SeriesKpi[]): { sector: Sector; level: Level; count: number }[] {
  return SECTORS.flatMap((sector) => {
    const mine = series.filter((s) => s.sector === sector);
    return mine.length === 0 ? [] : [{ sector, level: worst(mine.map((s) => s.level)), count: mine.length }];
  });
}

export function SectorDashboard({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const headingId = useId();
  const summary = useSectorSummary();
  const sectors = sectorsOf(summary.data?.series ?? []);
  const [chosen, setChosen] = useState<Sector | null>(null);
  const [range, setRange] = useState<TrendRange>('24h');
  const sector = chosen && sectors.some((s) => s.sector === chosen) ? chosen : (sectors[0]?.sector ?? null);
  const dashboard = useSectorDashboard(sector ?? 'transport', range, sector !== null);

  return (
    <>
      <div className="sector-side shell-scroll">
        <section className="panel sector-list-panel" aria-labelledby={`${headingId}-list`}>
          <h2 id={`${headingId}-list`}>{t('sectors.list')}</h2>
          {sectors.length === 0 ? (
            <p className="muted">{t('sectors.noSeries')}</p>
          ) : (
            <ul className="sector-list">
              {sectors.map((s) => (
                <li key={s.sector}>
                  <button
                    type="button"
                    className={`sector-choice level-${s.level}`}
                    aria-pressed={s.sector === sector}
                    data-sector={s.sector}
                    data-level={s.level}
                    onClick={() => setChosen(s.sector)}
                  >
                    <span className="sector-choice-name">{t(`sector.${s.sector}`)}</span>
                    <span className={`level-badge level-${s.level}`}>{t(`sectors.level.${s.level}`)}</span>
                    <span className="sector-choice-count">
                      {t(s.count === 1 ? 'sectors.seriesCountOne' : 'sectors.seriesCount', { n: s.count })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <SectorAlertsPanel operator={operator} onShow={setChosen} />
      </div>
      <section className="panel sector-main" aria-labelledby={headingId} data-testid="sector-dashboard">
        <div className="sector-main-head">
          <h2 id={headingId}>
            {sector ? t(`sector.${sector}`) : t('sectors.title')} <DataAge />
          </h2>
          <div className="range-switch" role="group" aria-label={t('sectors.range')}>
            {TREND_RANGES.map((r) => (
              <button key={r} type="button" aria-pressed={r === range} onClick={() => setRange(r)}>
                {t(`sectors.range.${r}`)}
              </button>
            ))}
          </div>
        </div>
        <p className="muted sector-chart-note">
          {t(range === '7d' ? 'sectors.chart7d' : 'sectors.chart24h')}
          {!mayRequest(operator.role, 'sectors.setThresholds') && ` · ${t('sectors.readOnlyThresholds')}`}
        </p>
        {sector === null ? (
          <p className="muted">{t('sectors.noSeries')}</p>
        ) : !dashboard.data ? (
          <p className="muted">{t('shell.noData')}</p>
        ) : (
          <ul className="kpi-cards" data-sector={dashboard.data.sector} data-range={dashboard.data.range}>
            {dashboard.data.series.map((s) => (
              <KpiCard key={s.seriesId} kpi={s} range={dashboard.data.range} operator={operator} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
