// The situation report as a document: what is on screen in the preview is what Chromium prints (report.css).
import { useId } from 'react';
import type { ReportDecision, SituationReport } from '../../../src/common/report-api';
import { formatNumber, shortHash } from '../../shared/format';
import { useLang, useT, type Lang, type Translate } from '../../shared/i18n';
import { kecamatanName } from '../../shared/map/region-data';
import { decisionWallText } from '../decisions/decision-text';
import { formatReportTime, periodText } from './report-format';

/** Column class suffixes (sr-c-*) that size the printed tables; not shown text. */
const INCIDENT_COLUMNS = ['sev', 'title', 'sector', 'district', 'status', 'opd', 'at'] as const;
const KPI_COLUMNS = ['sector', 'name', 'value', 'level', 'at'] as const;

export function SituationReportDocument({ report }: { report: SituationReport }) {
  const t = useT();
  const lang = useLang();
  const ids = { incidents: useId(), decisions: useId(), kpis: useId() };
  const time = (iso: string) => formatReportTime(lang, iso);
  const { incidents, decisions, kpis } = report;
  return (
    <article className="situation-report" lang={lang} data-testid="situation-report">
      <header className="sr-head">
        <p className="sr-org">{t('report.org')}</p>
        <h1>{t('report.title')}</h1>
        <p className="sr-period">{periodText(t, lang, report)}</p>
        <p className="sr-meta">
          {t('report.generated', { time: time(report.generatedAt), console: report.consoleId })} ·{' '}
          {report.dataAsOf ? t('report.dataAsOf', { time: time(report.dataAsOf) }) : t('report.dataNever')}
        </p>
      </header>

      <section aria-labelledby={ids.incidents} className="sr-section">
        <h2 id={ids.incidents}>{t('report.incidents')}</h2>
        <p className="sr-total" data-testid="report-incident-total">
          {t('report.incidentsTotal', { count: incidents.total })}
        </p>
        {incidents.total === 0 ? (
          <p>{t('report.noIncidents')}</p>
        ) : (
          <>
            <div className="sr-columns">
              <table className="sr-table sr-by-status">
                <caption>{t('report.byStatus')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('incident.status')}</th>
                    <th scope="col" className="num">
                      {t('report.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {incidents.byStatus.map((s) => (
                    <tr key={s.status} data-status={s.status}>
                      <th scope="row">{t(`status.${s.status}`)}</th>
                      <td className="num">{s.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="sr-table sr-by-sector">
                <caption>{t('report.bySector')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('incident.sector')}</th>
                    <th scope="col" className="num">
                      {t('report.count')}
                    </th>
                    <th scope="col" className="num">
                      {t('report.open')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {incidents.bySector.map((s) => (
                    <tr key={s.sector} data-sector={s.sector}>
                      <th scope="row">{t(`sector.${s.sector}`)}</th>
                      <td className="num">{s.total}</td>
                      <td className="num">{s.open}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <table className="sr-table sr-incidents">
              <caption>{t('report.incidentList')}</caption>
              <colgroup>
                {INCIDENT_COLUMNS.map((c) => (
                  <col key={c} className={`sr-c-${c}`} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t('incident.severity')}</th>
                  <th scope="col">{t('report.title.incident')}</th>
                  <th scope="col">{t('incident.sector')}</th>
                  <th scope="col">{t('incident.kecamatan')}</th>
                  <th scope="col">{t('incident.status')}</th>
                  <th scope="col">{t('report.opd')}</th>
                  <th scope="col">{t('report.reportedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {incidents.list.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <span className={`sr-severity sr-severity-${i.severity}`}>
                        {t(`severity.${i.severity as 1 | 2 | 3 | 4}`)}
                      </span>
                    </td>
                    <td>{i.title}</td>
                    <td>{t(`sector.${i.sector}`)}</td>
                    <td>{kecamatanName(i.districtCode)}</td>
                    <td>{t(`status.${i.status}`)}</td>
                    <td>{i.opd ?? '—'}</td>
                    <td className="sr-time">{time(i.reportedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {incidents.omitted > 0 && <p className="sr-note">{t('report.omitted', { count: incidents.omitted })}</p>}
          </>
        )}
      </section>

      <section aria-labelledby={ids.decisions} className="sr-section">
        <h2 id={ids.decisions}>{t('report.decisions')}</h2>
        <p className="sr-total" data-testid="report-decision-total">
          {t('report.decisionsTotal', { count: decisions.entries.length + decisions.omitted })}
        </p>
        <p className={`sr-chain${decisions.chain.broken ? ' broken' : ''}`} data-testid="report-chain">
          {chainText(t, report)}
        </p>
        {decisions.entries.length === 0 ? (
          <p>{t('report.noDecisions')}</p>
        ) : (
          <ol className="sr-decisions">
            {decisions.entries.map((d) => (
              <ReportDecisionItem key={d.id} d={d} t={t} lang={lang} />
            ))}
          </ol>
        )}
        {decisions.omitted > 0 && <p className="sr-note">{t('report.omitted', { count: decisions.omitted })}</p>}
      </section>

      <section aria-labelledby={ids.kpis} className="sr-section">
        <h2 id={ids.kpis}>{t('report.kpis')}</h2>
        <p className="sr-note">{t('report.kpisAsOf', { time: time(report.generatedAt) })}</p>
        {kpis.length === 0 ? (
          <p>{t('report.noKpis')}</p>
        ) : (
          <table className="sr-table sr-kpis">
            <colgroup>
              {KPI_COLUMNS.map((c) => (
                <col key={c} className={`sr-c-${c}`} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('incident.sector')}</th>
                <th scope="col">{t('report.indicator')}</th>
                <th scope="col" className="num">
                  {t('report.value')}
                </th>
                <th scope="col">{t('report.level')}</th>
                <th scope="col">{t('report.readAt')}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.map((k) => (
                <tr key={k.seriesId}>
                  <td>{t(`sector.${k.sector}`)}</td>
                  <td>{k.name}</td>
                  <td className="num">
                    {formatNumber(lang, k.value)} {k.unit}
                  </td>
                  <td>
                    {k.level ? (
                      <span className={`sr-level sr-level-${k.level}`}>{t(`report.level.${k.level}`)}</span>
                    ) : (
                      <span className="sr-level-none">{t('report.level.none')}</span>
                    )}
                  </td>
                  <td className="sr-time">{time(k.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

function chainText(t: Translate, report: SituationReport): string {
  const { chain, verifiedSeq } = report.decisions;
  if (chain.broken) return t('report.chainBroken', { seq: chain.broken.seq });
  return verifiedSeq > 0 ? t('report.chainVerified', { seq: verifiedSeq }) : t('report.chainNone');
}

function ReportDecisionItem({ d, t, lang }: { d: ReportDecision; t: Translate; lang: Lang }) {
  const corrected = d.correctedBy.length > 0;
  const wall = decisionWallText(t, d);
  return (
    <li className={`sr-decision${corrected ? ' superseded' : ''}`} data-verification={d.verification}>
      <div className="sr-decision-head">
        <span className="sr-seq">{d.seq !== null ? `#${d.seq}` : '—'}</span>
        <span className="nowrap">{formatReportTime(lang, d.decidedAt)}</span>
        <span className={`sr-verification sr-verification-${d.verification}`}>
          {t(`report.verification.${d.verification}`)}
        </span>
        {d.hash && <span className="sr-hash">{shortHash(d.hash)}</span>}
      </div>
      <p className="sr-summary">{corrected ? <s>{d.summary}</s> : d.summary}</p>
      <p>
        <span className="sr-label">{t('decision.action')}:</span> {d.action}
      </p>
      {d.rationale && (
        <p>
          {d.supersedes ? (
            t('decision.correctionReason', { reason: d.rationale })
          ) : (
            <>
              <span className="sr-label">{t('decision.rationale')}:</span> {d.rationale}
            </>
          )}
        </p>
      )}
      <p className="sr-decision-meta">
        {t('report.decisionBy', { operator: d.operatorId, console: d.consoleId })}
        {d.incidentTitle && <> · {t('decision.forIncident', { title: d.incidentTitle })}</>}
        {wall && <> · {wall}</>}
      </p>
      {d.supersedes && (
        <p className="sr-link">{t('supersede.of', { summary: d.supersedes.summary ?? d.supersedes.id })}</p>
      )}
      {d.correctedBy.map((c) => (
        <p key={c.id} className="sr-link">
          {t('supersede.by', { summary: c.summary })}
        </p>
      ))}
    </li>
  );
}
