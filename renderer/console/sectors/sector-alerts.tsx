// KPIs that crossed into warning or critical, kept until someone on duty says they saw them; and the header's
// alarm that tells every role how many wait, wherever the operator is.
import { useId } from 'react';
import { mayRequest } from '../../../src/common/access-policy';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { Sector } from '../../../src/common/entities';
import { errorText } from '../../shared/error-text';
import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useAckAlerts, useSectorAlerts } from './sector-queries';

export function SectorAlertsPanel({ operator, onShow }: { operator: OperatorInfo; onShow: (sector: Sector) => void }) {
  const t = useT();
  const lang = useLang();
  const headingId = useId();
  const { data } = useSectorAlerts();
  const ack = useAckAlerts();
  const alerts = data?.alerts ?? [];
  const canAck = mayRequest(operator.role, 'sectors.ackAlerts');
  return (
    <section className="panel sector-alerts" aria-labelledby={headingId} data-testid="sector-alerts">
      <h2 id={headingId}>
        {t('sectors.alerts')} {alerts.length > 0 && <span className="count-badge">{alerts.length}</span>}
      </h2>
      {alerts.length === 0 ? (
        <p className="muted">{t('sectors.alertsNone')}</p>
      ) : (
        <>
          <ul className="sector-alert-list">
            {alerts.map((a) => (
              <li
                key={a.id}
                className={`sector-alert level-${a.level}`}
                data-testid="sector-alert"
                data-series={a.seriesId}
              >
                <button type="button" className="sector-alert-show" onClick={() => onShow(a.sector)}>
                  <span className={`level-badge level-${a.level}`}>{t(`sectors.level.${a.level}`)}</span>{' '}
                  <span className="sector-alert-sector">{t(`sector.${a.sector}`)}</span>
                  <span className="sector-alert-line">
                    {t('sectors.alertLine', { name: a.name, value: formatNumber(lang, a.value), unit: a.unit })}
                  </span>
                  <span className="sector-alert-at muted">
                    {t('sectors.alertAt', { level: t(`sectors.level.${a.level}`), time: formatTime(lang, a.raisedAt) })}
                    {a.now !== a.level && ` · ${t('sectors.alertNow', { level: t(`sectors.level.${a.now}`) })}`}
                  </span>
                </button>
                {canAck && (
                  <button type="button" onClick={() => ack.mutate([a.id])} disabled={ack.isPending}>
                    {t('sectors.ack')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {canAck ? (
            alerts.length > 1 && (
              <button
                type="button"
                className="sector-ack-all"
                onClick={() => ack.mutate(alerts.slice(0, 200).map((a) => a.id))}
                disabled={ack.isPending}
              >
                {t('sectors.ackAll')}
              </button>
            )
          ) : (
            <p className="muted">{t('sectors.ackNotAllowed')}</p>
          )}
          {ack.error && (
            <p className="form-error" role="alert">
              {errorText(t, ack.error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/** In the header for every role: how many KPI alerts wait to be seen, and the worst of them. */
export function SectorAlarm() {
  const t = useT();
  const { data } = useSectorAlerts();
  const alerts = data?.alerts ?? [];
  if (alerts.length === 0) return null;
  const level = alerts.some((a) => a.level === 'critical') ? 'critical' : 'warning';
  return (
    <div
      className={`sector-alarm level-${level}`}
      role="status"
      data-testid="sector-alarm"
      data-alerts={String(alerts.length)}
      title={t('sectors.alarmDetail')}
    >
      <strong>{t('sectors.alarm', { n: alerts.length })}</strong>{' '}
      <span className={`level-badge level-${level}`}>{t(`sectors.level.${level}`)}</span>
    </div>
  );
}
