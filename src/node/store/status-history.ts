// Every link status the feed brought, kept for a bounded time: the source of "since when" and uptime.
import type { Database, Statement } from 'better-sqlite3';
import type { SiteState, Status } from '../../common/entities';
import type { StatusPoint } from '../../common/connectivity';

export interface HistoryLimits {
  /** Rows older than this before the newest status go. */
  keepDays: number;
  /** And never more rows than this (the oldest go first). */
  maxRows: number;
}
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { keepDays: 8, maxRows: 400_000 };

export interface SiteHistory {
  points: StatusPoint[];
  before: SiteState | null;
  beforeAt: string | null;
}

export class StatusHistory {
  private readonly insert: Statement;
  private added = 0;

  constructor(
    private readonly db: Database,
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {
    this.insert = db.prepare(`INSERT OR IGNORE INTO status_history (site_id, at, state, latency_ms, bandwidth_mbps)
      VALUES (@siteId, @at, @state, @latencyMs, @bandwidthMbps)`);
  }

  record(s: Status): void {
    this.added += this.insert.run(s).changes;
  }

  /** Called after each applied page; trims only once enough rows came in to matter. */
  pruneIfDue(): void {
    if (this.added < 500) return;
    this.prune();
  }

  prune(): number {
    this.added = 0;
    const newest = this.db.prepare('SELECT MAX(at) FROM status_history').pluck().get() as string | null;
    if (!newest) return 0;
    const cutoff = new Date(Date.parse(newest) - this.limits.keepDays * 86_400_000).toISOString();
    let removed = this.db.prepare('DELETE FROM status_history WHERE at < ?').run(cutoff).changes;
    const rows = this.db.prepare('SELECT COUNT(*) FROM status_history').pluck().get() as number;
    if (rows > this.limits.maxRows) {
      removed += this.db
        .prepare(
          `DELETE FROM status_history WHERE (site_id, at) IN (SELECT site_id, at FROM status_history ORDER BY at LIMIT ?)`,
        )
        .run(rows - this.limits.maxRows).changes;
    }
    return removed;
  }

  count(): number {
    return this.db.prepare('SELECT COUNT(*) FROM status_history').pluck().get() as number;
  }

  /** Per site: its points from `from` on, in time order, and the last state before `from`. */
  since(from: string): Map<string, SiteHistory> {
    const out = new Map<string, SiteHistory>();
    const get = (id: string) => {
      let h = out.get(id);
      if (!h) {
        h = { points: [], before: null, beforeAt: null };
        out.set(id, h);
      }
      return h;
    };
    const before = this.db
      .prepare(
        `SELECT h.site_id AS siteId, h.at, h.state FROM status_history h
      JOIN (SELECT site_id, MAX(at) AS at FROM status_history WHERE at < ? GROUP BY site_id) last
      ON last.site_id = h.site_id AND last.at = h.at`,
      )
      .all(from) as { siteId: string; at: string; state: SiteState }[];
    for (const b of before) Object.assign(get(b.siteId), { before: b.state, beforeAt: b.at });
    const rows = this.db
      .prepare('SELECT site_id AS siteId, at, state FROM status_history WHERE at >= ? ORDER BY site_id, at')
      .all(from) as { siteId: string; at: string; state: SiteState }[];
    for (const r of rows) get(r.siteId).points.push({ at: r.at, state: r.state });
    return out;
  }
}
