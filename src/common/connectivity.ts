// The regency's links as an operator reads them: since when each site is in its state, uptime over a window,
// outages (many desa down in one kecamatan are one outage, not twenty lines) and tourist sites with weak links.
// Pure: the host computes it from the store's status history, tests feed it by hand.
import { z } from 'zod';
import { DistrictCode, IsoTime, Site, SiteState, SITE_KINDS } from './entities';

export const SiteKind = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKind>;

export interface StatusPoint {
  at: string;
  state: SiteState;
}

/** Thresholds of a weak link at a tourist site: visitors' payments and 112 calls need more than "up". */
export const WEAK_LINK = { latencyMs: 150, bandwidthMbps: 5 } as const;
/** At least this many desa down at once in one kecamatan are reported as one outage. */
export const GROUP_MIN_SITES = 3;

/**
 * Share of [from, to) a site was not down, from its points in time order. `before` is the last state known
 * before `from` (null: nothing known, that span is left out). Null when nothing at all is known.
 */
export function uptimeShare(
  points: readonly StatusPoint[],
  before: SiteState | null,
  from: number,
  to: number,
): number | null {
  return uptimeOver(points, before, from, to)?.share ?? null;
}

/** The share and how much of the window it rests on (a site first seen an hour ago has an hour of data). */
export function uptimeOver(
  points: readonly StatusPoint[],
  before: SiteState | null,
  from: number,
  to: number,
): { share: number; knownMs: number } | null {
  let known = 0;
  let up = 0;
  let state = before;
  let t = from;
  const add = (end: number) => {
    if (state !== null && end > t) {
      known += end - t;
      if (state !== 'down') up += end - t;
    }
  };
  for (const p of points) {
    const at = Date.parse(p.at);
    if (at >= to) break;
    if (at > t) {
      add(at);
      t = at;
    }
    state = p.state;
  }
  add(to);
  return known > 0 ? { share: up / known, knownMs: known } : null;
}

/** When the current run of the latest state began: the first point of the trailing run of equal states. */
export function stateSince(
  points: readonly StatusPoint[],
  before: SiteState | null,
  beforeAt: string | null,
): string | null {
  const last = points.at(-1);
  if (!last) return beforeAt;
  let since = last.at;
  for (let i = points.length - 1; i >= 0; i--) {
    if (points[i]!.state !== last.state) return since;
    since = points[i]!.at;
  }
  return before === last.state && beforeAt ? beforeAt : since;
}

export function isWeakLink(
  kind: string,
  state: SiteState | null,
  latencyMs: number | null,
  bandwidthMbps: number | null,
): boolean {
  if (kind !== 'tourism') return false;
  if (state === 'down' || state === 'degraded') return true;
  return (
    (latencyMs !== null && latencyMs > WEAK_LINK.latencyMs) ||
    (bandwidthMbps !== null && bandwidthMbps < WEAK_LINK.bandwidthMbps)
  );
}

export const ConnectivitySite = Site.extend({
  state: SiteState.nullable(),
  latencyMs: z.number().nullable(),
  bandwidthMbps: z.number().nullable(),
  /** Start of the current state (from the history the console keeps); null when no status was ever seen. */
  since: IsoTime.nullable(),
  /** 0..1 of the window not down; null with no status in it. */
  uptime: z.number().min(0).max(1).nullable(),
  /** How much of the window the uptime rests on. */
  uptimeKnownMs: z.number().nonnegative(),
  weak: z.boolean(),
});
export type ConnectivitySite = z.infer<typeof ConnectivitySite>;

export const Outage = z.strictObject({
  /** `kecamatan`: desa down together in one kecamatan; `site`: one site. */
  scope: z.enum(['kecamatan', 'site']),
  districtCode: DistrictCode.nullable(),
  siteIds: z.array(z.string()).min(1),
  /** Name of the site, or null for a kecamatan (the UI names it from the boundaries). */
  name: z.string().nullable(),
  kind: SiteKind,
  since: IsoTime,
  durationMs: z.number().nonnegative(),
});
export type Outage = z.infer<typeof Outage>;

/** Outages longest first (to the minute). Desa down in one kecamatan (GROUP_MIN_SITES or more) become one, since its earliest. */
export function groupOutages(sites: readonly ConnectivitySite[], nowMs: number, minGroup = GROUP_MIN_SITES): Outage[] {
  const down = sites.filter((s) => s.state === 'down' && s.since !== null);
  const byKec = new Map<string, ConnectivitySite[]>();
  for (const s of down) {
    if (s.kind !== 'village' || !s.districtCode) continue;
    const list = byKec.get(s.districtCode) ?? [];
    list.push(s);
    byKec.set(s.districtCode, list);
  }
  const grouped = new Set<string>();
  const out: Outage[] = [];
  for (const [districtCode, list] of byKec) {
    if (list.length < minGroup) continue;
    const since = list.map((s) => s.since!).sort()[0]!;
    for (const s of list) grouped.add(s.id);
    out.push({
      scope: 'kecamatan',
      districtCode,
      siteIds: list.map((s) => s.id).sort(),
      name: null,
      kind: 'village',
      since,
      durationMs: Math.max(0, nowMs - Date.parse(since)),
    });
  }
  for (const s of down) {
    if (grouped.has(s.id)) continue;
    out.push({
      scope: 'site',
      districtCode: s.districtCode,
      siteIds: [s.id],
      name: s.name,
      kind: s.kind,
      since: s.since!,
      durationMs: Math.max(0, nowMs - Date.parse(s.since!)),
    });
  }
  // Within the same minute the larger outage first: twenty desa down matter more than one office down 5 s longer.
  const minutes = (o: Outage) => Math.floor(o.durationMs / 60_000);
  return out.sort(
    (a, b) => minutes(b) - minutes(a) || b.siteIds.length - a.siteIds.length || b.durationMs - a.durationMs,
  );
}

export const Connectivity = z.strictObject({
  at: IsoTime,
  windowDays: z.number().int().positive(),
  sites: z.array(ConnectivitySite),
  outages: z.array(Outage),
});
export type Connectivity = z.infer<typeof Connectivity>;

export const ConnectivityFilter = z.strictObject({
  districtCode: DistrictCode.optional(),
  kind: SiteKind.optional(),
});
export type ConnectivityFilter = z.infer<typeof ConnectivityFilter>;
