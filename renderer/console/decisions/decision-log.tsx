import { useEffect, useId, useMemo, useState } from 'react';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { DecisionView, IncidentView } from '../../../src/common/host-api';
import { formatTime, shortHash } from '../../shared/format';
import { useLang, useT, type Translate } from '../../shared/i18n';
import { useDecisions } from './queries';
import { DataAge } from '../sync/data-age';
import { useDecisionTrust } from './trust-queries';
import { ChainStatus } from './chain-status';
import { DecisionExport, type ReportRange } from './decision-export';
import { decisionWallText } from './decision-text';
import { CorrectionDialog } from './correction-dialog';
import { canRecordDecisions } from '../session/roles';
import { SituationReportLayer } from '../report/situation-report-layer';

export function decisionStateText(t: Translate, d: DecisionView): string {
  if (d.state === 'synced') return t('decision.stateSynced', { seq: d.seq ?? '?', hash: shortHash(d.hash) });
  if (d.state === 'rejected') return t('decision.stateRejected', { error: d.error ?? '?' });
  return t('decision.statePending');
}

interface Props {
  incidents: readonly IncidentView[];
  operator: OperatorInfo;
}

export function DecisionLog({ incidents, operator }: Props) {
  const headingId = useId();
  const t = useT();
  const lang = useLang();
  const { data } = useDecisions();
  const { data: trust } = useDecisionTrust();
  const titles = useMemo(() => new Map(incidents.map((i) => [i.id, i.title])), [incidents]);
  const decisions = data?.decisions ?? [];
  // A correction supersedes: the corrected entry is struck through with a link to what corrects it.
  const byId = useMemo(() => new Map(decisions.map((d) => [d.id, d])), [decisions]);
  // Two consoles may have corrected one entry while apart: every correction is linked.
  const correctedBy = useMemo(() => {
    const m = new Map<string, DecisionView[]>();
    for (const d of decisions) {
      if (!d.supersedes || d.state === 'rejected') continue;
      m.set(d.supersedes, [...(m.get(d.supersedes) ?? []), d]);
    }
    return m;
  }, [decisions]);
  const mayCorrect = canRecordDecisions(operator.role);
  const [correcting, setCorrecting] = useState<DecisionView | null>(null);
  const [report, setReport] = useState<ReportRange | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(`decision-${focusId}`);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  }, [focusId, decisions]);
  const revision = `${decisions.length}:${decisions.map((d) => d.seq ?? 0).join(',')}`;
  return (
    <section className="panel decision-log" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('decision.logTitle')} <DataAge />
      </h2>
      {trust && (
        <p className="muted decision-verified" data-testid="decision-verified" data-seq={String(trust.verifiedSeq)}>
          {trust.verifiedSeq > 0 ? t('trust.verifiedTo', { seq: trust.verifiedSeq }) : t('trust.verifiedNone')}
        </p>
      )}
      <ChainStatus revision={revision} />
      <DecisionExport onReport={setReport} />
      {decisions.length === 0 ? (
        <p className="muted">{t('decision.logEmpty')}</p>
      ) : (
        <ol>
          {decisions.map((d) => {
            const corrections = correctedBy.get(d.id) ?? [];
            const correction = corrections.length > 0;
            const corrected = d.supersedes ? byId.get(d.supersedes) : undefined;
            const wall = decisionWallText(t, d);
            return (
              <li
                key={d.id}
                id={`decision-${d.id}`}
                tabIndex={-1}
                className={`decision-item state-${d.state}${correction ? ' superseded' : ''}`}
                data-testid="decision-item"
                data-state={d.state}
                data-id={d.id}
                data-superseded={correction ? 'true' : undefined}
              >
                <div className="decision-head">
                  {correction ? (
                    <s>
                      <strong>{d.summary}</strong>
                    </s>
                  ) : (
                    <strong>{d.summary}</strong>
                  )}
                  <span className={`state-badge state-${d.state}`} title={d.hash ?? undefined}>
                    {decisionStateText(t, d)}
                  </span>
                </div>
                <div>{d.action}</div>
                {d.rationale && (
                  <div className="muted">
                    {d.supersedes ? t('decision.correctionReason', { reason: d.rationale }) : d.rationale}
                  </div>
                )}
                <div className="decision-meta">
                  {formatTime(lang, d.decidedAt)} ·{' '}
                  {t('decision.by', { operator: d.operatorId === operator.id ? operator.name : d.operatorId })}
                  {d.incidentId && (
                    <> · {t('decision.forIncident', { title: titles.get(d.incidentId) ?? d.incidentId })}</>
                  )}
                  {wall && (
                    <>
                      {' '}
                      · <span data-testid="decision-wall">{wall}</span>
                    </>
                  )}
                </div>
                {corrections.map((c) => (
                  <a key={c.id} className="supersede-link" href={`#decision-${c.id}`}>
                    {t('supersede.by', { summary: c.summary })}
                  </a>
                ))}
                {corrected && (
                  <a className="supersede-link" href={`#decision-${corrected.id}`}>
                    {t('supersede.of', { summary: corrected.summary })}
                  </a>
                )}
                {mayCorrect && !correction && d.state !== 'rejected' && (
                  <button
                    type="button"
                    className="correct-button"
                    aria-label={t('correct.openLabel', { summary: d.summary })}
                    onClick={() => setCorrecting(d)}
                  >
                    {t('correct.open')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <CorrectionDialog
        decision={correcting}
        incidents={incidents}
        onClose={() => setCorrecting(null)}
        onCorrected={(id) => {
          setCorrecting(null);
          setFocusId(id);
        }}
      />
      {report && <SituationReportLayer range={report} onClose={() => setReport(null)} />}
    </section>
  );
}
