// Applies one page of the central change feed to the cache. The caller wraps it with the cursor in one transaction.
import type { Database, Statement } from 'better-sqlite3';
import { ENTITY_DATA, type Change, type EntityName } from '../../common/central-api';
import { canonicalJson } from '../../common/canonical-json';
import type { SigningKey } from '../../common/decision-signing';
import type { Decision, Reading, Status } from '../../common/entities';
import type { DecisionVerifier } from './decision-verifier';
import type { ReadingCache } from './reading-cache';
import type { StatusHistory } from './status-history';

export interface ApplyOutcome {
  entities: Set<EntityName>;
  skipped: { seq: number; reason: string }[];
}

export class ChangeApplier {
  private readonly st: Record<string, Statement>;

  constructor(
    db: Database,
    private readonly verifier: DecisionVerifier,
    private readonly readings: ReadingCache,
    private readonly history?: StatusHistory,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      siteUp:
        p(`INSERT INTO sites (id, kind, name, district_code, lat, lon, version) VALUES (@id, @kind, @name, @districtCode, @lat, @lon, @version)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, district_code = excluded.district_code,
        lat = excluded.lat, lon = excluded.lon, version = excluded.version`),
      siteDel: p('DELETE FROM sites WHERE id = ?'),
      // Newest `at` wins, whatever order the changes come in.
      statusUp:
        p(`INSERT INTO statuses (site_id, at, state, latency_ms, bandwidth_mbps) VALUES (@siteId, @at, @state, @latencyMs, @bandwidthMbps)
        ON CONFLICT (site_id) DO UPDATE SET at = excluded.at, state = excluded.state, latency_ms = excluded.latency_ms,
        bandwidth_mbps = excluded.bandwidth_mbps WHERE excluded.at >= statuses.at`),
      // v1.1 (migration 0007): with its thresholds; the newest version wins (a supervisor's write kept before the feed).
      seriesUp:
        p(`INSERT INTO series (id, sector, name, unit, site_id, thresholds, version) VALUES (@id, @sector, @name, @unit, @siteId, @thresholds, @version)
        ON CONFLICT (id) DO UPDATE SET sector = excluded.sector, name = excluded.name, unit = excluded.unit, site_id = excluded.site_id,
        thresholds = excluded.thresholds, version = excluded.version WHERE excluded.version >= series.version`),
      incidentUp: p(`INSERT INTO incidents (id, data, version, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at
        WHERE excluded.version >= incidents.version`),
      incidentDel: p('DELETE FROM incidents WHERE id = ?'),
      // The central record, once verified (decision-verifier.ts), replaces the local pending copy of the same decision.
      decisionUp:
        p(`INSERT INTO decisions (id, data, seq, hash, state, error, recorded_at) VALUES (?, ?, ?, ?, 'synced', NULL, ?)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq, hash = excluded.hash, state = 'synced', error = NULL`),
      layoutUp: p(`INSERT INTO layouts (id, data, version) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version WHERE excluded.version >= layouts.version`),
      layoutDel: p('DELETE FROM layouts WHERE id = ?'),
      // v1.1 (migration 0005): notes and events are append only (this console's own wait in the outbox meanwhile).
      noteUp: p(`INSERT INTO incident_notes (id, incident_id, data, seq) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq`),
      eventUp: p('INSERT OR IGNORE INTO incident_events (id, incident_id, seq, data) VALUES (?, ?, ?, ?)'),
    };
  }

  apply(changes: readonly Change[]): ApplyOutcome {
    const outcome: ApplyOutcome = { entities: new Set(), skipped: [] };
    try {
      for (const c of changes) {
        const problem = this.applyOne(c);
        if (problem) outcome.skipped.push({ seq: c.seq, reason: problem });
        else outcome.entities.add(c.entity);
      }
      // The readings' hours commit with them, in the page's transaction.
      this.readings.flush();
    } catch (e) {
      this.readings.discard();
      throw e;
    }
    this.history?.pruneIfDue();
    return outcome;
  }

  /** Returns why a change was skipped, or null when applied. A bad record never stops the rest of the page. */
  private applyOne(c: Change): string | null {
    const st = this.st;
    if (c.op === 'delete') {
      const del = { site: st.siteDel, incident: st.incidentDel, layout: st.layoutDel }[c.entity as string];
      if (!del) return `${c.entity} records are never deleted`;
      del.run(c.id);
      return null;
    }
    const parsed = ENTITY_DATA[c.entity].safeParse(c.data);
    if (!parsed.success)
      return `invalid ${c.entity} ${c.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`;
    const d = parsed.data as Record<string, unknown>;
    switch (c.entity) {
      case 'site':
        st.siteUp!.run({ ...d, version: c.version });
        break;
      case 'status':
        st.statusUp!.run(d);
        this.history?.record(d as Status);
        break;
      case 'series':
        st.seriesUp!.run({
          siteId: null,
          ...d,
          thresholds: d.thresholds ? JSON.stringify(d.thresholds) : null,
          version: c.version,
        });
        break;
      case 'reading':
        this.readings.add(d as Reading);
        break;
      case 'incident':
        st.incidentUp!.run(c.id, canonicalJson(d), d.version, d.updatedAt);
        break;
      case 'decision':
        return this.verifier.decision(c, d as Decision, () =>
          st.decisionUp!.run(c.id, canonicalJson(d), d.seq, d.hash, d.decidedAt),
        );
      case 'signing_key':
        return this.verifier.key(c, d as SigningKey);
      case 'layout':
        st.layoutUp!.run(c.id, canonicalJson(d), d.version);
        break;
      case 'incident_note':
        st.noteUp!.run(c.id, d.incidentId, canonicalJson(d), c.seq);
        break;
      case 'incident_event':
        st.eventUp!.run(c.id, d.incidentId, c.seq, canonicalJson(d));
        break;
    }
    return null;
  }
}
