// External media named by a layout. The page CSP limits where they may come from; web pages get scripts only,
// no same-origin, forms, popups or top navigation.
import { useState } from 'react';
import { checkWebUrl } from '../../../src/common/web-allow-list';
import { useT } from '../../shared/i18n';

function MediaFailed() {
  const t = useT();
  return (
    <div className="wall-message">
      <p>{t('tile.media')}</p>
    </div>
  );
}

export function VideoTile({ url, label }: { url: string; label?: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <MediaFailed />;
  return (
    <figure className="media-tile">
      <video src={url} autoPlay muted loop playsInline aria-label={label ?? url} onError={() => setFailed(true)} />
      {label && <figcaption>{label}</figcaption>}
    </figure>
  );
}

export function WebTile({ url }: { url: string }) {
  // The editor refuses other origins, but a layout may come from elsewhere through the central API.
  if (!checkWebUrl(url).ok) return <MediaFailed />;
  return <iframe className="web-tile" src={url} title={url} sandbox="allow-scripts" referrerPolicy="no-referrer" />;
}

export function ImageTile({ url, caption }: { url: string; caption?: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <MediaFailed />;
  return (
    <figure className="media-tile">
      <img src={url} alt={caption ?? ''} referrerPolicy="no-referrer" onError={() => setFailed(true)} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
