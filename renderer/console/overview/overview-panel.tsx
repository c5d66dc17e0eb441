import { useId } from 'react';
import type { Kpi } from '../../../src/common/host-api';
import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { useOverview } from './queries';
import { DataAge } from '../sync/data-age';

const STATES = ['up', 'degraded', 'down', 'unknown'] as const;

export function OverviewPanel() {
  const t = useT();
  const lang = useLang();
  const headingId = useId();
  const { data } = useOverview();
  return (
    <section className="panel overview" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('overview.title')} <DataAge />
      </h2>
      {!data ? (
        <p className="muted">{t('shell.noData')}</p>
      ) : (
        <>
          <p className="muted">{t('overview.sites', { n: data.sites })}</p>
          <dl className="site-states">
            {STATES.map((s) => (
              <div key={s} className={`site-state state-${s}`} data-testid={`site-state-${s}`}>
                <dt>{t(`overview.${s}`)}</dt>
                <dd>{formatNumber(lang, data.states[s])}</dd>
              </div>
            ))}
          </dl>
          {data.down.length > 0 && (
            <details className="down-list">
              <summary>
                {t('overview.downList')} ({data.down.length})
              </summary>
              <ul>
                {data.down.map((d) => (
                  <li key={d.id}>
                    {d.name} — {t('overview.downSince', { time: formatTime(lang, d.since) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <h3>{t('overview.kpis')}</h3>
          {data.kpis.length === 0 ? <p className="muted">{t('overview.noKpi')}</p> : <KpiList kpis={data.kpis} />}
        </>
      )}
    </section>
  );
}

function KpiList({ kpis }: { kpis: readonly Kpi[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="kpi-list">
      {kpis.map((k) => (
        <li key={k.seriesId} className="kpi" data-testid="kpi" data-series={k.seriesId}>
          <span className="kpi-sector">{t(`sector.${k.sector}`)}</span>
          <span className="kpi-name">{k.name}</span>
          <span className="kpi-value">
            {formatNumber(lang, k.value)} <small>{k.unit}</small>
          </span>
        </li>
      ))}
    </ul>
  );
}
