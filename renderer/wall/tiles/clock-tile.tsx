import { ROOM_TIME_ZONE } from '../../shared/format';
import { locale, useLang, useT } from '../../shared/i18n';
import { useNow } from '../../shared/use-now';

export function ClockTile({ ticker }: { ticker?: string }) {
  const t = useT();
  const lang = useLang();
  const now = new Date(useNow(1000));
  const time = new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(now);
  const date = new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(now);
  return (
    <div className="clock-tile">
      <div className="clock-time" role="timer">
        {time} <small>{t('clock.zone')}</small>
      </div>
      <div className="clock-date">{date}</div>
      {ticker && (
        <div className="ticker" role="marquee" aria-label={ticker}>
          <span className="ticker-text" aria-hidden="true">
            {ticker}
          </span>
        </div>
      )}
    </div>
  );
}
