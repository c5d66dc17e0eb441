import { formatAge } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useNow } from '../../shared/use-now';
import { useSyncStatus } from './queries';

/** The age of the cache a panel shows, beside its heading: offline, the operator must see how old it is. */
export function DataAge() {
  const t = useT();
  const now = useNow(5000);
  const { data: status } = useSyncStatus();
  if (!status) return null;
  return (
    <span className={`data-age${status.online ? '' : ' stale'}`} data-testid="data-age">
      {formatAge(t, status.lastSyncAt, now)}
    </span>
  );
}
