import { formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { wallIncidents } from '../../shared/incident-order';
import { kecamatanName } from '../../shared/map/region-data';
import { useWallIncidents } from '../queries';
import { TileFrame } from './tile-frame';

export function IncidentsTile({ minSeverity }: { minSeverity?: number }) {
  const t = useT();
  const lang = useLang();
  const { data } = useWallIncidents();
  const list = data ? wallIncidents(data.incidents, minSeverity) : [];
  return (
    <TileFrame title={t('tile.incidents')} empty={!data} className="incidents-tile">
      {list.length === 0 ? (
        <p className="tile-empty">{t('incident.empty')}</p>
      ) : (
        <ol className="wall-incidents">
          {list.map((i) => (
            <li key={i.id} className={`wall-incident severity-${i.severity}`}>
              <span className={`severity-badge severity-${i.severity}`}>
                {t(`severity.${i.severity}` as 'severity.1')}
              </span>
              <span className="wall-incident-title">{i.title}</span>
              <span className="wall-incident-meta">
                {kecamatanName(i.districtCode)} · {t(`sector.${i.sector}`)} · {t(`status.${i.status}`)} ·{' '}
                {formatTime(lang, i.reportedAt, false)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </TileFrame>
  );
}
