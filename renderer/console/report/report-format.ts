// Times in the printed report carry their year (a briefing's paper outlives the week), in WIB.
import { ROOM_TIME_ZONE } from '../../shared/format';
import { locale, type Lang } from '../../shared/i18n';

export function formatReportTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}
