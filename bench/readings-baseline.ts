// The baseline of the readings bench: a store that keeps every reading raw, as it came (the readings table of
// migration 0001, no hourly buckets, no pruning), answering the same dashboard with plain SQL over the raw rows:
// the newest reading of each series by GROUP BY over all its rows, the 24-hour trend as the raw rows, the 7-day
// trend as a GROUP BY of the raw rows by hour. Same SQLite opener (WAL, synchronous FULL) and the same transactions
// as the console store.
import type { Sector } from '../src/common/entities';
import { RANGE_MS, type SectorDashboard, type Trend, type TrendRange } from '../src/common/sector-api';
import { levelOf, type Thresholds } from '../src/common/thresholds';
import { openSqliteFile, type Db } from '../src/node/base/sqlite-file';

export interface PlainReading {
  seriesId: string;
  at: string;
  value: number;
}

const HOUR_MS = 3_600_000;

export class PlainReadingStore {
  private readonly db: Db;
  private readonly insert;
  private readonly seriesOf;
  private readonly latest;
  private readonly raw;
  private readonly hourly;

  constructor(path: string) {
    this.db = openSqliteFile(path, [
      {
        name: 'plain',
        up: (db) =>
          db.exec(`CREATE TABLE series (id TEXT PRIMARY KEY, sector TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,
            thresholds TEXT);
          CREATE TABLE readings (series_id TEXT NOT NULL, at TEXT NOT NULL, value REAL NOT NULL,
            PRIMARY KEY (series_id, at)) WITHOUT ROWID;`),
      },
    ]);
    this.insert = this.db.prepare('INSERT OR IGNORE INTO readings (series_id, at, value) VALUES (?, ?, ?)');
    this.seriesOf = this.db.prepare('SELECT id, name, unit, thresholds FROM series WHERE sector = ? ORDER BY name');
    // Through the primary key (series_id, at), one range per series of the sector, as SQLite plans them.
    const ofSector = 'series_id IN (SELECT id FROM series WHERE sector = ?)';
    this.latest = this.db.prepare(
      `SELECT series_id AS id, MAX(at) AS at, value FROM readings WHERE ${ofSector} GROUP BY series_id`,
    );
    this.raw = this.db
      .prepare(`SELECT series_id, at, value FROM readings WHERE ${ofSector} AND at >= ? AND at <= ? ORDER BY 1, 2`)
      .raw();
    this.hourly = this.db
      .prepare(
        `SELECT series_id, (CAST(strftime('%s', at) AS INTEGER) / 3600) * 3600000 AS hour, AVG(value), MIN(value),
          MAX(value)
        FROM readings WHERE ${ofSector} AND at >= ? AND at <= ? GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .raw();
  }

  addSeries(series: { id: string; sector: Sector; name: string; unit: string; thresholds?: Thresholds }[]): void {
    const put = this.db.prepare('INSERT INTO series (id, sector, name, unit, thresholds) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const s of series)
        put.run(s.id, s.sector, s.name, s.unit, s.thresholds ? JSON.stringify(s.thresholds) : null);
    })();
  }

  /** One slice of readings in one transaction, as the console store takes a slice of the feed. */
  add(readings: readonly PlainReading[]): void {
    this.db.transaction(() => {
      for (const r of readings) this.insert.run(r.seriesId, r.at, r.value);
    })();
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM readings').pluck().get() as number;
  }

  /** The same answer as SectorStore.dashboard (but for waiting threshold edits, which this store has none of). */
  dashboard(sector: Sector, range: TrendRange, now: Date): SectorDashboard {
    const latest = new Map(
      (this.latest.all(sector) as { id: string; at: string; value: number }[]).map((r) => [r.id, r]),
    );
    let toMs = now.getTime();
    for (const l of latest.values()) toMs = Math.max(toMs, Date.parse(l.at));
    const fromMs = toMs - RANGE_MS[range];
    const from = new Date(fromMs).toISOString();
    const to = new Date(toMs).toISOString();
    const trends = new Map<string, Trend>();
    const trendOf = (id: string) => {
      let t = trends.get(id);
      if (!t) {
        t =
          range === '24h'
            ? { bucketMs: 0, at: [], value: [], min: null, max: null }
            : { bucketMs: HOUR_MS, at: [], value: [], min: [], max: [] };
        trends.set(id, t);
      }
      return t;
    };
    if (range === '24h') {
      for (const [id, at, value] of this.raw.all(sector, from, to) as [string, string, number][]) {
        const t = trendOf(id);
        t.at.push(Date.parse(at));
        t.value.push(value);
      }
    } else {
      const fromHour = new Date(fromMs - (fromMs % HOUR_MS)).toISOString();
      for (const [id, hour, avg, min, max] of this.hourly.all(sector, fromHour, to) as number[][] as [
        string,
        number,
        number,
        number,
        number,
      ][]) {
        const t = trendOf(id);
        t.at.push(hour);
        t.value.push(avg);
        t.min!.push(min);
        t.max!.push(max);
      }
    }
    const series = (
      this.seriesOf.all(sector) as { id: string; name: string; unit: string; thresholds: string | null }[]
    ).map((s) => {
      const l = latest.get(s.id);
      const thresholds = s.thresholds ? (JSON.parse(s.thresholds) as Thresholds) : null;
      return {
        seriesId: s.id,
        sector,
        name: s.name,
        unit: s.unit,
        siteId: null,
        thresholds,
        pending: false,
        latest: l ? { value: l.value, at: l.at } : null,
        level: l ? levelOf(l.value, thresholds) : ('normal' as const),
        trend: trendOf(s.id),
      };
    });
    return { sector, range, from, to, series };
  }

  close(): void {
    this.db.close();
  }
}
