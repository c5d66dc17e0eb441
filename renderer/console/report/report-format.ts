// Times in the printed report carry their year (a briefing's paper outlives the week), in WIB.
import { ROOM_TIME_ZONE } from '../../shared/format';
import { locale, type Lang, type Translate } from '../../shared/i18n';

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

const DAY_MS = 86_400_000;
const WIB_MS = 7 * 3_600_000;
const isWibMidnight = (iso: string) => (Date.parse(iso) + WIB_MS) % DAY_MS === 0;

function formatDay(lang: Lang, ms: number): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(ms));
}

/** "10 November 2026 – 11 November 2026" when the period is whole days of the room, else the instants. */
export function periodText(t: Translate, lang: Lang, p: { from: string | null; to: string }): string {
  const wholeDays = (p.from === null || isWibMidnight(p.from)) && isWibMidnight(p.to);
  if (wholeDays) {
    const from = p.from === null ? t('report.periodStart') : formatDay(lang, Date.parse(p.from));
    return t('report.periodDays', { from, to: formatDay(lang, Date.parse(p.to) - 1) });
  }
  return t('report.period', {
    from: p.from === null ? t('report.periodStart') : formatReportTime(lang, p.from),
    to: formatReportTime(lang, p.to),
  });
}
