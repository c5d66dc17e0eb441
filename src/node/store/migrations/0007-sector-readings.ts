import type { Database } from 'better-sqlite3';

// Sector dashboards: a series keeps its thresholds (v1.1) and its feed version (a supervisor's write through the
// outbox and the feed settle on the newest), and readings get hourly buckets (count, sum, lowest, highest), kept
// for every reading as it arrives, so raw readings can go after a few days (reading-cache.ts) while the 7-day
// trend and older history stay. The buckets of the readings an older cache already holds are made here.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE series ADD COLUMN thresholds TEXT;
    ALTER TABLE series ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE reading_hours (series_id TEXT NOT NULL, hour INTEGER NOT NULL, n INTEGER NOT NULL,
      sum REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, PRIMARY KEY (series_id, hour)) WITHOUT ROWID;
    INSERT INTO reading_hours (series_id, hour, n, sum, min, max)
      SELECT series_id, (CAST(strftime('%s', at) AS INTEGER) / 3600) * 3600000, COUNT(*), SUM(value), MIN(value),
        MAX(value)
      FROM readings WHERE strftime('%s', at) IS NOT NULL GROUP BY 1, 2;
  `);
}
