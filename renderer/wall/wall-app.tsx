import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useHostEventBridge } from '../shared/host-query';
import { useHostDown } from '../shared/host-link-banner';
import { useT } from '../shared/i18n';
import { useBodyDataset, usePaintedAck, useWallFeed } from './use-wall-feed';
import { WallCell } from './wall-cell';
import { WallMessage } from './wall-message';
import { wallNumberOf } from './wall-number';

export function WallApp() {
  const t = useT();
  useHostEventBridge(useQueryClient());
  const wall = useMemo(() => wallNumberOf(location.pathname, location.search), []);
  const feed = useWallFeed(wall);
  useBodyDataset(wall, feed.state);
  usePaintedAck(wall, feed);
  const hostDown = useHostDown();

  if (wall === null) return <WallMessage title={t('wallpage.noWall')} />;
  const layout = feed.state?.layout ?? null;
  return (
    <div className="wall-root">
      {layout ? (
        <WallCell layout={layout} wall={wall} />
      ) : feed.state ? (
        <WallMessage title={t('wallpage.waiting')} hint={t('wallpage.waitingHint', { n: wall })} />
      ) : (
        <WallMessage title={t('wallpage.connecting')} />
      )}
      <div className="wall-corner" aria-label={t('wallpage.screen', { n: wall })} role="note">
        <span className="wall-corner-number">{wall}</span>
        {layout && <span className="wall-corner-layout">{layout.name}</span>}
      </div>
      {hostDown && <div className="wall-badge" role="status" data-testid="host-disconnected">{t('wallpage.disconnected')}</div>}
    </div>
  );
}
