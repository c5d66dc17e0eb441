import { useEffect, useState } from 'react';
import { useHostConnected } from './host-context';
import { useT } from './i18n';

/** True once the link has been down for `graceMs`, so the first connect of a page load does not flash a warning. */
export function useHostDown(graceMs = 1500): boolean {
  const connected = useHostConnected();
  const [down, setDown] = useState(false);
  useEffect(() => {
    if (connected) {
      setDown(false);
      return;
    }
    const timer = setTimeout(() => setDown(true), graceMs);
    return () => clearTimeout(timer);
  }, [connected, graceMs]);
  return down;
}

/** Shown while the link to the host is down; what is on screen is then the last thing it said. */
export function HostLinkBanner() {
  const t = useT();
  if (!useHostDown()) return null;
  return (
    <div className="banner host-banner" role="alert" data-testid="host-disconnected">
      {t('app.hostDown')}
    </div>
  );
}
