// The situation report over the console: a preview of the paper with its buttons, opened from the decision
// log's export area. Printing hides everything else (report.css), so the page Chromium prints is the report.
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { reportFileName } from '../../../src/common/pdf-save';
import { errorText } from '../../shared/error-text';
import { useHostQuery } from '../../shared/host-query';
import { useT } from '../../shared/i18n';
import type { ReportRange } from '../decisions/decision-export';
import { printReport, type PrintOutcome } from './report-print';
import { SituationReportDocument } from './situation-report';
import './report.css';

interface Props {
  range: ReportRange;
  onClose: () => void;
}

export function SituationReportLayer({ range, onClose }: Props) {
  const t = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const input = { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
  // A snapshot for the briefing: it changes when the operator asks, not under the printer.
  const report = useHostQuery('report.get', input, { staleTime: Infinity, refetchOnWindowFocus: false });
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The console behind is out of reach while the report is open (a modal layer), and back after.
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      root?.removeAttribute('inert');
      document.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const print = () => {
    setBusy(true);
    setOutcome(null);
    printReport({ fileName: reportFileName(range.fromDay, range.toDay), title: t('report.saveTitle') })
      .then(setOutcome, (e: Error) => setOutcome({ status: 'failed', reason: e.message }))
      .finally(() => setBusy(false));
  };

  return createPortal(
    <div className="report-layer" role="dialog" aria-modal="true" aria-labelledby={headingId}>
      <div className="report-toolbar">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {t('report.layerTitle')}
        </h2>
        <button type="button" className="primary" onClick={print} disabled={!report.data || busy}>
          {t('report.print')}
        </button>
        <button type="button" onClick={() => void report.refetch()} disabled={report.isFetching}>
          {t('report.refresh')}
        </button>
        <button type="button" onClick={onClose}>
          {t('report.close')}
        </button>
        <span role="status" className="report-outcome">
          {outcome?.status === 'saved' && t('report.saved', { path: outcome.path })}
          {outcome?.status === 'cancelled' && t('report.cancelled')}
        </span>
        {outcome?.status === 'failed' && (
          <p role="alert" className="form-error">
            {t('report.saveFailed', { reason: outcome.reason })}
          </p>
        )}
      </div>
      <div className="report-paper">
        {report.data ? (
          <SituationReportDocument report={report.data} />
        ) : report.isError ? (
          <p role="alert" className="form-error">
            {errorText(t, report.error)}
          </p>
        ) : (
          <p role="status">{t('report.loading')}</p>
        )}
      </div>
    </div>,
    document.body,
  );
}
