// The console's local cache: what the UI reads, always, whether or not the central API answers.
import type { Database, Statement } from 'better-sqlite3';
import type { Change, EntityName } from '../../common/central-api';
import type { DecisionInput, Layout, Site, SiteState } from '../../common/entities';
import type { DecisionView, IncidentView, Overview } from '../../common/host-api';
import { ChangeApplier } from './apply-changes';
import { openDatabase } from './database';
import type { Connectivity, ConnectivityFilter } from '../../common/connectivity';
import type { CsvDecision } from '../../common/decision-csv';
import {
  checkDecisionChain,
  decisionsForExport,
  heldCorrections,
  heldDecision,
  heldDecisions,
  type ChainCheck,
} from './decision-log';
import type { HeldDecision } from '../../common/situation-report';
import { readConnectivity } from './connectivity-query';
import { DecisionVerifier } from './decision-verifier';
import { IncidentRepository } from './incident-repository';
import { IncidentTimelineRepository } from './incident-timeline-repository';
import { LayoutRepository } from './layout-repository';
import { Outbox } from './outbox';
import { StatusHistory } from './status-history';
import { ReadingCache } from './reading-cache';
import { SectorStore } from './sector-store';

export interface PageOutcome {
  entities: EntityName[];
  skipped: { seq: number; reason: string }[];
}

export class ConsoleStore {
  readonly outbox: Outbox;
  readonly incidentRepo: IncidentRepository;
  readonly layoutRepo: LayoutRepository;
  /** What this console verified of the decision log, and the tamper alarms. */
  readonly trust: DecisionVerifier;
  readonly timelineRepo: IncidentTimelineRepository;
  readonly statusHistory: StatusHistory;
  /** Sector readings, bounded: raw for some days, hourly after that (reading-cache.ts). */
  readonly readings: ReadingCache;
  /** The sector dashboards' reads and a supervisor's thresholds (sector-store.ts). */
  readonly sectors: SectorStore;
  private readonly applier: ChangeApplier;
  /** Read and written with every page of the feed: made once. */
  private readonly cursorGet: Statement;
  private readonly cursorSet: Statement;

