// Display formatting shared by the console and the wall. Times are shown in WIB, the room's zone.
import { locale, type Lang, type Translate } from './i18n/translate';

export const ROOM_TIME_ZONE = 'Asia/Jakarta';

/** "diperbarui 5 dtk lalu": the age of the cache, in the largest unit that reads naturally. */
export function formatAge(t: Translate, since: string | null, now: number): string {
  if (since === null) return t('age.never');
  const ms = Date.parse(since);
  if (Number.isNaN(ms)) return t('age.never');
  const s = Math.max(0, Math.floor((now - ms) / 1000));
  if (s < 60) return t('age.seconds', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('age.minutes', { n: m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('age.hours', { n: h });
  return t('age.days', { n: Math.floor(h / 24) });
}

/** Enough of a chain hash to compare by eye. */
export function shortHash(hash: string | null): string {
  return hash ? hash.slice(0, 8) : '';
}

export function formatTime(lang: Lang, iso: string, withDate = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    ...(withDate ? { day: '2-digit', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1 }).format(value);
}
