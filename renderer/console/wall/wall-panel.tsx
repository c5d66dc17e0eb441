import { useId } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n';
import { canSwitchWall } from '../session/roles';
import { LayoutThumbnail } from './layout-thumbnail';
import { hotkeyOf, orderLayouts } from './layout-order';
import { WallControls } from './wall-controls';
import { useWallHotkeys } from './wall-hotkeys';
import { WallMirror } from './wall-mirror';
import { useLayouts, useSwitchLayout, useUndoSwitch, useWallState, useWallStatus } from './queries';
import { LayoutManager } from './layout-manager';
import { ScheduleEditor } from './schedule-editor';
import { WallAdviceBanner } from './wall-advice-banner';
import { WallPairingPanel } from './wall-pairing-panel';

/**
 * `hotkeys`: whether 1–9 and U/Ctrl+Z act on the wall; the console shell passes true only while the Dinding view
 * is shown, so a digit pressed elsewhere never switches the room's wall.
 */
export function WallPanel({ operator, hotkeys = true }: { operator: OperatorInfo; hotkeys?: boolean }) {
  const t = useT();
  const headingId = useId();
  const noteId = useId();
  const layouts = useLayouts();
  const state = useWallState();
  const status = useWallStatus();
  const switcher = useSwitchLayout();
  const undo = useUndoSwitch();
  const allowed = canSwitchWall(operator.role);
  const current = state.data?.layout ?? null;
  const ordered = orderLayouts(layouts.data?.layouts ?? []);
  useWallHotkeys(allowed && hotkeys, {
    switchTo: (index) => {
      const layout = ordered[index];
      if (layout) switcher.mutate(layout.id);
      return layout !== undefined;
    },
    undo: () => {
      if (state.data?.undoLayoutId) undo.mutate();
    },
  });

  return (
    <section className="panel wall-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('wall.title')}</h2>
      <div className="wall-switch" data-guide="wall">
        <WallAdviceBanner operator={operator} />
        <h3>{t('wall.layouts')}</h3>
        {!allowed && (
          <p id={noteId} className="note">
            {t('wall.readOnly')}
          </p>
        )}
        {allowed && <p className="muted hotkey-hint">{t('wall.hotkeys')}</p>}
        {switcher.isError && (
          <p className="form-error" role="alert">
            {t('wall.switchFailed', { message: errorText(t, switcher.error) })}
          </p>
        )}
        {layouts.data?.layouts.length === 0 && <p className="muted">{t('wall.noLayouts')}</p>}
        <ul className="layout-list">
          {ordered.map((l, index) => {
            const onWall = l.id === current?.id;
            const key = hotkeyOf(index);
            return (
              <li key={l.id} className={onWall ? 'on-wall' : undefined} data-testid="layout-item" data-layout-id={l.id}>
                <LayoutThumbnail layout={l} />
                <span className="layout-name">{l.name}</span>
                {onWall && <span className="badge ok">{t('wall.showing')}</span>}
                {key && (
                  <kbd className="layout-key" title={t('wall.hotkey', { key })} aria-hidden="true">
                    {key}
                  </kbd>
                )}
                <button
                  type="button"
                  className="primary"
                  disabled={!allowed || switcher.isPending}
                  aria-keyshortcuts={key ?? undefined}
                  aria-current={onWall ? 'true' : undefined}
                  aria-describedby={allowed ? undefined : noteId}
                  onClick={() => switcher.mutate(l.id)}
                >
                  {t('wall.show', { name: l.name })}
                </button>
              </li>
            );
          })}
        </ul>
        <WallControls state={state.data} layouts={ordered} allowed={allowed} undo={undo} readOnlyNoteId={noteId} />
      </div>
      <div className="wall-now">
        <p className="wall-current" data-testid="wall-current">
          {current ? t('wall.current', { name: current.name }) : t('wall.noLayout')}
        </p>
        <WallMirror state={state.data} status={status.data} />
      </div>
      <div className="wall-manage">
        <LayoutManager operator={operator} />
        <ScheduleEditor operator={operator} />
        <WallPairingPanel operator={operator} />
      </div>
    </section>
  );
}
