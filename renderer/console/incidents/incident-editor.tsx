// Edits the selected incident (status, severity, assigned OPD) or reports a new one. Offline it is saved locally
// and sent when the central API answers; the list marks it until then.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { SECTORS, type IncidentStatus, type Sector } from '../../../src/common/entities';
import { initialStatuses, isFalseReportClose, nextSteps } from '../../../src/common/incident-lifecycle';
import type { IncidentView } from '../../../src/common/host-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { kecamatan } from '../../shared/map/region-data';
import { canEditIncidents } from '../session/roles';
import { useOpdSites, useSaveIncident } from './incident-queries';

interface Props {
  operator: OperatorInfo;
  incident: IncidentView | null;
  onDone: (id: string | null) => void;
}

const KECAMATAN = kecamatan.features
  .map((f) => ({
    kode: f.properties.kode,
    nama: f.properties.nama,
    lat: Number((f.properties as { centroid_lat?: number }).centroid_lat),
    lon: Number((f.properties as { centroid_lon?: number }).centroid_lon),
  }))
  .sort((a, b) => a.nama.localeCompare(b.nama));

export function IncidentEditor({ operator, incident, onDone }: Props) {
  const t = useT();
  const save = useSaveIncident();
  const opd = useOpdSites().data?.sites ?? [];
  const ids = {
    title: useId(),
    sector: useId(),
    severity: useId(),
    status: useId(),
    opd: useId(),
    kec: useId(),
    reason: useId(),
  };
  const [reason, setReason] = useState('');
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [sector, setSector] = useState<Sector>('disaster');
  const [severity, setSeverity] = useState(2);
  const [status, setStatus] = useState<IncidentStatus>('reported');
  const [assignedOpd, setAssignedOpd] = useState('');
  const [kode, setKode] = useState(KECAMATAN[0]?.kode ?? '');
  const editing = creating ? null : incident;

  useEffect(() => {
    if (!editing) return;
    setStatus(editing.status);
    setSeverity(editing.severity);
    setAssignedOpd(editing.assignedOpd ?? '');
    setReason('');
  }, [editing]);

  if (!canEditIncidents(operator.role)) return null;
  // The lifecycle's next valid steps only: the status held, then where it may go (a new incident: how it may start).
  const choices: readonly IncidentStatus[] = editing
    ? [editing.status, ...nextSteps(editing.status)]
    : initialStatuses(operator.role);
  const needsReason = !!editing && isFalseReportClose(editing.status, status);
  const needsOpd = status === 'dispatched';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const place = KECAMATAN.find((k) => k.kode === kode);
    const fields = editing
      ? {
          id: editing.id,
          title: editing.title,
          sector: editing.sector,
          districtCode: editing.districtCode,
          lat: editing.lat,
          lon: editing.lon,
          reportedAt: editing.reportedAt,
        }
      : { title: title.trim(), sector, districtCode: kode, lat: place?.lat ?? -8.13, lon: place?.lon ?? 112.57 };
    const why = needsReason ? reason.trim() : '';
    save.mutate(
      { incident: { ...fields, severity, status, assignedOpd: assignedOpd || null }, ...(why ? { reason: why } : {}) },
      {
        onSuccess: ({ incident: saved }) => {
          setCreating(false);
          setTitle('');
          setReason('');
          onDone(saved.id);
        },
      },
    );
  };

  return (
    <form className="incident-editor" onSubmit={submit}>
      <div className="row">
        <h3>{editing ? t('incidentEdit.editTitle') : t('incidentEdit.newTitle')}</h3>
        {!creating && (
          <button type="button" onClick={() => setCreating(true)}>
            {t('incidentEdit.new')}
          </button>
        )}
        {creating && (
          <button type="button" onClick={() => setCreating(false)}>
            {t('incidentEdit.cancel')}
          </button>
        )}
      </div>
      {!editing && !creating && <p className="muted">{t('incidentEdit.pick')}</p>}
      {(editing || creating) && (
        <fieldset disabled={save.isPending}>
          {editing ? (
            <p className="incident-editor-name">{editing.title}</p>
          ) : (
            <>
              <label htmlFor={ids.title}>{t('incidentEdit.titleField')}</label>
              <input id={ids.title} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
              <label htmlFor={ids.sector}>{t('incident.sector')}</label>
              <select id={ids.sector} value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {t(`sector.${s}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={ids.kec}>{t('incident.kecamatan')}</label>
              <select id={ids.kec} value={kode} onChange={(e) => setKode(e.target.value)}>
                {KECAMATAN.map((k) => (
                  <option key={k.kode} value={k.kode}>
                    {k.nama}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor={ids.status}>{t('incident.status')}</label>
          <select id={ids.status} value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus)}>
            {choices.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          {editing && choices.length === 1 && <p className="muted">{t('flow.noStep')}</p>}
          {needsReason && (
            <>
              <label htmlFor={ids.reason}>{t('flow.reason')}</label>
              <textarea
                id={ids.reason}
                required
                rows={2}
                maxLength={2000}
                value={reason}
                aria-describedby={`${ids.reason}-hint`}
                onChange={(e) => setReason(e.target.value)}
              />
              <p id={`${ids.reason}-hint`} className="muted">
                {t('flow.reasonHint')}
              </p>
            </>
          )}
          <label htmlFor={ids.severity}>{t('incident.severity')}</label>
          <select id={ids.severity} value={severity} onChange={(e) => setSeverity(Number(e.target.value))}>
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s as 1 | 2 | 3 | 4}`)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.opd}>{t('incidentEdit.opd')}</label>
          <select id={ids.opd} value={assignedOpd} required={needsOpd} onChange={(e) => setAssignedOpd(e.target.value)}>
            <option value="">{t('incidentEdit.noOpd')}</option>
            {opd.map((s) => (
              <option key={s.id} value={s.id.slice(0, 32)}>
                {s.name}
              </option>
            ))}
          </select>
          {needsOpd && !assignedOpd && <p className="muted">{t('flow.opdRequired')}</p>}
          <button type="submit" className="primary">
            {editing ? t('incidentEdit.save') : t('incidentEdit.create')}
          </button>
        </fieldset>
      )}
      {save.isError && (
        <p className="form-error" role="alert">
          {errorText(t, save.error)}
        </p>
      )}
    </form>
  );
}
