import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useWallOverview } from '../queries';
import { TileFrame } from './tile-frame';

const STATES = ['up', 'degraded', 'down', 'unknown'] as const;
const DOWN_SHOWN = 8;

export function ConnectivityTile() {
  const t = useT();
  const lang = useLang();
  const { data } = useWallOverview();
  return (
    <TileFrame title={t('tile.connectivity')} empty={!data} className="connectivity-tile">
      {data && (
        <>
          <p className="wall-sites">{t('overview.sites', { n: data.sites })}</p>
          <div className="wall-states">
            {STATES.map((s) => (
              <div key={s} className={`wall-state state-${s}`}>
                <span className="wall-state-count">{formatNumber(lang, data.states[s])}</span>
                <span className="wall-state-name">{t(`overview.${s}`)}</span>
              </div>
            ))}
          </div>
          {data.down.length > 0 && (
            <ul className="wall-down">
              {data.down.slice(0, DOWN_SHOWN).map((d) => (
                <li key={d.id}>
                  {d.name} <small>{t('overview.downSince', { time: formatTime(lang, d.since, false) })}</small>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </TileFrame>
  );
}
