// The room's time-of-day schedule of layouts, in WIB. The host applies it; saving takes effect at the next start.
import { useId, useState, type FormEvent } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { WEEKDAYS, WORKDAYS, type Schedule, type ScheduleEntry } from '../../../src/common/wall-schedule';
import { ROOM_TIME_ZONE } from '../../shared/format';
import { locale, useLang, useT, type MessageKey } from '../../shared/i18n';
import { canSwitchWall } from '../session/roles';
import { orderLayouts } from './layout-order';
import { useSaveSchedule, useSchedule } from './plan-queries';
import { planErrorText } from './plan-text';
import { useLayouts } from './queries';

function EntryRow({
  entry,
  n,
  layouts,
  onChange,
  onRemove,
}: {
  entry: ScheduleEntry;
  n: number;
  layouts: readonly { id: string; name: string }[];
  onChange: (e: ScheduleEntry) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const ids = { at: useId(), layout: useId() };
  const toggle = (day: number, on: boolean) => {
    const days = on ? [...entry.days, day].sort() : entry.days.filter((d) => d !== day);
    if (days.length > 0) onChange({ ...entry, days });
  };
  return (
    <fieldset className="schedule-entry" data-testid="schedule-entry">
      <legend>{t('schedule.entryLabel', { n })}</legend>
      <label htmlFor={ids.at}>{t('schedule.at')}</label>
      <input
        id={ids.at}
        type="time"
        required
        value={entry.at}
        onChange={(e) => /^\d\d:\d\d$/.test(e.target.value) && onChange({ ...entry, at: e.target.value })}
      />
      <fieldset className="inline-checks">
        <legend>{t('schedule.days')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              aria-label={t(`dayName.${d}` as MessageKey)}
              checked={entry.days.includes(d)}
              onChange={(e) => toggle(d, e.target.checked)}
            />
            <span aria-hidden="true">{t(`day.${d}` as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.layout}>{t('schedule.layout')}</label>
      <select id={ids.layout} value={entry.layoutId} onChange={(e) => onChange({ ...entry, layoutId: e.target.value })}>
        {!layouts.some((l) => l.id === entry.layoutId) && <option value={entry.layoutId}>?</option>}
        {layouts.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={onRemove}>
        {t('schedule.remove', { at: entry.at })}
      </button>
    </fieldset>
  );
}

export function ScheduleEditor({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const lang = useLang();
  const headingId = useId();
  const view = useSchedule().data;
  const layouts = orderLayouts(useLayouts().data?.layouts ?? []);
  const save = useSaveSchedule();
  const [draft, setDraft] = useState<Schedule | null>(null);
  const allowed = canSwitchWall(operator.role);
  const schedule = draft ?? view?.schedule ?? { enabled: false, entries: [] };
  const edit = (s: Schedule) => {
    save.reset();
    setDraft(s);
  };
  const nextName = view?.next ? (layouts.find((l) => l.id === view.next!.layoutId)?.name ?? '?') : null;
  const nextTime = view?.next
    ? new Intl.DateTimeFormat(locale(lang), {
        timeZone: ROOM_TIME_ZONE,
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      }).format(new Date(view.next.at))
    : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ schedule }, { onSuccess: () => setDraft(null) });
  };
  // A new entry starts an hour after the last one, with the next layout, so it never clashes by default.
  const add = () => {
    const last = schedule.entries.at(-1);
    const hour = last ? (Number(last.at.slice(0, 2)) + 1) % 24 : 7;
    const next = layouts[(layouts.findIndex((l) => l.id === last?.layoutId) + 1) % Math.max(1, layouts.length)];
    const entry = {
      id: crypto.randomUUID(),
      at: `${String(hour).padStart(2, '0')}:00`,
      days: [...(last?.days ?? WORKDAYS)],
      layoutId: next?.id ?? '',
    };
    edit({ ...schedule, entries: [...schedule.entries, entry] });
  };

  return (
    <section className="schedule-editor" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('schedule.title')}</h3>
      <p className="muted" data-testid="schedule-next">
        {!view?.schedule.enabled
          ? t('schedule.off')
          : nextTime && nextName
            ? t('schedule.next', { time: nextTime, name: nextName })
            : ''}
      </p>
      <form onSubmit={submit}>
        <fieldset disabled={!allowed || save.isPending}>
          <label className="check">
            <input
              type="checkbox"
              checked={schedule.enabled}
              onChange={(e) => edit({ ...schedule, enabled: e.target.checked })}
            />
            {t('schedule.enabled')}
          </label>
          {schedule.entries.length === 0 && <p className="muted">{t('schedule.empty')}</p>}
          {schedule.entries.map((entry, i) => (
            <EntryRow
              key={entry.id}
              entry={entry}
              n={i + 1}
              layouts={layouts}
              onChange={(next) =>
                edit({ ...schedule, entries: schedule.entries.map((x) => (x.id === entry.id ? next : x)) })
              }
              onRemove={() => edit({ ...schedule, entries: schedule.entries.filter((x) => x.id !== entry.id) })}
            />
          ))}
          <div className="editor-actions">
            <button type="button" onClick={add} disabled={layouts.length === 0}>
              {t('schedule.add')}
            </button>
            <button type="submit" className="primary" disabled={draft === null}>
              {t('schedule.save')}
            </button>
          </div>
        </fieldset>
        <div aria-live="polite">{save.isSuccess && <p className="ok">{t('schedule.saved')}</p>}</div>
        {save.isError && (
          <p className="form-error" role="alert">
            {t('schedule.saveFailed', { message: planErrorText(t, save.error, { entries: schedule.entries }) })}
          </p>
        )}
      </form>
    </section>
  );
}
