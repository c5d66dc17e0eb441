import type { TileSource } from '../../src/common/layout';
import { ClockTile } from './tiles/clock-tile';
import { ConnectivityTile } from './tiles/connectivity-tile';
import { DecisionsTile } from './tiles/decisions-tile';
import { IncidentsTile } from './tiles/incidents-tile';
import { MapTile } from './tiles/map-tile';
import { ImageTile, VideoTile, WebTile } from './tiles/media-tiles';
import { SectorTile } from './tiles/sector-tile';

export interface TileViewProps {
  source: TileSource;
  /** The tile's whole canvas, all the screens it spans. */
  width: number;
  height: number;
  screenHeight: number;
}

export function TileView({ source, width, height, screenHeight }: TileViewProps) {
  switch (source.kind) {
    case 'map':
      return <MapTile source={source} width={width} height={height} screenHeight={screenHeight} />;
    case 'incidents':
      return <IncidentsTile minSeverity={source.minSeverity} />;
    case 'sector':
      return <SectorTile sector={source.sector} />;
    case 'connectivity':
      return <ConnectivityTile />;
    case 'decisions':
      return <DecisionsTile />;
    case 'video':
      return <VideoTile url={source.url} label={source.label} />;
    case 'web':
      return <WebTile url={source.url} />;
    case 'image':
      return <ImageTile url={source.url} caption={source.caption} />;
    case 'clock':
      return <ClockTile ticker={source.ticker} />;
  }
}
