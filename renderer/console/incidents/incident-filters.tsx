// Filters over the incident list (status, sector, severity, kecamatan, OPD) and the full-text search box.
import { useId } from 'react';
import { INCIDENT_STATUSES, SECTORS } from '../../../src/common/entities';
import { useT } from '../../shared/i18n';
import { kecamatan } from '../../shared/map/region-data';
import { isFiltered, NO_FILTER, type IncidentFilter } from './incident-filter';
import { useOpdSites } from './incident-queries';

const KECAMATAN = kecamatan.features
  .map((f) => ({ kode: f.properties.kode, nama: f.properties.nama }))
  .sort((a, b) => a.nama.localeCompare(b.nama));

interface Props {
  filter: IncidentFilter;
  onChange: (f: IncidentFilter) => void;
  shown: number;
  total: number;
}

export function IncidentFilters({ filter, onChange, shown, total }: Props) {
  const t = useT();
  const opd = useOpdSites().data?.sites ?? [];
  const ids = { q: useId(), status: useId(), sector: useId(), severity: useId(), kec: useId(), opd: useId() };
  const set = (patch: Partial<IncidentFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="incident-filters" aria-label={t('filter.title')}>
      <div className="filter-search">
        <label htmlFor={ids.q}>{t('filter.search')}</label>
        <input
          id={ids.q}
          type="search"
          value={filter.query}
          placeholder={t('filter.searchHint')}
          maxLength={200}
          onChange={(e) => set({ query: e.target.value })}
        />
      </div>
      <div className="filter-grid">
        <div className="filter-field">
          <label htmlFor={ids.status}>{t('filter.status')}</label>
          <select
            id={ids.status}
            value={filter.status}
            onChange={(e) => set({ status: e.target.value as IncidentFilter['status'] })}
          >
            <option value="all">{t('filter.all')}</option>
            <option value="open">{t('filter.open')}</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.sector}>{t('filter.sector')}</label>
          <select
            id={ids.sector}
            value={filter.sector}
            onChange={(e) => set({ sector: e.target.value as IncidentFilter['sector'] })}
          >
            <option value="">{t('filter.all')}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sector.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.severity}>{t('filter.severity')}</label>
          <select
            id={ids.severity}
            value={filter.severity}
            onChange={(e) => set({ severity: Number(e.target.value) as IncidentFilter['severity'] })}
          >
            <option value={0}>{t('filter.all')}</option>
            {([4, 3, 2, 1] as const).map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.kec}>{t('filter.kecamatan')}</label>
          <select id={ids.kec} value={filter.districtCode} onChange={(e) => set({ districtCode: e.target.value })}>
            <option value="">{t('filter.all')}</option>
            {KECAMATAN.map((k) => (
              <option key={k.kode} value={k.kode}>
                {k.nama}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor={ids.opd}>{t('filter.opd')}</label>
          <select id={ids.opd} value={filter.opd} onChange={(e) => set({ opd: e.target.value })}>
            <option value="">{t('filter.all')}</option>
            {opd.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filter-row">
        <span className="muted" data-testid="filter-count">
          {t('filter.count', { shown, total })}
        </span>
        {isFiltered(filter) && (
          <button type="button" onClick={() => onChange(NO_FILTER)}>
            {t('filter.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
