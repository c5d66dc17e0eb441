// The monitor opens over the dashboard (native <dialog>: focus kept inside, Esc closes); "show on map" closes
// it and flies the console map to the site.
import { useEffect, useId, useRef } from 'react';
import type { ConnectivitySite } from '../../../src/common/connectivity';
import { useT } from '../../shared/i18n';
import { ConnectivityView } from './connectivity-view';
import './connectivity.css';

interface Props {
  open: boolean;
  onClose: () => void;
  onShowSite: (site: ConnectivitySite) => void;
}

export function ConnectivityDialog({ open, onClose, onShowSite }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="connectivity-dialog" aria-labelledby={headingId} onClose={onClose}>
      <div className="row dialog-head">
        <h2 id={headingId}>{t('connectivity.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('connectivity.close')}
        </button>
      </div>
      {open && (
        <ConnectivityView
          onShowSite={(s) => {
            onClose();
            onShowSite(s);
          }}
        />
      )}
    </dialog>
  );
}
