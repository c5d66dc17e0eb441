import { useMemo, useState, type CSSProperties } from 'react';
import type { WallState } from '../../src/common/host-api';
import { useT } from '../shared/i18n';
import { NO_VIEWS, showLayout, viewKey } from './kept-views';
import { WallScreenContext } from './map-probe';
import { WallCell } from './wall-cell';
import { WallMessage } from './wall-message';

export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * One screen of the wall: its part of the layout, its number in the corner, and its number large while the
 * presenter identifies the screens. A page draws one of these, or all nine side by side (`?cells=all`). The last
 * `keep` layouts stay drawn, hidden, so switching back to one is a change of visibility, not a rebuild.
 */
export function WallScreen({
  wall,
  state,
  box,
  keep,
}: {
  wall: number;
  state: WallState | null;
  box: ScreenBox;
  keep: number;
}) {
  const t = useT();
  const layout = state?.layout ?? null;
  const size = useMemo(() => ({ width: box.width, height: box.height }), [box.width, box.height]);
  const shown = useMemo(() => ({ wall, active: true }), [wall]);
  const hidden = useMemo(() => ({ wall, active: false }), [wall]);
  const [kept, setKept] = useState(NO_VIEWS);
  const key = layout ? viewKey(layout) : null;
  let views = kept;
  // Adjusted during render (React re-renders at once, before anything is committed) rather than in an effect,
  // so the new layout is on screen in the same commit as the state that named it.
  if (layout && key !== kept.active) {
    views = showLayout(kept, layout, keep);
    setKept(views);
  }
  const bezelPx = state?.bezelPx ?? 0;
  return (
    <div
      className="wall-screen"
      data-wall={wall}
      // Type is sized to this screen, not the window, so nine screens in one window read as nine screens; --sh is
      // 1 % of its height for the places inside a nested size container, where cqh means that container.
      style={
        {
          left: box.left,
          top: box.top,
          width: box.width,
          height: box.height,
          fontSize: box.height * 0.03,
          '--sh': `${box.height / 100}px`,
        } as CSSProperties
      }
    >
      {layout ? (
        views.views.map((v) => {
          const active = v.key === views.active;
          return (
            <div
              key={v.key}
              className={active ? 'wall-view' : 'wall-view kept'}
              data-active={String(active)}
              aria-hidden={active ? undefined : true}
            >
              <WallScreenContext.Provider value={active ? shown : hidden}>
                <WallCell layout={v.layout} wall={wall} screen={size} bezelPx={bezelPx} active={active} />
              </WallScreenContext.Provider>
            </div>
          );
        })
      ) : state ? (
        <WallMessage title={t('wallpage.waiting')} hint={t('wallpage.waitingHint', { n: wall })} />
      ) : (
        <WallMessage title={t('wallpage.connecting')} />
      )}
      <div className="wall-corner" aria-label={t('wallpage.screen', { n: wall })} role="note">
        <span className="wall-corner-number">{wall}</span>
        {layout && <span className="wall-corner-layout">{layout.name}</span>}
      </div>
      {state?.identify && (
        <div
          className="wall-identify"
          data-testid="wall-identify"
          role="note"
          aria-label={t('wallpage.screen', { n: wall })}
        >
          {wall}
        </div>
      )}
    </div>
  );
}
