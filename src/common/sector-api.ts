// The host contract's part for the sector dashboards: KPIs with their level, trends of the last 24 hours and
// 7 days, a supervisor's thresholds, and the alerts of KPIs that crossed into warning or critical.
// Kept apart from host-api.ts, which spreads SECTOR_REQUESTS and SECTOR_EVENTS into REQUESTS and EVENTS.
import { z } from 'zod';
import { IsoTime, Sector, Series, Uuid } from './entities';
import { LEVELS, Thresholds } from './thresholds';

const Empty = z.strictObject({});

export const Level = z.enum(LEVELS);

/** One series as the dashboard shows it: its newest reading graded by its thresholds. */
export const SeriesKpi = z.strictObject({
  seriesId: Series.shape.id,
  sector: Sector,
  name: z.string(),
  unit: z.string(),
  siteId: z.string().nullable(),
  thresholds: Thresholds.nullable(),
  /** A supervisor's change of the thresholds waits in this console's outbox (shown already). */
  pending: z.boolean(),
  latest: z.strictObject({ value: z.number(), at: IsoTime }).nullable(),
  level: Level,
});
export type SeriesKpi = z.infer<typeof SeriesKpi>;

export const TREND_RANGES = ['24h', '7d'] as const;
export const TrendRange = z.enum(TREND_RANGES);
export type TrendRange = z.infer<typeof TrendRange>;
export const RANGE_MS: Record<TrendRange, number> = { '24h': 86_400_000, '7d': 7 * 86_400_000 };

/**
 * Points of one series in [from, to], times in epoch milliseconds, ascending. 24 h: the raw readings
 * (bucketMs 0, min and max null); 7 days: hourly buckets with their average, lowest and highest reading.
 */
export const Trend = z.strictObject({
  bucketMs: z.number().int().nonnegative(),
  at: z.array(z.number()),
  value: z.array(z.number()),
  min: z.array(z.number()).nullable(),
  max: z.array(z.number()).nullable(),
});
export type Trend = z.infer<typeof Trend>;

export const SectorDashboard = z.strictObject({
  sector: Sector,
  range: TrendRange,
  from: IsoTime,
  to: IsoTime,
  series: z.array(SeriesKpi.extend({ trend: Trend })),
});
export type SectorDashboard = z.infer<typeof SectorDashboard>;

/** A KPI that crossed into a worse level, kept until someone in the room acknowledges it. */
export const SectorAlert = z.strictObject({
  id: Uuid,
  seriesId: Series.shape.id,
  sector: Sector,
  name: z.string(),
  unit: z.string(),
  level: z.enum(['warning', 'critical']),
  value: z.number(),
  /** The reading's time. */
  at: IsoTime,
  /** When this console saw it cross (the host's clock). */
  raisedAt: IsoTime,
  thresholds: Thresholds,
  /** The series' level now (it may have eased since). */
  now: Level,
});
export type SectorAlert = z.infer<typeof SectorAlert>;
export const SectorAlerts = z.strictObject({ alerts: z.array(SectorAlert) });
export type SectorAlerts = z.infer<typeof SectorAlerts>;

export const SECTOR_REQUESTS = {
  /** Every series with its newest reading and level (the sector tabs, the worst level per sector). */
  'sectors.summary': { input: Empty, output: z.strictObject({ series: z.array(SeriesKpi) }) },
  /** One sector's KPIs with the trend of the range; the wall's sector tiles read it too. */
  'sectors.dashboard': {
    input: z.strictObject({ sector: Sector, range: TrendRange }),
    output: SectorDashboard,
  },
  /** Supervisor: the series' thresholds (null removes them), written as an upsert of the series, other fields as held. */
  'sectors.setThresholds': {
    input: z.strictObject({ seriesId: Series.shape.id, thresholds: Thresholds.nullable() }),
    output: z.strictObject({ kpi: SeriesKpi }),
  },
  'sectors.alerts': { input: Empty, output: SectorAlerts },
  'sectors.ackAlerts': { input: z.strictObject({ ids: z.array(Uuid).min(1).max(200) }), output: SectorAlerts },
} as const;

export const SECTOR_EVENTS = {
  'sectors.alerts': SectorAlerts,
} as const;
