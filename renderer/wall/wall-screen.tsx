import type { WallState } from '../../src/common/host-api';
import { useT } from '../shared/i18n';
import { WallScreenContext } from './map-probe';
import { WallCell } from './wall-cell';
import { WallMessage } from './wall-message';

export interface ScreenBox { left: number; top: number; width: number; height: number }

/**
 * One screen of the wall: its part of the layout, its number in the corner, and its number large while the
 * presenter identifies the screens. A page draws one of these, or all nine side by side (`?cells=all`).
 */
export function WallScreen({ wall, state, box }: { wall: number; state: WallState | null; box: ScreenBox }) {
  const t = useT();
  const layout = state?.layout ?? null;
  const size = { width: box.width, height: box.height };
  return (
    <div
      className="wall-screen" data-wall={wall}
      // Type is sized to this screen, not the window, so nine screens in one window read as nine screens.
      style={{ left: box.left, top: box.top, width: box.width, height: box.height, fontSize: box.height * 0.024 }}
    >
      <WallScreenContext.Provider value={wall}>
        {layout ? (
          <WallCell layout={layout} wall={wall} screen={size} bezelPx={state?.bezelPx ?? 0} />
        ) : state ? (
          <WallMessage title={t('wallpage.waiting')} hint={t('wallpage.waitingHint', { n: wall })} />
        ) : (
          <WallMessage title={t('wallpage.connecting')} />
        )}
      </WallScreenContext.Provider>
      <div className="wall-corner" aria-label={t('wallpage.screen', { n: wall })} role="note">
        <span className="wall-corner-number">{wall}</span>
        {layout && <span className="wall-corner-layout">{layout.name}</span>}
      </div>
      {state?.identify && (
        <div className="wall-identify" data-testid="wall-identify" role="note" aria-label={t('wallpage.screen', { n: wall })}>
          {wall}
        </div>
      )}
    </div>
  );
}
