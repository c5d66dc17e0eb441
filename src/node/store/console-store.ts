// The console's local cache: what the UI reads, always, whether or not the central API answers.
import type { Database } from 'better-sqlite3';
import type { Change, EntityName } from '../../common/central-api';
import type { DecisionInput, Layout, Site, SiteState } from '../../common/entities';
import type { DecisionView, IncidentView, Overview } from '../../common/host-api';
import { ChangeApplier } from './apply-changes';
import { openDatabase } from './database';
import { IncidentRepository } from './incident-repository';
import { LayoutRepository } from './layout-repository';
import { Outbox } from './outbox';
import { StatusHistory } from './status-history';

export interface PageOutcome { entities: EntityName[]; skipped: { seq: number; reason: string }[] }

export class ConsoleStore {
  readonly outbox: Outbox;
  readonly incidentRepo: IncidentRepository;
  readonly layoutRepo: LayoutRepository;
  readonly statusHistory: StatusHistory;
  private readonly applier: ChangeApplier;

  private constructor(readonly db: Database, readonly path: string) {
    this.outbox = new Outbox(db);
    this.incidentRepo = new IncidentRepository(db, this.outbox);
    this.outbox.settledHooks.incident = (id, result, entry) => this.incidentRepo.settled(id, result, entry);
    this.layoutRepo = new LayoutRepository(db, this.outbox);
    this.outbox.settledHooks.layout = (id, result, entry) => this.layoutRepo.settled(id, result, entry);
    this.statusHistory = new StatusHistory(db);
    this.applier = new ChangeApplier(db, this.statusHistory);
  }

  static open(path: string): ConsoleStore {
    return new ConsoleStore(openDatabase(path), path);
  }

  close(): void {
    this.db.close();
  }

  cursor(): number {
    const row = this.db.prepare(`SELECT value FROM sync_state WHERE key = 'cursor'`).get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  /** A page and the cursor after it commit together, so every change is applied exactly once across crashes. */
  applyPage(changes: readonly Change[], lastSeq: number): PageOutcome {
    return this.db.transaction(() => {
      const from = this.cursor();
      const fresh = changes.filter((c) => c.seq > from);
      const outcome = this.applier.apply(fresh);
      const to = Math.max(from, lastSeq, ...fresh.map((c) => c.seq));
      this.db.prepare(`INSERT INTO sync_state (key, value) VALUES ('cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(String(to));
      return { entities: [...outcome.entities], skipped: outcome.skipped };
    })();
  }

  setting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The decision shows at once as pending; it and its outbox entry commit in one transaction. */
  recordDecision(input: DecisionInput, operatorId: string, consoleId: string): DecisionView {
    const local = { ...input, operatorId, consoleId };
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO decisions (id, data, seq, hash, state, error, recorded_at) VALUES (?, ?, NULL, NULL, 'pending', NULL, ?)`)
        .run(input.id, JSON.stringify(local), input.decidedAt);
      this.outbox.add({ id: input.id, entity: 'decision', op: 'upsert', data: { ...input }, clientTime: input.decidedAt }, operatorId);
    })();
    return { ...local, seq: null, hash: null, state: 'pending', error: null };
  }

  /**
   * The ones still waiting first, newest written first (the order they were written in, not their decidedAt: the
   * console clock may be off or jump), then central order (seq).
   */
  decisions(limit = 200): DecisionView[] {
    type Row = { data: string; seq: number | null; hash: string | null; state: DecisionView['state']; error: string | null };
    // Two index walks instead of one sort of every decision ever made (a year of them made the list take 40 ms).
    const waiting = this.db.prepare(`SELECT data, seq, hash, state, error FROM decisions WHERE seq IS NULL
      ORDER BY rowid DESC LIMIT ?`).all(limit) as Row[];
    const central = waiting.length >= limit ? [] : this.db.prepare(`SELECT data, seq, hash, state, error FROM decisions
      WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT ?`).all(limit - waiting.length) as Row[];
    // Fields named one by one: object rest and spread over 200 rows took half the time of this list.
    return [...waiting, ...central].map((r) => {
      const d = JSON.parse(r.data) as DecisionView;
      return {
        id: d.id, incidentId: d.incidentId, decidedAt: d.decidedAt, summary: d.summary, rationale: d.rationale, action: d.action,
        supersedes: d.supersedes, operatorId: d.operatorId, consoleId: d.consoleId, seq: r.seq, hash: r.hash, state: r.state, error: r.error,
      };
    });
  }

  incidents(): IncidentView[] {
    return this.incidentRepo.list();
  }

  sites(kind?: string): (Site & { state: SiteState | null })[] {
    const rows = this.db.prepare(`SELECT s.id, s.kind, s.name, s.district_code AS districtCode, s.lat, s.lon, st.state FROM sites s
      LEFT JOIN statuses st ON st.site_id = s.id WHERE (? IS NULL OR s.kind = ?) ORDER BY s.name`).all(kind ?? null, kind ?? null);
    return rows as (Site & { state: SiteState | null })[];
  }

  /** As the room sees them: central layouts with this console's pending edits laid over (layout-repository.ts). */
  layouts(): Layout[] {
    return this.layoutRepo.list().layouts;
  }

  layout(id: string): Layout | null {
    return this.layoutRepo.get(id);
  }

  overview(): Overview {
    const states = { up: 0, degraded: 0, down: 0, unknown: 0 };
    const counts = this.db.prepare(`SELECT COALESCE(st.state, 'unknown') AS state, COUNT(*) AS n FROM sites s
      LEFT JOIN statuses st ON st.site_id = s.id GROUP BY 1`).all() as { state: keyof typeof states; n: number }[];
    let sites = 0;
    for (const c of counts) { states[c.state] = c.n; sites += c.n; }
    const down = this.db.prepare(`SELECT s.id, s.name, s.kind, st.at AS since FROM statuses st JOIN sites s ON s.id = st.site_id
      WHERE st.state = 'down' ORDER BY st.at DESC LIMIT 20`).all() as Overview['down'];
    const kpis = this.db.prepare(`SELECT s.id AS seriesId, s.name, s.sector, s.unit, r.value, r.at FROM series s
      JOIN readings r ON r.series_id = s.id AND r.at = (SELECT MAX(at) FROM readings WHERE series_id = s.id)
      ORDER BY s.sector, s.name`).all() as Overview['kpis'];
    return { sites, states, down, kpis };
  }
}
