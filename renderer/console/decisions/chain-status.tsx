// "terverifikasi sampai #N": the console's own check of the decision chain, or exactly where it breaks.
import { useEffect } from 'react';
import { useT } from '../../shared/i18n';
import { useHostQuery } from '../../shared/host-query';

/** `revision` changes whenever the log does, so the check is run again. */
export function ChainStatus({ revision }: { revision: string }) {
  const t = useT();
  const check = useHostQuery('decisions.verify', {});
  const { refetch } = check;
  useEffect(() => { void refetch(); }, [revision, refetch]);
  const c = check.data;
  if (!c) return null;
  if (c.broken) {
    const reason = t(`chain.reason.${c.broken.reason}`);
    return (
      <p className="chain-status chain-broken" role="alert" data-testid="chain-status" data-state="broken">
        {c.verifiedTo === null ? t('chain.brokenFirst', { seq: c.broken.seq, reason }) : t('chain.broken', { seq: c.broken.seq, reason, last: c.verifiedTo })}
      </p>
    );
  }
  if (c.verifiedTo === null) return <p className="chain-status muted" data-testid="chain-status" data-state="none">{t('chain.none')}</p>;
  return (
    <p className="chain-status chain-ok" data-testid="chain-status" data-state="verified" title={t('chain.verifiedTitle', { count: c.count })}>
      {t('chain.verified', { seq: c.verifiedTo })}
    </p>
  );
}
