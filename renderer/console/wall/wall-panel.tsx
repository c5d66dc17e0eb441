import { useId } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { canSwitchWall } from '../session/roles';
import { LayoutThumbnail } from './layout-thumbnail';
import { WallMirror } from './wall-mirror';
import { wallMirror } from './wall-mirror-model';
import { useLayouts, useSwitchLayout, useWallState, useWallStatus } from './queries';

export function WallPanel({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const headingId = useId();
  const noteId = useId();
  const layouts = useLayouts();
  const state = useWallState();
  const status = useWallStatus();
  const switcher = useSwitchLayout();
  const allowed = canSwitchWall(operator.role);
  const current = state.data?.layout ?? null;
  const mirror = wallMirror(state.data, status.data);

  return (
    <section className="panel wall-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('wall.title')}</h2>
      <p className="wall-current" data-testid="wall-current">
        {current ? t('wall.current', { name: current.name }) : t('wall.noLayout')}
      </p>
      <WallMirror mirror={mirror} grid={current?.grid ?? { cols: 3, rows: 3 }} />
      <h3>{t('wall.layouts')}</h3>
      {!allowed && <p id={noteId} className="note">{t('wall.readOnly')}</p>}
      {switcher.isError && <p className="form-error" role="alert">{t('wall.switchFailed', { message: errorText(t, switcher.error) })}</p>}
      {layouts.data?.layouts.length === 0 && <p className="muted">{t('wall.noLayouts')}</p>}
      <ul className="layout-list">
        {layouts.data?.layouts.map((l) => {
          const onWall = l.id === current?.id;
          return (
            <li key={l.id} className={onWall ? 'on-wall' : undefined} data-testid="layout-item" data-layout-id={l.id}>
              <LayoutThumbnail layout={l} />
              <span className="layout-name">{l.name}</span>
              {onWall && <span className="badge ok">{t('wall.showing')}</span>}
              <button
                type="button" className="primary" disabled={!allowed || switcher.isPending}
                aria-current={onWall ? 'true' : undefined} aria-describedby={allowed ? undefined : noteId} onClick={() => switcher.mutate(l.id)}
              >
                {t('wall.show', { name: l.name })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
