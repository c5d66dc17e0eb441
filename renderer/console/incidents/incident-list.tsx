import { useMemo } from 'react';
import type { IncidentView } from '../../../src/common/host-api';
import { formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { byUrgency, isOpen } from '../../shared/incident-order';
import { kecamatanName } from '../../shared/map/region-data';

interface Props {
  incidents: readonly IncidentView[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}

export function IncidentList({ incidents, selectedId, onSelect }: Props) {
  const t = useT();
  const lang = useLang();
  const sorted = useMemo(() => [...incidents].sort(byUrgency), [incidents]);
  if (sorted.length === 0) return <p className="muted">{t('incident.empty')}</p>;
  return (
    <ul className="incident-list" aria-label={t('incident.listLabel')}>
      {sorted.map((i) => {
        const selected = i.id === selectedId;
        return (
          <li key={i.id}>
            <button
              type="button" className={`incident-item severity-${i.severity}${isOpen(i) ? '' : ' done'}`} aria-pressed={selected}
              data-testid="incident-item" data-id={i.id} onClick={() => onSelect(selected ? null : i.id)}
            >
              <span className={`severity-badge severity-${i.severity}`}>{t(`severity.${i.severity}` as 'severity.1')}</span>
              <span className="incident-title">{i.title}</span>
              <span className="incident-meta">
                {t(`sector.${i.sector}`)} · {kecamatanName(i.districtCode)} · {t(`status.${i.status}`)} · {formatTime(lang, i.reportedAt)}
                {i.pending && <> · <em>{t('incident.pending')}</em></>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
