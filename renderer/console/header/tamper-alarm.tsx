import { useT } from '../../shared/i18n';
import { useDecisionTrust } from '../decisions/trust-queries';

/** In the header for every role: the feed offered a decision that does not verify or differs from a verified one. */
export function TamperAlarm() {
  const t = useT();
  const { data: trust } = useDecisionTrust();
  if (!trust || trust.alarms === 0) return null;
  const last = trust.recent[0];
  return (
    <div
      className="tamper-alarm"
      role="alert"
      data-testid="tamper-alarm"
      data-alarms={String(trust.alarms)}
      title={last?.reason}
    >
      <strong>{t('trust.alarm')}</strong>{' '}
      <span>{t('trust.alarmDetail', { n: trust.alarms, seq: last?.seq ?? '?' })}</span>
    </div>
  );
}
