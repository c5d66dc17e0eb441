// The connectivity monitor's read: sites with their latest status, the history since the window began,
// folded by the pure rules of common/connectivity.ts.
import type { Database } from 'better-sqlite3';
import {
  groupOutages,
  isWeakLink,
  stateSince,
  uptimeOver,
  type Connectivity,
  type ConnectivityFilter,
  type ConnectivitySite,
} from '../../common/connectivity';
import type { StatusHistory } from './status-history';

// Sites a link is watched for; CCTV and facilities are on the map but not in the monitor's list.
const MONITORED = ['village', 'opd', 'tourism'];

type Row = Omit<ConnectivitySite, 'since' | 'uptime' | 'uptimeKnownMs' | 'weak'> & { at: string | null };

export function readConnectivity(
  db: Database,
  history: StatusHistory,
  filter: ConnectivityFilter,
  now: Date,
  windowDays = 7,
): Connectivity {
  const kinds = filter.kind ? [filter.kind] : MONITORED;
  const rows = db
    .prepare(
      `SELECT s.id, s.kind, s.name, s.district_code AS districtCode, s.lat, s.lon, st.state, st.at,
      st.latency_ms AS latencyMs, st.bandwidth_mbps AS bandwidthMbps
    FROM sites s LEFT JOIN statuses st ON st.site_id = s.id
    WHERE s.kind IN (SELECT value FROM json_each(?)) AND (? IS NULL OR s.district_code = ?) ORDER BY s.name`,
    )
    .all(JSON.stringify(kinds), filter.districtCode ?? null, filter.districtCode ?? null) as Row[];
  const to = now.getTime();
  const from = to - windowDays * 86_400_000;
  const hist = history.since(new Date(from).toISOString());
  const sites: ConnectivitySite[] = rows.map(({ at, ...r }) => {
    const h = hist.get(r.id) ?? { points: [], before: null, beforeAt: null };
    const since = r.state ? (stateSince(h.points, h.before, h.beforeAt) ?? at) : null;
    const uptime = uptimeOver(h.points, h.before, from, to);
    return {
      ...r,
      since,
      uptime: uptime?.share ?? null,
      uptimeKnownMs: uptime?.knownMs ?? 0,
      weak: isWeakLink(r.kind, r.state, r.latencyMs, r.bandwidthMbps),
    };
  });
  return { at: now.toISOString(), windowDays, sites, outages: groupOutages(sites, to) };
}
