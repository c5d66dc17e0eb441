// A new incident at the clicked point: its kecamatan comes from the boundaries (point-in-polygon), its
// coordinates from the click. Saved through the same request as the incident editor (incidents.save).
import { useId, useState, type FormEvent } from 'react';
import { SECTORS, type Sector } from '../../../src/common/entities';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import type { PointInfo } from '../../shared/map/console-map-view';
import { useSaveIncident } from '../incidents/incident-queries';

interface Props {
  point: PointInfo;
  onClose: () => void;
  onCreated: (id: string) => void;
}

export function MapCreateForm({ point, onClose, onCreated }: Props) {
  const t = useT();
  const save = useSaveIncident();
  const ids = { title: useId(), sector: useId(), severity: useId(), heading: useId() };
  const [title, setTitle] = useState(point.desa ? `${point.desa.nama}: ` : '');
  const [sector, setSector] = useState<Sector>('disaster');
  const [severity, setSeverity] = useState(2);
  const kecamatan = point.kecamatan!;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        incident: {
          title: title.trim(),
          sector,
          severity,
          status: 'reported',
          districtCode: kecamatan.kode,
          lat: Number(point.lat.toFixed(6)),
          lon: Number(point.lon.toFixed(6)),
          assignedOpd: null,
        },
      },
      { onSuccess: ({ incident }) => onCreated(incident.id) },
    );
  };

  return (
    <form className="map-create panel" onSubmit={submit} aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('mapCreate.title', { kecamatan: kecamatan.nama })}</h3>
      <p className="muted">{t('mapCreate.where', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) })}</p>
      <fieldset disabled={save.isPending}>
        <label htmlFor={ids.title}>{t('incidentEdit.titleField')}</label>
        <input
          id={ids.title}
          required
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          autoFocus
        />
        <label htmlFor={ids.sector}>{t('incident.sector')}</label>
        <select id={ids.sector} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
          {SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`sector.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.severity}>{t('incident.severity')}</label>
        <select id={ids.severity} value={severity} onChange={(e) => setSeverity(Number(e.target.value))}>
          {[1, 2, 3, 4].map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s as 1 | 2 | 3 | 4}`)}
            </option>
          ))}
        </select>
        <div className="row">
          <button type="submit" className="primary">
            {t('incidentEdit.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('incidentEdit.cancel')}
          </button>
        </div>
      </fieldset>
      {save.isError && (
        <p className="form-error" role="alert">
          {errorText(t, save.error)}
        </p>
      )}
    </form>
  );
}
