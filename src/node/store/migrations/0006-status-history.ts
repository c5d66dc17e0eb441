import type { Database } from 'better-sqlite3';

// Link status over time, not only the latest: "since when", outage lengths and 7-day uptime need it.
// Bounded by status-history.ts (age and row count), so a year of flapping links does not grow the cache.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE status_history (site_id TEXT NOT NULL, at TEXT NOT NULL, state TEXT NOT NULL,
      latency_ms REAL, bandwidth_mbps REAL, PRIMARY KEY (site_id, at)) WITHOUT ROWID;
    CREATE INDEX status_history_at ON status_history (at);
    INSERT OR IGNORE INTO status_history (site_id, at, state, latency_ms, bandwidth_mbps)
      SELECT site_id, at, state, latency_ms, bandwidth_mbps FROM statuses;
  `);
}
