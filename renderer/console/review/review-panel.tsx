// Writes the central API did not take: a rejected decision, an incident edit lost to someone else's. They are
// never dropped silently: the operator reads what happened and closes each entry.
import { useId } from 'react';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { useDismissParked, useParked } from '../incidents/incident-queries';

function describe(yours: Record<string, unknown>): string {
  const name = yours.title ?? yours.summary ?? yours.name ?? yours.id;
  return String(name);
}

/** A field of a refused write as the operator reads it: text and numbers as they are, anything else left out. */
const shownValue = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function ReviewPanel() {
  const t = useT();
  const heading = useId();
  const parked = useParked().data?.entries ?? [];
  const dismiss = useDismissParked();
  if (parked.length === 0) return null;
  return (
    <section className="panel review-panel" aria-labelledby={heading}>
      <h2 id={heading}>
        {t('review.title')} ({parked.length})
      </h2>
      <ul className="plain-list">
        {parked.map((p) => {
          const central = p.central as Record<string, unknown> | null;
          return (
            <li key={p.id} data-testid="review-item" data-state={p.state}>
              <strong>
                {t(
                  `review.entity.${p.entity === 'incident' || p.entity === 'decision' || p.entity === 'layout' ? p.entity : 'other'}`,
                )}
                : {describe(p.yours)}
              </strong>
              <p>{p.state === 'conflict' ? t('review.conflict') : t('review.rejected', { reason: p.error })}</p>
              {p.state === 'conflict' && central && (
                <p className="muted">
                  {t('review.centralNow', { status: shownValue(central.status), version: shownValue(central.version) })}{' '}
                  · {t('review.yours', { status: shownValue(p.yours.status) })}
                </p>
              )}
              <button type="button" onClick={() => dismiss.mutate(p.id)}>
                {t('review.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
      {dismiss.isError && (
        <p className="form-error" role="alert">
          {errorText(t, dismiss.error)}
        </p>
      )}
    </section>
  );
}
