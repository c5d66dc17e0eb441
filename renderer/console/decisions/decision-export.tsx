// Export a date range of the decision log to CSV (the host writes it: BOM, inert formulas, optional semicolons),
// or open the printable situation report of that range.
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../shared/error-text';
import { useHost } from '../../shared/host-context';
import { useT } from '../../shared/i18n';

/** A local date (yyyy-mm-dd) as the start of that day in the room's zone, WIB (UTC+7). */
function dayStart(date: string, plusDays = 0): string | undefined {
  if (!date) return undefined;
  const ms = Date.parse(`${date}T00:00:00+07:00`) + plusDays * 86_400_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A period picked in the export form: instants of the room's days, and the days as picked (for file names). */
export interface ReportRange {
  from?: string;
  to?: string;
  fromDay: string;
  toDay: string;
}

export function DecisionExport({ onReport }: { onReport?: (range: ReportRange) => void }) {
  const t = useT();
  const host = useHost();
  const ids = { from: useId(), to: useId(), semi: useId() };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [semicolon, setSemicolon] = useState(true);
  const exportCsv = useMutation({
    mutationFn: () =>
      host.request('decisions.export', { from: dayStart(from), to: dayStart(to, 1), separator: semicolon ? ';' : ',' }),
    onSuccess: ({ csv }) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `keputusan-${from || 'awal'}-${to || 'kini'}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    exportCsv.mutate();
  };
  return (
    <form className="decision-export" onSubmit={submit} aria-label={t('export.title')}>
      <label htmlFor={ids.from}>{t('export.from')}</label>
      <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <label htmlFor={ids.to}>{t('export.to')}</label>
      <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      <label className="check">
        <input id={ids.semi} type="checkbox" checked={semicolon} onChange={(e) => setSemicolon(e.target.checked)} />{' '}
        {t('export.semicolon')}
      </label>
      <button type="submit" disabled={exportCsv.isPending}>
        {t('export.csv')}
      </button>
      {onReport && (
        <button
          type="button"
          onClick={() => onReport({ from: dayStart(from), to: dayStart(to, 1), fromDay: from, toDay: to })}
        >
          {t('export.report')}
        </button>
      )}
      {exportCsv.isSuccess && (
        <span className="muted" role="status">
          {t('export.done', { count: exportCsv.data.count })}
        </span>
      )}
      {exportCsv.isError && (
        <p className="form-error" role="alert">
          {errorText(t, exportCsv.error)}
        </p>
      )}
    </form>
  );
}
