// The situation report of a briefing, put together from what the console holds (pure: the host reads the store,
// this decides what the report says). Incidents of the period are those reported in it, counted by the status
// they have now; decisions are those decided in it, each with how far this console verified it.
import type { ChainCheckView } from './decision-log-api';
import type { DecisionWall } from './decision-wall';
import { INCIDENT_STATUSES, type Incident, type Sector } from './entities';
import type { Kpi } from './host-api';
import {
  REPORT_DECISION_ROWS,
  REPORT_INCIDENT_ROWS,
  type ReportDecision,
  type ReportKpi,
  type SituationReport,
  type Verification,
} from './report-api';
import { levelOf, type Thresholds } from './thresholds';

/** A decision as the store holds it: central (synced, with seq), waiting, or refused by the central side. */
export interface HeldDecision {
  id: string;
  incidentId?: string;
  supersedes?: string;
  decidedAt: string;
  summary: string;
  rationale: string;
  action: string;
  operatorId: string;
  consoleId: string;
  wall?: DecisionWall;
  seq: number | null;
  hash: string | null;
  state: 'pending' | 'synced' | 'rejected';
}

export interface ReportSources {
  from: string | null;
  to: string;
  now: string;
  consoleId: string;
  dataAsOf: string | null;
  /** Every incident the console shows (central copies with this console's waiting edits). */
  incidents: readonly Incident[];
  /** Decisions decided in the period, central ones in seq order, then the waiting ones in the order written. */
  decisions: readonly HeldDecision[];
  /** Every decision held that corrects another (any time), for "corrected by" and the summaries of what they correct. */
  corrections: readonly HeldDecision[];
  /** Summaries of decisions a decision of the period corrects, by id. */
  summaries: ReadonlyMap<string, string>;
  verifiedSeq: number;
  chain: ChainCheckView;
  kpis: readonly (Kpi & { thresholds?: Thresholds | null })[];
}

const OPEN: ReadonlySet<string> = new Set(['reported', 'verified', 'dispatched']);
const inPeriod = (at: string, from: string | null, to: string) =>
  (from === null || Date.parse(at) >= Date.parse(from)) && Date.parse(at) < Date.parse(to);

export function verificationOf(d: HeldDecision, verifiedSeq: number, chain: ChainCheckView): Verification {
  if (d.state === 'pending') return 'pending';
  if (d.state === 'rejected' || d.seq === null) return 'rejected';
  if (chain.broken && d.seq >= chain.broken.seq) return 'unverified';
  return d.seq <= verifiedSeq ? 'verified' : 'unverified';
}

export function buildSituationReport(s: ReportSources): SituationReport {
  const incidents = s.incidents.filter((i) => inPeriod(i.reportedAt, s.from, s.to));
  const byStatus = INCIDENT_STATUSES.map((status) => ({
    status,
    count: incidents.filter((i) => i.status === status).length,
  }));
  const sectors = new Map<Sector, { total: number; open: number }>();
  for (const i of incidents) {
    const c = sectors.get(i.sector) ?? { total: 0, open: 0 };
    c.total++;
    if (OPEN.has(i.status)) c.open++;
    sectors.set(i.sector, c);
  }
  const bySector = [...sectors]
    .map(([sector, c]) => ({ sector, ...c }))
    .sort((a, b) => b.total - a.total || b.open - a.open || a.sector.localeCompare(b.sector));
  // The ones a briefing talks about first: the most severe, open before settled, newest first.
  const ordered = [...incidents].sort(
    (a, b) =>
      b.severity - a.severity ||
      Number(OPEN.has(b.status)) - Number(OPEN.has(a.status)) ||
      Date.parse(b.reportedAt) - Date.parse(a.reportedAt),
  );
  const list = ordered.slice(0, REPORT_INCIDENT_ROWS).map((i) => ({
    id: i.id,
    title: i.title,
    sector: i.sector,
    severity: i.severity,
    status: i.status,
    districtCode: i.districtCode,
    opd: i.assignedOpd ?? null,
    reportedAt: i.reportedAt,
  }));

  const titles = new Map(s.incidents.map((i) => [i.id, i.title]));
  const correctedBy = new Map<string, { id: string; summary: string }[]>();
  for (const c of s.corrections) {
    if (!c.supersedes || c.state === 'rejected') continue;
    const list = correctedBy.get(c.supersedes) ?? [];
    list.push({ id: c.id, summary: c.summary });
    correctedBy.set(c.supersedes, list);
  }
  const entries: ReportDecision[] = s.decisions.slice(0, REPORT_DECISION_ROWS).map((d) => ({
    id: d.id,
    seq: d.seq,
    hash: d.hash,
    decidedAt: d.decidedAt,
    summary: d.summary,
    rationale: d.rationale,
    action: d.action,
    operatorId: d.operatorId,
    consoleId: d.consoleId,
    incidentTitle: d.incidentId ? (titles.get(d.incidentId) ?? null) : null,
    supersedes: d.supersedes ? { id: d.supersedes, summary: s.summaries.get(d.supersedes) ?? null } : null,
    correctedBy: correctedBy.get(d.id) ?? [],
    wall: d.wall ?? null,
    verification: verificationOf(d, s.verifiedSeq, s.chain),
  }));

  const kpis: ReportKpi[] = s.kpis.map((k) => ({
    seriesId: k.seriesId,
    name: k.name,
    sector: k.sector,
    unit: k.unit,
    value: k.value,
    at: k.at,
    level: k.thresholds ? levelOf(k.value, k.thresholds) : null,
  }));

  return {
    from: s.from,
    to: s.to,
    generatedAt: s.now,
    consoleId: s.consoleId,
    dataAsOf: s.dataAsOf,
    incidents: {
      total: incidents.length,
      byStatus,
      bySector,
      list,
      omitted: Math.max(0, ordered.length - list.length),
    },
    decisions: {
      entries,
      omitted: Math.max(0, s.decisions.length - entries.length),
      verifiedSeq: s.verifiedSeq,
      chain: s.chain,
    },
    kpis,
  };
}
