// The selected incident's timeline from incident_event (who changed what, when), with its notes and a note form.
import { useId, useState, type FormEvent } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { TimelineEntry } from '../../../src/common/incident-api';
import { errorText } from '../../shared/error-text';
import { formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import type { Translate } from '../../shared/i18n/translate';
import { canRecordDecisions } from '../session/roles';
import { useAddNote, useTimeline } from './incident-flow-queries';
import { useOpdSites } from './incident-queries';

const STATUSES = new Set(['reported', 'verified', 'dispatched', 'resolved', 'closed']);

function value(
  t: Translate,
  kind: TimelineEntry['kind'],
  v: TimelineEntry['from'],
  opdName: (id: string) => string,
): string {
  if (v === null || v === undefined) return t('timeline.none');
  if (kind === 'severity' && typeof v === 'number') return t(`severity.${v as 1 | 2 | 3 | 4}`);
  if (typeof v === 'string' && STATUSES.has(v) && kind !== 'assigned') return t(`status.${v as 'reported'}`);
  return opdName(String(v));
}

export function IncidentTimeline({ incidentId, operator }: { incidentId: string; operator: OperatorInfo }) {
  const t = useT();
  const lang = useLang();
  const timeline = useTimeline(incidentId);
  const addNote = useAddNote();
  const opd = useOpdSites().data?.sites ?? [];
  const noteId = useId();
  const [text, setText] = useState('');
  const opdName = (id: string) => opd.find((s) => s.id === id)?.name ?? id;
  const entries = timeline.data?.entries ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    addNote.mutate(
      { incidentId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          void timeline.refetch();
        },
      },
    );
  };

  return (
    <section className="incident-timeline" aria-label={t('timeline.title')}>
      <h3>{t('timeline.title')}</h3>
      {entries.length === 0 && <p className="muted">{t('timeline.empty')}</p>}
      <ol className="timeline-list">
        {entries.map((e) => {
          const who = e.operatorId === 'nawa-hub' ? t('timeline.hub') : e.operatorId;
          return (
            <li
              key={e.id}
              data-testid="timeline-entry"
              data-kind={e.kind}
              data-state={e.state}
              className={`timeline-${e.state}`}
            >
              <time dateTime={e.at}>{formatTime(lang, e.at)}</time>{' '}
              <span>
                {t(`timeline.${e.kind}`, {
                  who,
                  from: value(t, e.kind, e.from, opdName),
                  to: value(t, e.kind, e.to, opdName),
                })}
              </span>
              {e.text && <blockquote className="timeline-note">{e.text}</blockquote>}
              {e.state !== 'synced' && (
                <em className="timeline-state">
                  {' '}
                  · {t(e.state === 'pending' ? 'timeline.pending' : 'timeline.rejected')}
                </em>
              )}
            </li>
          );
        })}
      </ol>
      {canRecordDecisions(operator.role) && (
        <form className="note-form" onSubmit={submit}>
          <label htmlFor={noteId}>{t('note.label')}</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={2000}
            value={text}
            placeholder={t('note.placeholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={addNote.isPending || !text.trim()}>
            {t('note.add')}
          </button>
          {addNote.isError && (
            <p className="form-error" role="alert">
              {errorText(t, addNote.error)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
