// Layer switches that are also the legend: each switch shows the colours its layer draws with.
import type { ReactNode } from 'react';
import { SITE_KINDS } from '../../../src/common/entities';
import { useT } from '../../shared/i18n';
import { SEVERITY_COLOURS } from '../../shared/map/incident-layer';
import { KIND_RINGS, type LayerId, type LayerVisibility } from '../../shared/map/map-layers';
import { STATE_COLOURS } from '../../shared/map/site-layer';

// On a narrow desk screen the open legend would hide a third of the map: it starts folded there.
const WIDE = typeof window === 'undefined' || window.innerWidth >= 1600;

interface Props {
  layers: LayerVisibility;
  onChange: (next: LayerVisibility) => void;
}

export function MapLegend({ layers, onChange }: Props) {
  const t = useT();
  const flip = (id: LayerId) => onChange({ ...layers, [id]: !layers[id] });
  const box = (id: LayerId, label: string, swatch: ReactNode) => (
    <label className="layer-switch" data-layer={id}>
      <input type="checkbox" checked={layers[id]} onChange={() => flip(id)} />
      {swatch}
      <span>{label}</span>
    </label>
  );
  return (
    <details className="map-legend" open={WIDE}>
      <summary>{t('mapLayer.title')}</summary>
      <fieldset className="legend-group">
        {box('regency', t('mapLayer.regency'), <span className="swatch line regency" aria-hidden />)}
        {box('kecamatan', t('mapLayer.kecamatan'), <span className="swatch line kecamatan" aria-hidden />)}
        {box('desa', t('mapLayer.desa'), <span className="swatch line desa" aria-hidden />)}
      </fieldset>
      <fieldset className="legend-group">
        {box('incidents', t('mapLayer.incidents'), null)}
        <div className="legend-row" aria-label={t('mapLayer.severity')}>
          {[1, 2, 3, 4].map((s) => (
            <span key={s} className="legend-key">
              <span className="swatch dot" style={{ background: SEVERITY_COLOURS[s] }} aria-hidden />
              {t(`severity.${s as 1 | 2 | 3 | 4}`)}
            </span>
          ))}
        </div>
        <p className="legend-hint">{t('mapLayer.clusterHint')}</p>
      </fieldset>
      <fieldset className="legend-group">
        <legend>{t('mapLayer.sites')}</legend>
        {SITE_KINDS.map((k) => (
          <span key={k}>
            {box(
              `site-${k}`,
              t(`siteKind.${k}`),
              <span className="swatch ring" style={{ borderColor: KIND_RINGS[k].ring }} aria-hidden />,
            )}
          </span>
        ))}
        <div className="legend-row" aria-label={t('mapLayer.linkState')}>
          {(['up', 'degraded', 'down', 'unknown'] satisfies (keyof typeof STATE_COLOURS)[]).map((s) => (
            <span key={s} className="legend-key">
              <span className="swatch dot" style={{ background: STATE_COLOURS[s] }} aria-hidden />
              {t(`overview.${s}`)}
            </span>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
