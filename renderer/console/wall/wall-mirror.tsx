import { useState } from 'react';
import type { WallState, WallStatusList } from '../../../src/common/host-api';
import { formatAge, ROOM_TIME_ZONE } from '../../shared/format';
import { locale, useLang, useT, type Lang } from '../../shared/i18n';
import { useNow } from '../../shared/use-now';
import { SwitchTime } from './switch-time';
import { currentVersionOf, wallMirror } from './wall-mirror-model';

function clockTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: ROOM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** When this console first saw `version`: a screen is judged behind by the console's own clock, not the host's. */
function useFirstSeen(version: number): number {
  const [seen, setSeen] = useState(() => ({ version, at: Date.now() }));
  if (seen.version !== version) {
    const next = { version, at: Date.now() };
    setSeen(next);
    return next.at;
  }
  return seen.at;
}

/** The live 3 x 3 mirror: per screen the link, the version it painted and when, the age of its data. */
export function WallMirror({ state, status }: { state: WallState | undefined; status: WallStatusList | undefined }) {
  const t = useT();
  const lang = useLang();
  const now = useNow(500);
  const since = useFirstSeen(currentVersionOf(state, status));
  const mirror = wallMirror(state, status, now - since);
  const grid = state?.layout?.grid ?? { cols: 3, rows: 3 };
  return (
    <div className="wall-mirror-block">
      <p
        className={`wall-summary ${mirror.showing === mirror.total ? 'ok' : 'warn'}`}
        role="status"
        data-testid="wall-summary"
      >
        {t('wall.summary', { painted: mirror.showing, total: mirror.total })}
      </p>
      <SwitchTime last={status?.lastSwitch ?? null} />
      <ol
        className="wall-mirror"
        aria-label={t('wall.mirrorLabel')}
        style={{ gridTemplateColumns: `repeat(${grid.cols}, 1fr)` }}
      >
        {mirror.cells.map((c) => (
          <li
            key={c.wall}
            className={`wall-cell ${c.connected ? 'connected' : 'disconnected'} ${c.showing ? 'showing' : 'pending'}${c.stale ? ' stale' : ''}`}
            data-testid={`wall-cell-${c.wall}`}
            data-connected={String(c.connected)}
            data-stale={String(c.stale)}
            data-painted-version={c.paintedVersion === null ? '' : String(c.paintedVersion)}
          >
            <span className="wall-cell-number">{t('wall.screen', { n: c.wall })}</span>
            <span className="wall-cell-link">
              {c.connected ? t('wall.connected') : t('wall.disconnected')}
              {c.connected && c.stale && <strong className="wall-cell-stale"> · {t('wall.stale')}</strong>}
            </span>
            <span className="wall-cell-version">
              {c.paintedVersion === null
                ? t('wall.notPainted')
                : t('wall.painted', { painted: c.paintedVersion, current: mirror.currentVersion })}
            </span>
            {c.paintedAt && (
              <span className="wall-cell-when">{t('wall.paintedAt', { time: clockTime(lang, c.paintedAt) })}</span>
            )}
            <span className="wall-cell-data">{t('wall.dataAge', { age: formatAge(t, c.dataAt, now) })}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
