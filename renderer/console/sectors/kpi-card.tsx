// One KPI of the Sektor view: its newest reading with the level as a word, its thresholds, its trend, and for a
// supervisor the editor of its thresholds (written to the outbox like every synced edit; shown at once).
import { useId, useState, type FormEvent } from 'react';
import { mayRequest } from '../../../src/common/access-policy';
import type { OperatorInfo } from '../../../src/common/central-api';
import type { SectorDashboard, TrendRange } from '../../../src/common/sector-api';
import { TrendChart } from '../../shared/charts/trend-chart';
import { errorText } from '../../shared/error-text';
import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { draftOf, thresholdsOf, type ThresholdDraft, type ThresholdProblem } from './threshold-form';
import { useSetThresholds } from './sector-queries';

type DashboardKpi = SectorDashboard['series'][number];

export function KpiCard({ kpi, range, operator }: { kpi: DashboardKpi; range: TrendRange; operator: OperatorInfo }) {
  const t = useT();
  const lang = useLang();
  const nameId = useId();
  const [editing, setEditing] = useState(false);
  // A key, not a text: the notice follows a change of language.
  const [notice, setNotice] = useState<'sectors.saved' | 'sectors.removed' | null>(null);
  const canEdit = mayRequest(operator.role, 'sectors.setThresholds');
  const th = kpi.thresholds;
  const op = th?.direction === 'below' ? '<' : '>';
  return (
    <li
      className={`kpi-card level-${kpi.level}`}
      aria-labelledby={nameId}
      data-testid="kpi-card"
      data-series={kpi.seriesId}
      data-level={kpi.level}
      data-pending={kpi.pending ? 'true' : undefined}
    >
      <div className="kpi-card-head">
        <h3 id={nameId} className="kpi-card-name">
          {kpi.name}
        </h3>
        <span className={`level-badge level-${kpi.level}`} data-testid="kpi-level">
          {t(`sectors.level.${kpi.level}`)}
        </span>
      </div>
      {kpi.latest ? (
        <p className="kpi-card-figure">
          <span className="kpi-card-value" data-testid="kpi-value">
            {formatNumber(lang, kpi.latest.value)}
          </span>{' '}
          <span className="kpi-card-unit">{kpi.unit}</span>
          <span className="kpi-card-at">{t('sectors.readAt', { time: formatTime(lang, kpi.latest.at) })}</span>
        </p>
      ) : (
        <p className="muted">{t('sectors.noReading')}</p>
      )}
      <p className="kpi-card-thresholds" data-testid="kpi-thresholds">
        {th
          ? t('sectors.thresholdsText', {
              op,
              warning: formatNumber(lang, th.warning),
              critical: formatNumber(lang, th.critical),
              unit: kpi.unit,
            })
          : t('sectors.noThresholds')}
        {kpi.pending && (
          <span className="kpi-card-pending" title={t('sectors.pending')}>
            {' '}
            · {t('sectors.pending')}
          </span>
        )}
      </p>
      {kpi.trend.at.length === 0 ? (
        <p className="muted kpi-card-chart-empty">{t('sectors.noTrend')}</p>
      ) : (
        <TrendChart
          className="kpi-card-chart"
          trend={kpi.trend}
          thresholds={th}
          unit={kpi.unit}
          lang={lang}
          label={t('sectors.chart', { name: kpi.name, range: t(`sectors.range.${range}`) })}
        />
      )}
      {notice && (
        <p className="kpi-card-notice" role="status">
          {t(notice)}
        </p>
      )}
      {canEdit &&
        (editing ? (
          <ThresholdEditor
            kpi={kpi}
            onDone={(message) => {
              setEditing(false);
              setNotice(message);
            }}
          />
        ) : (
          <button
            type="button"
            className="kpi-card-edit"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t('sectors.edit')}
          </button>
        ))}
    </li>
  );
}

function ThresholdEditor({
  kpi,
  onDone,
}: {
  kpi: DashboardKpi;
  onDone: (notice: 'sectors.saved' | 'sectors.removed' | null) => void;
}) {
  const t = useT();
  const save = useSetThresholds();
  const [draft, setDraft] = useState<ThresholdDraft>(() => draftOf(kpi.thresholds));
  const [problem, setProblem] = useState<ThresholdProblem | null>(null);
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = thresholdsOf(draft);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    save.mutate({ seriesId: kpi.seriesId, thresholds: parsed.value }, { onSuccess: () => onDone('sectors.saved') });
  };
  const remove = () =>
    save.mutate({ seriesId: kpi.seriesId, thresholds: null }, { onSuccess: () => onDone('sectors.removed') });
  const set = (field: keyof ThresholdDraft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });
  return (
    <form className="threshold-editor" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h4 id={titleId}>{t('sectors.editTitle', { name: kpi.name })}</h4>
      <label>
        {t('sectors.direction')}{' '}
        <select value={draft.direction} onChange={set('direction')}>
          <option value="above">{t('sectors.direction.above')}</option>
          <option value="below">{t('sectors.direction.below')}</option>
        </select>
      </label>
      <div className="threshold-limits">
        <label>
          {t('sectors.warning')}{' '}
          <input inputMode="decimal" value={draft.warning} onChange={set('warning')} autoComplete="off" />
        </label>
        <label>
          {t('sectors.critical')}{' '}
          <input inputMode="decimal" value={draft.critical} onChange={set('critical')} autoComplete="off" />
        </label>
        <span className="muted">{kpi.unit}</span>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {t(`sectors.problem.${problem}`)}
        </p>
      )}
      {save.error && (
        <p className="form-error" role="alert">
          {errorText(t, save.error)}
        </p>
      )}
      <div className="threshold-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('sectors.save')}
        </button>
        {kpi.thresholds && (
          <button type="button" onClick={remove} disabled={save.isPending}>
            {t('sectors.remove')}
          </button>
        )}
        <button type="button" onClick={() => onDone(null)} disabled={save.isPending}>
          {t('sectors.cancel')}
        </button>
      </div>
    </form>
  );
}
