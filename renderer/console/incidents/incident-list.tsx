import { useMemo } from 'react';
import type { IncidentView } from '../../../src/common/host-api';
import { formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { isOpen } from '../../shared/incident-order';
import { kecamatanName } from '../../shared/map/region-data';
import { useNow } from '../../shared/use-now';
import { orderBySla } from './incident-filter';
import { useSlaPolicy } from './incident-flow-queries';
import { SlaBadge } from './sla-badge';

interface Props {
  incidents: readonly IncidentView[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** True when filters hide some incidents (the empty list then says so). */
  filtered?: boolean;
}

export function IncidentList({ incidents, selectedId, onSelect, filtered = false }: Props) {
  const t = useT();
  const lang = useLang();
  const policy = useSlaPolicy().data;
  // SLA clocks tick; the order (overdue first) is re-read every 15 s.
  const now = useNow(15_000);
  const rows = useMemo(() => orderBySla(incidents, policy, now), [incidents, policy, now]);
  if (rows.length === 0) return <p className="muted">{t(filtered ? 'filter.none' : 'incident.empty')}</p>;
  return (
    <ul className="incident-list" aria-label={t('incident.listLabel')}>
      {rows.map(({ incident: i, clock }) => {
        const selected = i.id === selectedId;
        return (
          <li key={i.id}>
            <button
              type="button"
              className={`incident-item severity-${i.severity}${isOpen(i) ? '' : ' done'}`}
              aria-pressed={selected}
              data-testid="incident-item"
              data-id={i.id}
              onClick={() => onSelect(selected ? null : i.id)}
            >
              <span className={`severity-badge severity-${i.severity}`}>
                {t(`severity.${i.severity}` as 'severity.1')}
              </span>
              <span className="incident-title">{i.title}</span>
              <span className="incident-meta">
                {t(`sector.${i.sector}`)} · {kecamatanName(i.districtCode)} · {t(`status.${i.status}`)} ·{' '}
                {formatTime(lang, i.reportedAt)}
                {i.pending && (
                  <>
                    {' '}
                    · <em>{t('incident.pending')}</em>
                  </>
                )}
              </span>
              <SlaBadge clock={clock} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
