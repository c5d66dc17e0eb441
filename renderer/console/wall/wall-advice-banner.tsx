// A rule's suggestion ("a critical incident: show Darurat now") and a running interrupt, each with its one
// action. Nothing here switches the wall by itself: the presenter decides.
import { useId } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { ROOM_TIME_ZONE } from '../../shared/format';
import { locale, useLang, useT } from '../../shared/i18n';
import { errorText } from '../../shared/error-text';
import { canSwitchWall } from '../session/roles';
import { useAdviceAction, useWallAdvice } from './plan-queries';
import { useLayouts } from './queries';

export function WallAdviceBanner({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const lang = useLang();
  const noteId = useId();
  const advice = useWallAdvice().data;
  const layouts = useLayouts().data?.layouts ?? [];
  const act = useAdviceAction();
  const allowed = canSwitchWall(operator.role);
  const described = allowed ? undefined : noteId;
  if (!advice?.suggestion && !advice?.interrupt) return null;
  const { suggestion, interrupt } = advice;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale(lang), {
      timeZone: ROOM_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(new Date(iso));
  const previous = advice.restoreLayoutId ? layouts.find((l) => l.id === advice.restoreLayoutId)?.name : undefined;

  return (
    <div className="wall-advice" data-testid="wall-advice">
      {suggestion && (
        <div className="advice suggestion" role="alert">
          <p>
            {t('advice.critical', {
              titles: suggestion.incidents.map((i) => i.title).join('; '),
              name: suggestion.layoutName,
            })}
          </p>
          <div className="advice-actions">
            <button
              type="button"
              className="primary emergency"
              disabled={!allowed || act.isPending}
              aria-describedby={described}
              onClick={() =>
                act.mutate({
                  take: { layoutId: suggestion.layoutId, incidentIds: suggestion.incidents.map((i) => i.id) },
                })
              }
            >
              {t('advice.take', { name: suggestion.layoutName })}
            </button>
            <button
              type="button"
              disabled={!allowed || act.isPending}
              aria-describedby={described}
              onClick={() => act.mutate({ dismiss: { incidentIds: suggestion.incidents.map((i) => i.id) } })}
            >
              {t('advice.dismiss')}
            </button>
          </div>
        </div>
      )}
      {interrupt && (
        <div className="advice interrupt" role="status">
          <p>
            {t('advice.interrupt', { name: interrupt.layoutName, time: time(interrupt.startedAt), by: interrupt.by })}
          </p>
          <button
            type="button"
            className="primary"
            disabled={!allowed || act.isPending}
            aria-describedby={described}
            onClick={() => act.mutate({ end: true })}
          >
            {t('advice.end')}
          </button>
          <span className="muted">{previous ? t('advice.endHint', { name: previous }) : t('advice.endHintNone')}</span>
        </div>
      )}
      {!allowed && (
        <p id={noteId} className="note">
          {t('advice.readOnly')}
        </p>
      )}
      {act.isError && (
        <p className="form-error" role="alert">
          {t('advice.failed', { message: errorText(t, act.error) })}
        </p>
      )}
    </div>
  );
}
