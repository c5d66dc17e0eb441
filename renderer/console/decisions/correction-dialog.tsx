// "Koreksi" on a log entry: the decision form prefilled from the entry, with a required reason, recorded as a new
// decision whose `supersedes` names the old one (native <dialog>: focus kept inside, Esc closes).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DecisionView, IncidentView } from '../../../src/common/host-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { useCorrectDecision } from './queries';

interface Props {
  /** The entry being corrected; null while the dialog is closed. */
  decision: DecisionView | null;
  incidents: readonly IncidentView[];
  onClose: () => void;
  /** The correction was recorded (its id, to bring it into view). */
  onCorrected: (id: string) => void;
}

export function CorrectionDialog({ decision, incidents, onClose, onCorrected }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (decision && !d.open) d.showModal();
    if (!decision && d.open) d.close();
  }, [decision]);
  return (
    <dialog ref={ref} className="correction-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>{t('correct.title')}</h2>
      {decision && (
        <CorrectionForm
          key={decision.id}
          decision={decision}
          incidents={incidents}
          onCancel={onClose}
          onCorrected={onCorrected}
        />
      )}
    </dialog>
  );
}

function CorrectionForm({
  decision,
  incidents,
  onCancel,
  onCorrected,
}: {
  decision: DecisionView;
  incidents: readonly IncidentView[];
  onCancel: () => void;
  onCorrected: (id: string) => void;
}) {
  const t = useT();
  const correct = useCorrectDecision();
  const [summary, setSummary] = useState(decision.summary);
  const [action, setAction] = useState(decision.action);
  const [reason, setReason] = useState('');
  const [incidentId, setIncidentId] = useState(decision.incidentId ?? '');
  const ids = { summary: useId(), action: useId(), reason: useId(), hint: useId(), incident: useId() };
  // An incident that left the list still stays the one the correction names.
  const known = incidents.some((i) => i.id === incidentId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    correct.mutate(
      {
        supersedes: decision.id,
        summary: summary.trim(),
        action: action.trim(),
        reason: reason.trim(),
        ...(incidentId ? { incidentId } : {}),
      },
      { onSuccess: ({ decision: made }) => onCorrected(made.id) },
    );
  };

  return (
    <form className="decision-form correction-form" onSubmit={submit}>
      <p className="correction-of">
        {t('correct.of')} <s>{decision.summary}</s>
      </p>
      {decision.rationale && (
        <p className="muted">{t('correct.originalRationale', { rationale: decision.rationale })}</p>
      )}
      <fieldset disabled={correct.isPending}>
        <label htmlFor={ids.reason}>{t('correct.reason')}</label>
        <textarea
          id={ids.reason}
          rows={3}
          required
          maxLength={4000}
          aria-describedby={ids.hint}
          value={reason}
          onChange={(e) => {
            e.target.setCustomValidity('');
            setReason(e.target.value);
          }}
          // The browser's own "fill out this field" speaks the browser's language, not the console's.
          onInvalid={(e) => e.currentTarget.setCustomValidity(t('correct.reasonMissing'))}
          autoFocus
        />
        <p id={ids.hint} className="muted field-hint">
          {t('correct.reasonHint')}
        </p>
        <label htmlFor={ids.summary}>{t('decision.summary')}</label>
        <input id={ids.summary} required maxLength={300} value={summary} onChange={(e) => setSummary(e.target.value)} />
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
          {!known && incidentId && <option value={incidentId}>{incidentId}</option>}
          {incidents.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
        <div className="row correction-buttons">
          <button type="submit" className="primary">
            {t('correct.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('correct.cancel')}
          </button>
        </div>
      </fieldset>
      <div aria-live="polite">{correct.isPending && <p className="muted">{t('decision.saving')}</p>}</div>
      {correct.isError && (
        <p className="form-error" role="alert">
          {errorText(t, correct.error)}
        </p>
      )}
    </form>
  );
}
