// The connectivity monitor: outages (desa down together in one kecamatan as one), then every watched site with
// state, latency, bandwidth, since when and 7-day uptime; filtered by kecamatan and kind, sorted by outage length.
import { useId, useMemo, useState } from 'react';
import type { ConnectivitySite, Outage, SiteKind } from '../../../src/common/connectivity';
import { formatNumber, formatTime } from '../../shared/format';
import { useLang, useT } from '../../shared/i18n';
import { kecamatan, kecamatanName } from '../../shared/map/region-data';
import { formatDuration } from './duration';
import { useConnectivity } from './queries';

type Sort = 'outage' | 'name' | 'uptime';
const KINDS: SiteKind[] = ['village', 'opd', 'tourism'];
const KECAMATAN = kecamatan.features.map((f) => f.properties).sort((a, b) => a.nama.localeCompare(b.nama));

interface Props {
  onShowSite: (site: ConnectivitySite) => void;
}

export function ConnectivityView({ onShowSite }: Props) {
  const t = useT();
  const lang = useLang();
  const ids = { kec: useId(), kind: useId(), sort: useId(), outages: useId(), sites: useId() };
  const [districtCode, setDistrict] = useState('');
  const [kind, setKind] = useState<SiteKind | ''>('');
  const [sort, setSort] = useState<Sort>('outage');
  const filter = useMemo(
    () => ({ ...(districtCode ? { districtCode } : {}), ...(kind ? { kind } : {}) }),
    [districtCode, kind],
  );
  const { data } = useConnectivity(filter, true);
  const now = data ? Date.parse(data.at) : 0;

  const sites = useMemo(() => {
    const list = [...(data?.sites ?? [])];
    const outageMs = (s: ConnectivitySite) => (s.state === 'down' && s.since ? now - Date.parse(s.since) : -1);
    if (sort === 'outage')
      list.sort((a, b) => outageMs(b) - outageMs(a) || stateRank(b) - stateRank(a) || a.name.localeCompare(b.name));
    else if (sort === 'uptime') list.sort((a, b) => (a.uptime ?? 2) - (b.uptime ?? 2) || a.name.localeCompare(b.name));
    else list.sort((a, b) => a.name.localeCompare(b.name));
    return list;
  }, [data, sort, now]);
  const weak = sites.filter((s) => s.weak).length;
  const windowMs = (data?.windowDays ?? 7) * 86_400_000;
  // Uptime over less than the whole window says over how long, so 0 % of two minutes is not read as a week.
  const uptimeText = (s: ConnectivitySite) => {
    const pct = `${formatNumber(lang, Math.round((s.uptime ?? 0) * 1000) / 10)} %`;
    return s.uptimeKnownMs < windowMs * 0.95
      ? `${pct} ${t('connectivity.uptimeOver', { duration: formatDuration(t, s.uptimeKnownMs) })}`
      : pct;
  };
  const byId = useMemo(() => new Map((data?.sites ?? []).map((s) => [s.id, s])), [data]);

  return (
    <div className="connectivity-view">
      <div className="connectivity-filters">
        <label htmlFor={ids.kec}>{t('connectivity.filterKecamatan')}</label>
        <select id={ids.kec} value={districtCode} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">{t('connectivity.all')}</option>
          {KECAMATAN.map((k) => (
            <option key={k.kode} value={k.kode}>
              {k.nama}
            </option>
          ))}
        </select>
        <label htmlFor={ids.kind}>{t('connectivity.filterKind')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as SiteKind | '')}>
          <option value="">{t('connectivity.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`siteKind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.sort}>{t('connectivity.sort')}</label>
        <select id={ids.sort} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="outage">{t('connectivity.sortOutage')}</option>
          <option value="uptime">{t('connectivity.sortUptime')}</option>
          <option value="name">{t('connectivity.sortName')}</option>
        </select>
      </div>
      {!data ? (
        <p className="muted">{t('shell.noData')}</p>
      ) : (
        <>
          <p className="muted">{t('connectivity.window', { days: data.windowDays })}</p>
          {weak > 0 && <p className="note weak-summary">{t('connectivity.weakCount', { n: weak })}</p>}
          <section aria-labelledby={ids.outages} className="outage-section">
            <h3 id={ids.outages}>{t('connectivity.outages', { n: data.outages.length })}</h3>
            {data.outages.length === 0 ? (
              <p className="muted">{t('connectivity.noOutage')}</p>
            ) : (
              <ol className="outage-list">
                {data.outages.map((o) => (
                  <OutageItem
                    key={`${o.scope}:${o.siteIds.join(',')}`}
                    outage={o}
                    onShow={() => {
                      const s = byId.get(o.siteIds[0]!);
                      if (s) onShowSite(s);
                    }}
                  />
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby={ids.sites}>
            <h3 id={ids.sites}>{t('connectivity.sites', { n: sites.length })}</h3>
            <div className="connectivity-table-wrap">
              <table className="connectivity-table">
                <thead>
                  <tr>
                    <th scope="col">{t('connectivity.name')}</th>
                    <th scope="col">{t('connectivity.filterKind')}</th>
                    <th scope="col">{t('incident.kecamatan')}</th>
                    <th scope="col">{t('connectivity.state')}</th>
                    <th scope="col">{t('connectivity.latency')}</th>
                    <th scope="col">{t('connectivity.bandwidth')}</th>
                    <th scope="col">{t('connectivity.since')}</th>
                    <th scope="col">{t('connectivity.uptime')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sites.map((s) => (
                    <tr
                      key={s.id}
                      data-site={s.id}
                      data-state={s.state ?? 'unknown'}
                      className={s.weak ? 'weak' : undefined}
                    >
                      <td>
                        <button type="button" className="link-button" onClick={() => onShowSite(s)}>
                          {s.name}
                        </button>
                        {s.weak && <span className="weak-badge">{t('connectivity.weak')}</span>}
                      </td>
                      <td>{t(`siteKind.${s.kind}`)}</td>
                      <td>{s.districtCode ? kecamatanName(s.districtCode) : ''}</td>
                      <td>
                        <span className={`state-word state-${s.state ?? 'unknown'}`}>
                          {t(`overview.${s.state ?? 'unknown'}`)}
                        </span>
                      </td>
                      <td className="num">
                        {s.latencyMs === null
                          ? ''
                          : t('connectivity.latencyValue', { value: formatNumber(lang, s.latencyMs) })}
                      </td>
                      <td className="num">
                        {s.bandwidthMbps === null
                          ? ''
                          : t('connectivity.bandwidthValue', { value: formatNumber(lang, s.bandwidthMbps) })}
                      </td>
                      <td className="since">
                        {s.since
                          ? `${formatTime(lang, s.since)} (${formatDuration(t, now - Date.parse(s.since))})`
                          : ''}
                      </td>
                      <td className="num">{s.uptime === null ? '' : uptimeText(s)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}

function OutageItem({ outage: o, onShow }: { outage: Outage; onShow: () => void }) {
  const t = useT();
  const lang = useLang();
  const name =
    o.scope === 'kecamatan'
      ? t('connectivity.groupOutage', {
          n: o.siteIds.length,
          kecamatan: o.districtCode ? kecamatanName(o.districtCode) : '',
        })
      : `${o.name ?? o.siteIds[0]} (${t(`siteKind.${o.kind}`)})`;
  return (
    <li className={`outage-item scope-${o.scope}`} data-scope={o.scope} data-district={o.districtCode ?? ''}>
      <button type="button" className="link-button" onClick={onShow}>
        {name}
      </button>
      <span className="muted">
        {' '}
        {t('connectivity.sinceFor', { time: formatTime(lang, o.since), duration: formatDuration(t, o.durationMs) })}
      </span>
    </li>
  );
}

function stateRank(s: ConnectivitySite): number {
  return { down: 3, degraded: 2, up: 0 }[s.state ?? 'up'] ?? 1;
}
