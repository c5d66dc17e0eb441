// An SLA clock as colour plus words (never colour alone): ok, due soon, or overdue, with the time left or past.
import type { SlaClock } from '../../../src/common/sla';
import type { Translate } from '../../shared/i18n/translate';
import { useT } from '../../shared/i18n';

export function durationText(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return t('sla.minutes', { n: minutes });
  return t('sla.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export function SlaBadge({ clock }: { clock: SlaClock | null }) {
  const t = useT();
  if (!clock) return null;
  const stage = t(`sla.${clock.stage}`);
  const time = durationText(t, clock.remainingMs);
  return (
    <span
      className={`sla-badge sla-${clock.state}`}
      data-testid="sla-clock"
      data-state={clock.state}
      title={t('sla.label')}
    >
      {t(`sla.${clock.state}`, { stage, time })}
    </span>
  );
}
