import type { Sector } from '../../../src/common/entities';
import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useWallOverview } from '../queries';
import { TileFrame } from './tile-frame';

export function SectorTile({ sector }: { sector: Sector }) {
  const t = useT();
  const lang = useLang();
  const { data } = useWallOverview();
  const kpis = data?.kpis.filter((k) => k.sector === sector) ?? [];
  return (
    <TileFrame title={t('tile.sector', { sector: t(`sector.${sector}`) })} empty={!data} className="sector-tile">
      {kpis.length === 0 ? (
        <p className="tile-empty">{t('overview.noKpi')}</p>
      ) : (
        <ul className="wall-kpis">
          {kpis.map((k) => (
            <li key={k.seriesId} className="wall-kpi">
              <span className="wall-kpi-name">{k.name}</span>
              <span className="wall-kpi-value">{formatNumber(lang, k.value)}</span>
              <span className="wall-kpi-unit">{k.unit}</span>
              <span className="wall-kpi-at">{formatTime(lang, k.at, false)}</span>
            </li>
          ))}
        </ul>
      )}
    </TileFrame>
  );
}