  private constructor(
    private readonly db: Database,
    readonly path: string,
  ) {
    this.outbox = new Outbox(db);
    this.incidentRepo = new IncidentRepository(db, this.outbox);
    this.layoutRepo = new LayoutRepository(db, this.outbox);
    this.trust = new DecisionVerifier(db);
    this.timelineRepo = new IncidentTimelineRepository(db, this.outbox);
    this.statusHistory = new StatusHistory(db);
    this.readings = new ReadingCache(db);
    this.sectors = new SectorStore(db, this.outbox);
    this.applier = new ChangeApplier(db, this.trust, this.readings, this.statusHistory);
    this.cursorGet = db.prepare(`SELECT value FROM sync_state WHERE key = 'cursor'`);
    this.cursorSet = db.prepare(
      `INSERT INTO sync_state (key, value) VALUES ('cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  static open(path: string): ConsoleStore {
    return new ConsoleStore(openDatabase(path), path);
  }

  close(): void {
    this.db.close();
  }

  cursor(): number {
    const row = this.cursorGet.get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  /** A page and the cursor after it commit together, so every change is applied exactly once across crashes. */
  applyPage(changes: readonly Change[], lastSeq: number): PageOutcome {
    return this.db.transaction(() => {
      const from = this.cursor();
      const fresh = changes.filter((c) => c.seq > from);
      const outcome = this.applier.apply(fresh);
      this.outbox.prune();
      const to = Math.max(from, lastSeq, ...fresh.map((c) => c.seq));
      this.cursorSet.run(String(to));
      return { entities: [...outcome.entities], skipped: outcome.skipped };
    })();
  }

  setting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else
      this.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value);
  }

  /** Settings whose key starts with `prefix` (e.g. the sealed tokens). */
  settingsWithPrefix(prefix: string): { key: string; value: string }[] {
    return this.db
      .prepare(`SELECT key, value FROM settings WHERE substr(key, 1, length(?)) = ?`)
      .all(prefix, prefix) as { key: string; value: string }[];
  }

  /** The decision shows at once as pending; it and its outbox entry commit in one transaction (the one write path). */
  recordDecision(input: DecisionInput, operatorId: string, consoleId: string): DecisionView {
    const local = { ...input, operatorId, consoleId };
    this.outbox.write({
      id: input.id,
      entity: 'decision',
      recordId: input.id,
      op: 'upsert',
      data: { ...input },
      clientTime: input.decidedAt,
      operatorId,
      shown: () => local,
    });
    return { ...local, seq: null, hash: null, state: 'pending', error: null };
  }

  /** Several writes that commit together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** How many readings the cache holds. */
  readingCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM readings').get() as { n: number }).n;
  }

  /** The decision chain recomputed over the central decisions held here (decision-log.ts). */
  checkDecisionChain(): ChainCheck {
    return checkDecisionChain(this.db);
  }

  /** The central decisions decided in [from, to), for the CSV export. */
  decisionsForExport(from: string | null, to: string | null): CsvDecision[] {
    return decisionsForExport(this.db, from, to);
  }

  /** Decisions decided in [from, to) as the log shows them (central, waiting, refused), for the situation report. */
  heldDecisions(from: string | null, to: string | null): HeldDecision[] {
    return heldDecisions(this.db, from, to);
  }

  /** Every decision held that corrects another. */
  heldCorrections(): HeldDecision[] {
    return heldCorrections(this.db);
  }

  /** One decision held here (central, waiting or refused), or null. */
  heldDecision(id: string): HeldDecision | null {
    return heldDecision(this.db, id);
  }

  /** The connectivity monitor's view: watched sites, their state, since when, uptime, the outages grouped. */
  connectivity(filter: ConnectivityFilter, now: Date): Connectivity {
    return readConnectivity(this.db, this.statusHistory, filter, now);
  }

  /** Checkpoints the WAL without waiting for readers. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** An online copy of the live database (readers and writers go on). */
  async copyTo(path: string): Promise<void> {
    await this.db.backup(path);
  }

  /**
   * Replaces every central table with the one of a staged copy and moves the cursor, in one transaction. The
   * outbox (what this console wrote and the central side has not taken) is not central: it stays as it is. `merge`
   * runs inside the same transaction, with the staged copy attached as `stage` (the decision verifier's merge).
   */
  swapCentral(stagePath: string, tables: readonly string[], cursor: number, merge?: () => void): void {
    this.db.prepare('ATTACH DATABASE ? AS stage').run(stagePath);
    try {
      this.db.transaction(() => {
        for (const t of tables) this.db.exec(`DELETE FROM main.${t}; INSERT INTO main.${t} SELECT * FROM stage.${t};`);
        merge?.();
        this.outbox.prune();
        this.readings.forget();
        this.db
          .prepare(
            `INSERT INTO main.sync_state (key, value) VALUES ('cursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          )
          .run(String(cursor));
      })();
    } finally {
      this.db.exec('DETACH DATABASE stage');
    }
  }

  /**
   * The ones still waiting first, newest written first (the order they were written in, not their decidedAt: the
   * console clock may be off or jump), then central order (seq).
   */
  decisions(limit = 200): DecisionView[] {
    type Row = {
      data: string;
      seq: number | null;
      hash: string | null;
      state: DecisionView['state'];
      error: string | null;
    };
    // Two index walks instead of one sort of every decision ever made (a year of them made the list take 40 ms).
    // Waiting: the outbox rows of decisions the feed has not brought back (pending, applied, or refused).
    const waiting = this.db
      .prepare(
        `SELECT o.shown AS data, NULL AS seq, NULL AS hash,
        CASE WHEN o.state IN ('pending', 'applied') THEN 'pending' ELSE 'rejected' END AS state,
        CASE WHEN o.state IN ('pending', 'applied') THEN NULL ELSE o.error END AS error
      FROM outbox o WHERE o.entity = 'decision' AND o.shown IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = o.record_id)
      ORDER BY o.n DESC LIMIT ?`,
      )
      .all(limit) as Row[];
    const central =
      waiting.length >= limit
        ? []
        : (this.db
            .prepare(
              `SELECT data, seq, hash, state, error FROM decisions
      WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT ?`,
            )
            .all(limit - waiting.length) as Row[]);
    // Fields named one by one: object rest and spread over 200 rows took half the time of this list.
    return [...waiting, ...central].map((r) => {
      const d = JSON.parse(r.data) as DecisionView;
      return {
        id: d.id,
        incidentId: d.incidentId,
        decidedAt: d.decidedAt,
        summary: d.summary,
        rationale: d.rationale,
        action: d.action,
        supersedes: d.supersedes,
        wall: d.wall,
        operatorId: d.operatorId,
        consoleId: d.consoleId,
        seq: r.seq,
        hash: r.hash,
        state: r.state,
        error: r.error,
      };
    });
  }

  incidents(): IncidentView[] {
    return this.incidentRepo.list();
  }

  sites(kind?: string): (Site & { state: SiteState | null })[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.kind, s.name, s.district_code AS districtCode, s.lat, s.lon, st.state FROM sites s
      LEFT JOIN statuses st ON st.site_id = s.id WHERE (? IS NULL OR s.kind = ?) ORDER BY s.name`,
      )
      .all(kind ?? null, kind ?? null);
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
    const counts = this.db
      .prepare(
        `SELECT COALESCE(st.state, 'unknown') AS state, COUNT(*) AS n FROM sites s
      LEFT JOIN statuses st ON st.site_id = s.id GROUP BY 1`,
      )
      .all() as { state: keyof typeof states; n: number }[];
    let sites = 0;
    for (const c of counts) {
      states[c.state] = c.n;
      sites += c.n;
    }
    const down = this.db
      .prepare(
        `SELECT s.id, s.name, s.kind, st.at AS since FROM statuses st JOIN sites s ON s.id = st.site_id
      WHERE st.state = 'down' ORDER BY st.at DESC LIMIT 20`,
      )
      .all() as Overview['down'];
    const kpis = this.db
      .prepare(
        `SELECT s.id AS seriesId, s.name, s.sector, s.unit, r.value, r.at FROM series s
      JOIN readings r ON r.series_id = s.id AND r.at = (SELECT MAX(at) FROM readings WHERE series_id = s.id)
      ORDER BY s.sector, s.name`,
      )
      .all() as Overview['kpis'];
    return { sites, states, down, kpis };
  }
}
