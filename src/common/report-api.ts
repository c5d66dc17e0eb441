// The host contract's part for the situation report of a briefing: a period's incidents by status and sector,
// its decisions with how far this console verified them, and the sector indicators as they are now. The
// console prints it through Chromium (docs/situation-report.md); spread into REQUESTS by host-api.ts.
import { z } from 'zod';
import { ChainCheckView } from './decision-log-api';
import { DecisionWall } from './decision-wall';
import { IncidentStatus, IsoTime, Sector, Severity } from './entities';
import { LEVELS } from './thresholds';

/** How a decision of the report stands here. */
export const VERIFICATIONS = ['verified', 'unverified', 'pending', 'rejected'] as const;
export const Verification = z.enum(VERIFICATIONS);
export type Verification = z.infer<typeof Verification>;

export const ReportIncident = z.strictObject({
  id: z.string(),
  title: z.string(),
  sector: Sector,
  severity: Severity,
  status: IncidentStatus,
  districtCode: z.string(),
  /** The assigned OPD by its site id, the abbreviation the room uses (BPBD); null when nobody is assigned. */
  opd: z.string().nullable(),
  reportedAt: IsoTime,
});
export type ReportIncident = z.infer<typeof ReportIncident>;

export const ReportDecision = z.strictObject({
  id: z.string(),
  seq: z.number().int().positive().nullable(),
  hash: z.string().nullable(),
  decidedAt: IsoTime,
  summary: z.string(),
  rationale: z.string(),
  action: z.string(),
  operatorId: z.string(),
  consoleId: z.string(),
  incidentTitle: z.string().nullable(),
  /** The decision this one corrects, by summary (null: not a correction); its id beside it. */
  supersedes: z.strictObject({ id: z.string(), summary: z.string().nullable() }).nullable(),
  /** What corrected this one (any time, also after the period). */
  correctedBy: z.array(z.strictObject({ id: z.string(), summary: z.string() })),
  wall: DecisionWall.nullable(),
  verification: Verification,
});
export type ReportDecision = z.infer<typeof ReportDecision>;

export const ReportKpi = z.strictObject({
  seriesId: z.string(),
  name: z.string(),
  sector: Sector,
  unit: z.string(),
  value: z.number(),
  at: IsoTime,
  /** The contract's threshold level when this console holds the series' thresholds, else null. */
  level: z.enum(LEVELS).nullable(),
});
export type ReportKpi = z.infer<typeof ReportKpi>;

export const SituationReport = z.strictObject({
  /** The period [from, to): from null is the first record held; to is the request's or the time it was made. */
  from: IsoTime.nullable(),
  to: IsoTime,
  generatedAt: IsoTime,
  consoleId: z.string(),
  /** The cache's last sync with the central API: what the report is as fresh as. */
  dataAsOf: IsoTime.nullable(),
  incidents: z.strictObject({
    /** Incidents reported in the period, counted by the status they have now. */
    total: z.number().int().nonnegative(),
    byStatus: z.array(z.strictObject({ status: IncidentStatus, count: z.number().int().nonnegative() })),
    /** Sectors with at least one incident; `open` are those not resolved or closed. */
    bySector: z.array(
      z.strictObject({ sector: Sector, total: z.number().int().positive(), open: z.number().int().nonnegative() }),
    ),
    /** Most severe first, at most REPORT_INCIDENT_ROWS; `omitted` says how many more there were. */
    list: z.array(ReportIncident),
    omitted: z.number().int().nonnegative(),
  }),
  decisions: z.strictObject({
    /** In decision order (central seq, then those still waiting), at most REPORT_DECISION_ROWS. */
    entries: z.array(ReportDecision),
    omitted: z.number().int().nonnegative(),
    /** Every central decision up to this seq verified here, chain and signature (0 before the first). */
    verifiedSeq: z.number().int().nonnegative(),
    /** The chain recomputed over this console's copy now. */
    chain: ChainCheckView,
  }),
  kpis: z.array(ReportKpi),
});
export type SituationReport = z.infer<typeof SituationReport>;

export const REPORT_INCIDENT_ROWS = 200;
export const REPORT_DECISION_ROWS = 500;

export const REPORT_REQUESTS = {
  'report.get': {
    input: z
      .strictObject({ from: IsoTime.optional(), to: IsoTime.optional() })
      .refine((r) => !r.from || !r.to || r.from < r.to, { message: 'from must be before to', path: ['to'] }),
    output: SituationReport,
  },
} as const;
