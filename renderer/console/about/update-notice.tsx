// In the header while an update waits: "versi X sudah diunduh, dipasang pada …", what holds it back, and for a
// supervisor the yes that installs it as soon as the room allows.
import type { OperatorInfo } from '../../../src/common/central-api';
import { errorText } from '../../shared/error-text';
import { useLang, useT } from '../../shared/i18n';
import { useNow } from '../../shared/use-now';
import { useApproveUpdate, useUpdateStatus } from './queries';
import { blockersSentence, updateSentence } from './update-text';

export function UpdateNotice({ operator }: { operator: OperatorInfo }) {
  const t = useT();
  const lang = useLang();
  const now = useNow(30_000);
  const { data: status } = useUpdateStatus();
  const approve = useApproveUpdate();
  if (!status || (status.state !== 'downloaded' && status.state !== 'installing')) return null;
  const waiting = blockersSentence(t, status);
  const canApprove =
    operator.role === 'supervisor' && status.state === 'downloaded' && status.version !== null && !status.approval;
  return (
    <div className="update-notice" role="status" data-testid="update-notice" data-state={status.state}>
      <span>{updateSentence(t, lang, status, now)}</span>
      {status.approval && <span className="muted"> {t('update.approvedBy', { by: status.approval.by })}</span>}
      {waiting && <span className="muted"> {waiting}</span>}
      {canApprove && (
        <button
          type="button"
          title={t('update.approveHint')}
          disabled={approve.isPending}
          onClick={() => approve.mutate(status.version ?? '')}
        >
          {t('update.approve')}
        </button>
      )}
      {approve.isError && (
        <span role="alert"> {t('update.approveFailed', { message: errorText(t, approve.error) })}</span>
      )}
    </div>
  );
}
