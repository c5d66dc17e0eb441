import { formatAge } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useNow } from '../../shared/use-now';
import { useSyncStatus } from './queries';

/** Online/offline, outbox size and age of the cache, always in view in the header. */
export function SyncIndicator() {
  const t = useT();
  const now = useNow(1000);
  const { data: status } = useSyncStatus();
  if (!status) {
    return (
      <div className="sync-indicator" data-testid="sync-indicator" role="status">
        {t('sync.unknown')}
      </div>
    );
  }
  return (
    <div
      className={`sync-indicator ${status.online ? 'online' : 'offline'}`}
      data-testid="sync-indicator"
      data-online={String(status.online)}
      data-pending={String(status.pending)}
      role="status"
      aria-label={t('sync.label')}
      title={status.notice ?? status.lastError ?? status.hubUrl}
    >
      <span className="sync-dot" aria-hidden="true" />
      <strong>{status.online ? t('sync.online') : t('sync.offline')}</strong>
      <span>{formatAge(t, status.lastSyncAt, now)}</span>
      {status.pending > 0 ? (
        <span className="badge warn">{t('sync.pending', { n: status.pending })}</span>
      ) : (
        <span className="muted">{t('shell.noPending')}</span>
      )}
      {status.rejected > 0 && <span className="badge bad">{t('sync.rejected', { n: status.rejected })}</span>}
    </div>
  );
}

/** The offline banner, and what the store guard has to tell (a damaged file restored, a failed check or backup). */
export function OfflineBanner() {
  const t = useT();
  const { data: status } = useSyncStatus();
  if (!status) return null;
  return (
    <>
      {!status.online && (
        <div className="banner offline-banner" role="alert">
          {t('sync.offlineBanner')}
        </div>
      )}
      {status.notice && (
        <div className="banner offline-banner store-notice" role="alert" data-testid="store-notice">
          <strong>{t('sync.storeNotice')}</strong> {status.notice}
        </div>
      )}
    </>
  );
}
