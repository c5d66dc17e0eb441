// Where the decision chain held here breaks, if it does: the console's own recomputation over its copy. While it
// holds, the log's "terverifikasi sampai #N" (decision-trust: chain and signatures, as verified when pulled) says it.
import { useEffect } from 'react';
import { useT } from '../../shared/i18n';
import { useHostQuery } from '../../shared/host-query';

/** `revision` changes whenever the log does, so the check is run again. */
export function ChainStatus({ revision }: { revision: string }) {
  const t = useT();
  const check = useHostQuery('decisions.verify', {});
  const { refetch } = check;
  useEffect(() => {
    void refetch();
  }, [revision, refetch]);
  const c = check.data;
  if (!c) return null;
  if (c.broken) {
    const reason = t(`chain.reason.${c.broken.reason}`);
    return (
      <p className="chain-status chain-broken" role="alert" data-testid="chain-status" data-state="broken">
        {c.verifiedTo === null
          ? t('chain.brokenFirst', { seq: c.broken.seq, reason })
          : t('chain.broken', { seq: c.broken.seq, reason, last: c.verifiedTo })}
      </p>
    );
  }
  return null;
}
