// The Konektivitas view: the connectivity monitor as a panel of its own; "show on map" opens Peta & Insiden there.
import { useId } from 'react';
import type { ConnectivitySite } from '../../../src/common/connectivity';
import { useT } from '../../shared/i18n';
import { ConnectivityView } from '../connectivity/connectivity-view';
import { DataAge } from '../sync/data-age';
import '../connectivity/connectivity.css';

export function ConnectivityPanel({ onShowSite }: { onShowSite: (site: ConnectivitySite) => void }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="panel connectivity-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('connectivity.title')} <DataAge />
      </h2>
      <ConnectivityView onShowSite={onShowSite} />
    </section>
  );
}
