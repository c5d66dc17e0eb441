import { useEffect, useId, useState, type FormEvent } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { IncidentView } from '../../../src/common/host-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { canRecordDecisions } from '../session/roles';
import { useRecordDecision } from './queries';

interface Props {
  operator: OperatorInfo;
  incidents: readonly IncidentView[];
  /** The incident picked in the list or on the map, offered as the related one. */
  selectedIncidentId: string | null;
}

export function DecisionForm({ operator, incidents, selectedIncidentId }: Props) {
  const t = useT();
  const record = useRecordDecision();
  const [summary, setSummary] = useState('');
  const [rationale, setRationale] = useState('');
  const [action, setAction] = useState('');
  const [incidentId, setIncidentId] = useState(selectedIncidentId ?? '');
  const ids = { summary: useId(), rationale: useId(), action: useId(), incident: useId(), note: useId() };
  const allowed = canRecordDecisions(operator.role);

  useEffect(() => setIncidentId(selectedIncidentId ?? ''), [selectedIncidentId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        summary: summary.trim(),
        rationale: rationale.trim(),
        action: action.trim(),
        ...(incidentId ? { incidentId } : {}),
      },
      {
        onSuccess: () => {
          setSummary('');
          setRationale('');
          setAction('');
        },
      },
    );
  };

  return (
    <form className="decision-form" onSubmit={submit} aria-describedby={allowed ? undefined : ids.note}>
      <h2>{t('decision.formTitle')}</h2>
      {!allowed && (
        <p id={ids.note} className="note">
          {t('decision.roleBlocked', { role: t(`role.${operator.role}`) })}
        </p>
      )}
      <fieldset disabled={!allowed || record.isPending}>
        <label htmlFor={ids.summary}>{t('decision.summary')}</label>
        <input id={ids.summary} required maxLength={300} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <label htmlFor={ids.rationale}>{t('decision.rationale')}</label>
        <textarea
          id={ids.rationale}
          rows={3}
          maxLength={4000}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
        <label htmlFor={ids.action}>{t('decision.action')}</label>
        <textarea
          id={ids.action}
          rows={2}
          required
          maxLength={1000}
          value={action}
          onChange={(e) => setAction(e.target.value)}
        />
        <label htmlFor={ids.incident}>{t('decision.incident')}</label>
        <select id={ids.incident} value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
          <option value="">{t('decision.noIncident')}</option>
          {incidents.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t('decision.submit')}
        </button>
      </fieldset>
      <div aria-live="polite">
        {record.isPending && <p className="muted">{t('decision.saving')}</p>}
        {record.isSuccess && <p className="ok">{t('decision.saved')}</p>}
      </div>
      {record.isError && (
        <p className="form-error" role="alert">
          {errorText(t, record.error)}
        </p>
      )}
    </form>
  );
}
