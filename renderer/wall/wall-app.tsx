import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useHostEventBridge } from '../shared/host-query';
import { useHostDown } from '../shared/host-link-banner';
import { useT } from '../shared/i18n';
import { keepFromSearch } from './kept-views';
import { useBodyDataset, usePaintedAck, useWallFeed } from './use-wall-feed';
import { useScreenSize } from './use-screen-size';
import { ALL_WALLS, AllCells } from './wall-all-cells';
import { WallMessage } from './wall-message';
import { wallPageOf } from './wall-number';
import { WallScreen } from './wall-screen';

const NO_WALLS: readonly number[] = [];

export function WallApp() {
  const t = useT();
  useHostEventBridge(useQueryClient());
  const page = useMemo(() => wallPageOf(location.pathname, location.search), []);
  const keep = useMemo(() => keepFromSearch(location.search), []);
  const feed = useWallFeed(page);
  useBodyDataset(page === null ? null : page.kind === 'all' ? 'all' : page.wall, feed.state);
  usePaintedAck(page === null ? NO_WALLS : page.kind === 'all' ? ALL_WALLS : [page.wall], feed);
  const hostDown = useHostDown();
  const win = useScreenSize();

  if (page === null) return <WallMessage title={t('wallpage.noWall')} />;
  return (
    <div className="wall-root">
      {page.kind === 'all' ? (
        <AllCells state={feed.state} keep={keep} />
      ) : (
        <WallScreen
          wall={page.wall}
          state={feed.state}
          keep={keep}
          box={{ left: 0, top: 0, width: win.width, height: win.height }}
        />
      )}
      {hostDown && (
        <div className="wall-badge" role="status" data-testid="host-disconnected">
          {t('wallpage.disconnected')}
        </div>
      )}
    </div>
  );
}
