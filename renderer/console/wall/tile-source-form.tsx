// What the selected tile shows: the kind of source and its few settings, each with a visible label.
import { useId } from 'react';
import { SECTORS } from '../../../src/common/sector';
import type { TileSource } from '../../../src/common/layout';
import { useT, type MessageKey } from '../../shared/i18n';
import { defaultSource, SOURCE_KINDS, type SourceKind } from './layout-editor-model';
import { WEB_DOMAINS_TEXT } from './plan-text';

type MapSource = Extract<TileSource, { kind: 'map' }>;
const MAP_LAYERS: MapSource['layers'][number][] = ['kecamatan', 'incidents', 'sites'];

function NumberField({
  label,
  value,
  min,
  max,
  step,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== '' && v >= min && v <= max) onChange(v);
        }}
      />
    </>
  );
}

function TextField({
  label,
  value,
  maxLength,
  type = 'text',
  hint,
  onChange,
}: {
  label: string;
  value: string;
  maxLength: number;
  type?: string;
  hint?: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        maxLength={maxLength}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={hintId} className="muted field-hint">
          {hint}
        </span>
      )}
    </>
  );
}

export function TileSourceForm({ source, onChange }: { source: TileSource; onChange: (s: TileSource) => void }) {
  const t = useT();
  const kindId = useId();
  const extraId = useId();
  const optional = (v: string) => (v.trim() === '' ? undefined : v);

  let fields = null;
  switch (source.kind) {
    case 'map':
      fields = (
        <>
          <NumberField
            label={t('source.lat')}
            value={source.center[0]}
            min={-90}
            max={90}
            step={0.01}
            onChange={(v) => onChange({ ...source, center: [v, source.center[1]] })}
          />
          <NumberField
            label={t('source.lon')}
            value={source.center[1]}
            min={-180}
            max={180}
            step={0.01}
            onChange={(v) => onChange({ ...source, center: [source.center[0], v] })}
          />
          <NumberField
            label={t('source.zoom')}
            value={source.zoom}
            min={1}
            max={19}
            step={1}
            onChange={(v) => onChange({ ...source, zoom: v })}
          />
          <fieldset className="inline-checks">
            <legend>{t('source.layers')}</legend>
            {MAP_LAYERS.map((layer) => (
              <label key={layer}>
                <input
                  type="checkbox"
                  checked={source.layers.includes(layer)}
                  onChange={(e) =>
                    onChange({
                      ...source,
                      layers: e.target.checked ? [...source.layers, layer] : source.layers.filter((l) => l !== layer),
                    })
                  }
                />
                {t(`source.layer.${layer}` as MessageKey)}
              </label>
            ))}
          </fieldset>
        </>
      );
      break;
    case 'incidents':
      fields = (
        <>
          <label htmlFor={extraId}>{t('source.minSeverity')}</label>
          <select
            id={extraId}
            value={source.minSeverity ?? ''}
            onChange={(e) =>
              onChange(
                e.target.value === ''
                  ? { kind: 'incidents' }
                  : { kind: 'incidents', minSeverity: Number(e.target.value) },
              )
            }
          >
            <option value="">{t('source.allSeverities')}</option>
            {[2, 3, 4].map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </>
      );
      break;
    case 'sector':
      fields = (
        <>
          <label htmlFor={extraId}>{t('source.sectorChoice')}</label>
          <select
            id={extraId}
            value={source.sector}
            onChange={(e) => onChange({ kind: 'sector', sector: e.target.value as typeof source.sector })}
          >
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sector.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </>
      );
      break;
    case 'video':
      fields = (
        <>
          <TextField
            label={t('source.url')}
            type="url"
            value={source.url}
            maxLength={2000}
            onChange={(url) => onChange({ ...source, url })}
          />
          <TextField
            label={t('source.label')}
            value={source.label ?? ''}
            maxLength={120}
            onChange={(v) => onChange({ kind: 'video', url: source.url, label: optional(v) })}
          />
        </>
      );
      break;
    case 'web':
      fields = (
        <TextField
          label={t('source.url')}
          type="url"
          value={source.url}
          maxLength={2000}
          hint={t('source.webAllowed', { domains: WEB_DOMAINS_TEXT })}
          onChange={(url) => onChange({ kind: 'web', url })}
        />
      );
      break;
    case 'image':
      fields = (
        <>
          <TextField
            label={t('source.url')}
            type="url"
            value={source.url}
            maxLength={2000}
            onChange={(url) => onChange({ ...source, url })}
          />
          <TextField
            label={t('source.caption')}
            value={source.caption ?? ''}
            maxLength={200}
            onChange={(v) => onChange({ kind: 'image', url: source.url, caption: optional(v) })}
          />
        </>
      );
      break;
    case 'clock':
      fields = (
        <TextField
          label={t('source.ticker')}
          value={source.ticker ?? ''}
          maxLength={500}
          onChange={(v) => onChange({ kind: 'clock', ticker: optional(v) })}
        />
      );
      break;
    default:
      fields = null;
  }

  return (
    <div className="tile-source-form">
      <label htmlFor={kindId}>{t('source.kind')}</label>
      <select id={kindId} value={source.kind} onChange={(e) => onChange(defaultSource(e.target.value as SourceKind))}>
        {SOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`source.${k}` as MessageKey)}
          </option>
        ))}
      </select>
      {fields}
    </div>
  );
}
