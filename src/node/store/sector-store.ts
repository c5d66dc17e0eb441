// What the sector dashboards read: each series with its newest reading graded by its thresholds (a supervisor's
// change still waiting in the outbox laid over the central copy), and trends from the raw readings (24 hours)
// or the hourly buckets (7 days) that reading-cache.ts keeps. Threshold changes go through the one write path.
import type { Database, Statement } from 'better-sqlite3';
import type { Sector, Series } from '../../common/entities';
import { RANGE_MS, type SectorDashboard, type SeriesKpi, type Trend, type TrendRange } from '../../common/sector-api';
import { levelOf, Thresholds } from '../../common/thresholds';
import type { Outbox } from './outbox';

interface SeriesRow {
  id: string;
  sector: Sector;
  name: string;
  unit: string;
  site_id: string | null;
  thresholds: string | null;
}

const parseThresholds = (raw: unknown): Thresholds | null => {
  const r = Thresholds.safeParse(raw);
  return r.success ? r.data : null;
};

export class SectorStore {
  private readonly seriesOf: Statement;
  private readonly latestOf: Statement;
  private readonly rawTimes: Statement;
  private readonly rawValues: Statement;
  private readonly hoursSince: Statement;

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {
    this.seriesOf = db.prepare(
      `SELECT id, sector, name, unit, site_id, thresholds FROM series WHERE (? IS NULL OR sector = ?) ORDER BY sector, name`,
    );
    this.latestOf = db.prepare('SELECT at, value FROM readings WHERE series_id = ? ORDER BY at DESC LIMIT 1');
    // A day of raw readings is thousands of rows a sector: read as two plucked columns (the same primary-key range,
    // in the same order, in one read transaction) rather than a row array each, and the times as epoch milliseconds
    // made by SQLite rather than a string each parsed in JavaScript: those two took most of the time. Times are held
    // as "…SS.sssZ" (reading-cache.ts), for which this is exactly Date.parse (a finer time an older cache may hold
    // is rounded to its millisecond where Date.parse truncates).
    const range = 'FROM readings WHERE series_id = ? AND at >= ? AND at <= ? ORDER BY at';
    this.rawTimes = db.prepare(`SELECT CAST(ROUND(unixepoch(at, 'subsec') * 1000) AS INTEGER) ${range}`).pluck();
    this.rawValues = db.prepare(`SELECT value ${range}`).pluck();
    this.hoursSince = db
      .prepare(
        'SELECT hour, n, sum, min, max FROM reading_hours WHERE series_id = ? AND hour >= ? AND hour <= ? ORDER BY hour',
      )
      .raw();
  }

  /** The series as the room sees them, in sector and name order; `sector` narrows to one. */
  series(sector?: Sector): Series[] {
    const rows = this.seriesOf.all(sector ?? null, sector ?? null) as SeriesRow[];
    return rows.map((r) => {
      const s: Series = { id: r.id, sector: r.sector, name: r.name, unit: r.unit };
      if (r.site_id !== null) s.siteId = r.site_id;
      const t = r.thresholds === null ? null : parseThresholds(JSON.parse(r.thresholds));
      if (t) s.thresholds = t;
      return s;
    });
  }

  /** Every series (or one sector's) with its newest reading and level. */
  kpis(sector?: Sector): SeriesKpi[] {
    const overlays = this.outbox.overlays('series');
    return this.series(sector).map((central) => {
      const o = overlays.get(central.id);
      const shown = o && o.op === 'upsert' ? (o.shown as Series) : central;
      const thresholds = parseThresholds(shown.thresholds);
      const row = this.latestOf.get(central.id) as { at: string; value: number } | undefined;
      const latest = row ? { value: row.value, at: row.at } : null;
      return {
        seriesId: central.id,
        sector: central.sector,
        name: central.name,
        unit: central.unit,
        siteId: central.siteId ?? null,
        thresholds,
        pending: (o?.pendingWrites ?? 0) > 0,
        latest,
        level: latest ? levelOf(latest.value, thresholds) : 'normal',
      };
    });
  }

  /**
   * One sector's KPIs and trends over `range`, ending now (or at the newest reading, when the console's clock is
   * behind the feed's: the newest reading is never cut off).
   */
  dashboard(sector: Sector, range: TrendRange, now: Date): SectorDashboard {
    // One read transaction: the KPIs and every trend from the same state of the cache.
    return this.db.transaction(() => this.dashboardNow(sector, range, now))();
  }

  private dashboardNow(sector: Sector, range: TrendRange, now: Date): SectorDashboard {
    const kpis = this.kpis(sector);
    let toMs = now.getTime();
    for (const k of kpis) if (k.latest) toMs = Math.max(toMs, Date.parse(k.latest.at));
    const fromMs = toMs - RANGE_MS[range];
    const from = new Date(fromMs).toISOString();
    const to = new Date(toMs).toISOString();
    return {
      sector,
      range,
      from,
      to,
      series: kpis.map((k) => ({
        ...k,
        trend: range === '24h' ? this.rawTrend(k.seriesId, from, to) : this.hourTrend(k.seriesId, fromMs, toMs),
      })),
    };
  }

  private rawTrend(seriesId: string, from: string, to: string): Trend {
    const at = this.rawTimes.all(seriesId, from, to) as number[];
    const value = this.rawValues.all(seriesId, from, to) as number[];
    return { bucketMs: 0, at, value, min: null, max: null };
  }

  private hourTrend(seriesId: string, fromMs: number, toMs: number): Trend {
    const rows = this.hoursSince.all(seriesId, fromMs - (fromMs % 3_600_000), toMs) as [
      number,
      number,
      number,
      number,
      number,
    ][];
    const n = rows.length;
    const at = new Array<number>(n);
    const value = new Array<number>(n);
    const min = new Array<number>(n);
    const max = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      at[i] = r[0];
      value[i] = r[2] / r[1];
      min[i] = r[3];
      max[i] = r[4];
    }
    return { bucketMs: 3_600_000, at, value, min, max };
  }

  /**
   * A supervisor's thresholds for a series (null removes them): an upsert of the series exactly as the central
   * copy has it but for the thresholds, shown at once and queued for the central side. Null: no such series.
   */
  setThresholds(
    seriesId: string,
    thresholds: Thresholds | null,
    operatorId: string,
    clientTime: string,
  ): SeriesKpi | null {
    const central = this.series().find((s) => s.id === seriesId);
    if (!central) return null;
    const { thresholds: _old, ...rest } = central;
    const data: Series = thresholds ? { ...rest, thresholds } : rest;
    this.outbox.write({
      entity: 'series',
      recordId: seriesId,
      op: 'upsert',
      data: { ...data },
      clientTime,
      operatorId,
      shown: () => data,
    });
    return this.kpis(central.sector).find((k) => k.seriesId === seriesId) ?? null;
  }
}
