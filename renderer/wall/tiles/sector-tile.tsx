// A sector on the wall: one card per KPI filling the cell, each with its figure, its level as a word on its
// colour, and the last 24 hours as a chart, all sized to the screen so they read from across the room.
import type { Sector } from '../../../src/common/entities';
import { TrendChart } from '../../shared/charts/trend-chart';
import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useWallSector } from '../queries';
import { TileFrame } from './tile-frame';

export function SectorTile({ sector }: { sector: Sector }) {
  const t = useT();
  const lang = useLang();
  const { data } = useWallSector(sector);
  const kpis = data?.series ?? [];
  return (
    <TileFrame title={t('tile.sector', { sector: t(`sector.${sector}`) })} empty={!data} className="sector-tile">
      {kpis.length === 0 ? (
        <p className="tile-empty">{t('overview.noKpi')}</p>
      ) : (
        <ul className="wall-kpis" data-count={kpis.length}>
          {kpis.map((k) => (
            <li key={k.seriesId} className={`wall-kpi level-${k.level}`} data-level={k.level}>
              <div className="wall-kpi-head">
                <span className="wall-kpi-name">{k.name}</span>
                {k.thresholds && <span className={`wall-level level-${k.level}`}>{t(`sectors.level.${k.level}`)}</span>}
              </div>
              {k.latest ? (
                <div className="wall-kpi-figure">
                  <span className="wall-kpi-value">{formatNumber(lang, k.latest.value)}</span>
                  <span className="wall-kpi-unit">{k.unit}</span>
                  <span className="wall-kpi-at">{formatTime(lang, k.latest.at, false)}</span>
                </div>
              ) : (
                <span className="wall-kpi-at">{t('sectors.noReading')}</span>
              )}
              {k.trend.at.length > 1 && (
                <TrendChart
                  className="wall-kpi-chart"
                  trend={k.trend}
                  thresholds={k.thresholds}
                  unit={k.unit}
                  lang={lang}
                  label={t('sectors.chart', { name: k.name, range: t('sectors.range.24h') })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </TileFrame>
  );
}
