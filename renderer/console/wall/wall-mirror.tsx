import type { Grid } from '../../../src/common/layout';
import { useT } from '../../shared/i18n';
import type { Mirror } from './wall-mirror-model';

export function WallMirror({ mirror, grid }: { mirror: Mirror; grid: Grid }) {
  const t = useT();
  return (
    <div className="wall-mirror-block">
      <p className={`wall-summary ${mirror.showing === mirror.total ? 'ok' : 'warn'}`} role="status" data-testid="wall-summary">
        {t('wall.summary', { painted: mirror.showing, total: mirror.total })}
      </p>
      <ol className="wall-mirror" aria-label={t('wall.mirrorLabel')} style={{ gridTemplateColumns: `repeat(${grid.cols}, 1fr)` }}>
        {mirror.cells.map((c) => (
          <li
            key={c.wall}
            className={`wall-cell ${c.connected ? 'connected' : 'disconnected'} ${c.showing ? 'showing' : 'stale'}`}
            data-testid={`wall-cell-${c.wall}`} data-connected={String(c.connected)}
            data-painted-version={c.paintedVersion === null ? '' : String(c.paintedVersion)}
          >
            <span className="wall-cell-number">{t('wall.screen', { n: c.wall })}</span>
            <span className="wall-cell-link">{c.connected ? t('wall.connected') : t('wall.disconnected')}</span>
            <span className="wall-cell-version">
              {c.paintedVersion === null
                ? t('wall.notPainted')
                : t('wall.painted', { painted: c.paintedVersion, current: mirror.currentVersion })}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
