// Presenter edits of wall layouts. The `layouts` table stays the central copy, written only by the feed and by
// central answers; a pending edit *is* its outbox row, laid over that copy on every read. So an edit the central
// side rejects or loses to a conflict falls back to the central record with nothing to restore, the feed never
// overwrites what the presenter sees before the central side answered, and no migration is needed.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { MutationResult } from '../../common/central-api';
import { canonicalJson } from '../../common/canonical-json';
import { Layout, type LayoutInput } from '../../common/entities';
import { LayoutDraft } from '../../common/layout-check';
import type { Outbox, OutboxEntry } from './outbox';

interface DraftRow { n: number; op: 'upsert' | 'delete'; base_version: number | null; data: string; client_time: string }

export interface LayoutListing { layouts: Layout[]; pending: string[] }

/** An edit the central side did not take, kept for the presenter to look at until dismissed. */
export interface LostLayoutEdit {
  id: string;
  layoutId: string;
  op: 'upsert' | 'delete';
  state: 'conflict' | 'rejected';
  code: string;
  message: string;
  yours: LayoutDraft | null;
  central: Layout | null;
  clientTime: string;
}

const byName = (a: Layout, b: Layout) => a.name.localeCompare(b.name, 'id');

export class LayoutRepository {
  constructor(private readonly db: Database, private readonly outbox: Outbox) {}

  list(): LayoutListing {
    const rows = this.db.prepare('SELECT data FROM layouts').all() as { data: string }[];
    const shown = new Map<string, Layout>();
    for (const r of rows) {
      const l = Layout.safeParse(JSON.parse(r.data));
      if (l.success) shown.set(l.data.id, l.data);
    }
    const pending = new Set<string>();
    for (const d of this.drafts()) {
      const id = String((JSON.parse(d.data) as { id: unknown }).id);
      pending.add(id);
      const over = this.overlay(d, shown.get(id) ?? null);
      if (over) shown.set(id, over);
      else shown.delete(id);
    }
    return { layouts: [...shown.values()].sort(byName), pending: [...pending].filter((id) => shown.has(id)) };
  }

  get(id: string): Layout | null {
    const row = this.db.prepare('SELECT data FROM layouts WHERE id = ?').get(id) as { data: string } | undefined;
    const parsed = row ? Layout.safeParse(JSON.parse(row.data)) : null;
    let shown = parsed?.success ? parsed.data : null;
    for (const d of this.drafts(id)) shown = this.overlay(d, shown);
    return shown;
  }

  /** The version an edit of this layout should name: the central one, or the one a pending edit started from. */
  centralVersion(id: string): number | null {
    const row = this.db.prepare('SELECT version FROM layouts WHERE id = ?').get(id) as { version: number } | undefined;
    return row?.version ?? null;
  }

  /**
   * Records a new layout or an edit, and its outbox entry, in one transaction. A second edit while the first
   * still waits replaces it (same base version), rather than chaining on the version the first would produce:
   * chained edits sent in one call could apply the second over someone else's change after the first conflicted.
   */
  save(input: LayoutInput, baseVersion: number | undefined, operatorId: string, now: string): Layout {
    return this.db.transaction(() => {
      const base = this.dropDrafts(input.id, baseVersion);
      this.outbox.add({
        id: randomUUID(), entity: 'layout', op: 'upsert', ...(base === undefined ? {} : { baseVersion: base }),
        data: { ...input }, clientTime: now,
      }, operatorId);
      return this.get(input.id)!;
    })();
  }

  /** Hides the layout at once and queues its deletion; a layout that never reached the central side is simply forgotten. */
  remove(id: string, baseVersion: number, operatorId: string, now: string): void {
    this.db.transaction(() => {
      const known = this.centralVersion(id) !== null;
      const base = this.dropDrafts(id, baseVersion);
      if (!known && base === undefined) return;
      this.outbox.add({ id: randomUUID(), entity: 'layout', op: 'delete', baseVersion: base ?? baseVersion, data: { id }, clientTime: now }, operatorId);
    })();
  }

  /** Called inside Outbox.settle's transaction: what the central answer means for the central copy. */
  settled(layoutId: string, result: MutationResult, entry: OutboxEntry): void {
    const { op } = entry.mutation;
    if (result.status === 'applied' || result.status === 'duplicate') {
      if (op === 'delete') this.forget(layoutId);
      // Written now, so the console and walls do not fall back to the old copy until the feed brings the new one.
      else if (result.version !== undefined) {
        this.keep({ ...(entry.mutation.data as LayoutInput), version: result.version, updatedAt: entry.mutation.clientTime });
      }
    } else if (result.status === 'conflict') {
      // The central record wins; the presenter's edit stays in the parked outbox row.
      if (result.current === null) this.forget(layoutId);
      else {
        const current = Layout.safeParse(result.current);
        if (current.success) this.keep(current.data);
      }
    }
  }

  lostEdits(): LostLayoutEdit[] {
    return this.outbox.parked().filter((p) => p.entity === 'layout').map((p) => {
      const colon = p.error.indexOf(':');
      const yours = LayoutDraft.safeParse(p.yours);
      const central = Layout.safeParse(p.central);
      return {
        id: p.id, layoutId: p.recordId, op: yours.success ? 'upsert' : 'delete', state: p.state,
        code: colon > 0 ? p.error.slice(0, colon) : p.state, message: colon > 0 ? p.error.slice(colon + 1).trim() : p.error,
        yours: yours.success ? yours.data : null, central: central.success ? central.data : null, clientTime: p.clientTime,
      };
    });
  }

  private drafts(id?: string): DraftRow[] {
    return this.db.prepare(`SELECT n, op, base_version, data, client_time FROM outbox WHERE entity = 'layout' AND state = 'pending'
      AND (? IS NULL OR json_extract(data, '$.id') = ?) ORDER BY n`).all(id ?? null, id ?? null) as DraftRow[];
  }

  /** Removes waiting edits of a layout; returns the base version the replacement must carry. */
  private dropDrafts(id: string, fallback: number | undefined): number | undefined {
    const waiting = this.drafts(id);
    const first = waiting[0];
    for (const d of waiting) this.db.prepare(`DELETE FROM outbox WHERE n = ? AND state = 'pending'`).run(d.n);
    return first ? (first.base_version ?? undefined) : fallback;
  }

  private overlay(d: DraftRow, central: Layout | null): Layout | null {
    if (d.op === 'delete') return null;
    const draft = LayoutDraft.safeParse(JSON.parse(d.data));
    if (!draft.success) return central;
    return { ...draft.data, version: d.base_version ?? central?.version ?? 1, updatedAt: d.client_time };
  }

  private keep(l: Layout): void {
    this.db.prepare(`INSERT INTO layouts (id, data, version) VALUES (?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version WHERE excluded.version >= layouts.version`)
      .run(l.id, canonicalJson(l), l.version);
  }

  private forget(id: string): void {
    this.db.prepare('DELETE FROM layouts WHERE id = ?').run(id);
  }
}
