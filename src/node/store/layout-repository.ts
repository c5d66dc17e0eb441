// Presenter edits of wall layouts. The `layouts` table stays the central copy, written only by the feed and by
// central answers; a pending edit is its outbox row (the one write path, outbox.ts), laid over that copy on every
// read. So an edit the central side rejects or loses to a conflict falls back to the central record with nothing
// to restore, and the feed never overwrites what the presenter sees before the central side answered.
import type { Database } from 'better-sqlite3';
import { Layout, type LayoutInput } from '../../common/entities';
import type { LayoutListing } from '../../common/host-api';
import { LayoutDraft } from '../../common/layout-check';
import type { LayoutLostEdit } from '../../common/wall-plan-api';
import type { Outbox } from './outbox';

const byName = (a: Layout, b: Layout) => a.name.localeCompare(b.name, 'id');

export class LayoutRepository {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {}

  list(): LayoutListing {
    const rows = this.db.prepare('SELECT data FROM layouts').all() as { data: string }[];
    const shown = new Map<string, Layout>();
    for (const r of rows) {
      const l = Layout.safeParse(JSON.parse(r.data));
      if (l.success) shown.set(l.data.id, l.data);
    }
    const pending = new Set<string>();
    for (const [id, o] of this.outbox.overlays('layout')) {
      if (o.pendingWrites > 0) pending.add(id);
      const over = this.overlay(o.op, o.shown);
      if (over) shown.set(id, over);
      else shown.delete(id);
    }
    return { layouts: [...shown.values()].sort(byName), pending: [...pending].filter((id) => shown.has(id)) };
  }

  get(id: string): Layout | null {
    const row = this.db.prepare('SELECT data FROM layouts WHERE id = ?').get(id) as { data: string } | undefined;
    const parsed = row ? Layout.safeParse(JSON.parse(row.data)) : null;
    const o = this.outbox.overlays('layout', id).get(id);
    return o ? this.overlay(o.op, o.shown) : parsed?.success ? parsed.data : null;
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
    const shown = this.outbox.write({
      entity: 'layout',
      recordId: input.id,
      op: 'upsert',
      data: { ...input },
      clientTime: now,
      operatorId,
      knownVersion: baseVersion,
      shown: (base) => ({ ...input, version: base ?? this.centralVersion(input.id) ?? 1, updatedAt: now }),
    });
    return this.overlay('upsert', shown)!;
  }

  /** Hides the layout at once and queues its deletion; a layout that never reached the central side is simply forgotten. */
  remove(id: string, baseVersion: number, operatorId: string, now: string): void {
    this.db.transaction(() => {
      const first = this.outbox.waiting('layout', id)[0];
      if (this.centralVersion(id) === null && first && first.baseVersion === undefined) {
        this.outbox.drop('layout', id);
        return;
      }
      this.outbox.write({
        entity: 'layout',
        recordId: id,
        op: 'delete',
        data: { id },
        clientTime: now,
        operatorId,
        knownVersion: baseVersion,
        shown: () => null,
      });
    })();
  }

  /** Edits the central side did not take, kept for the presenter to look at until dismissed. */
  lostEdits(): LayoutLostEdit[] {
    return this.outbox
      .parked()
      .filter((p) => p.entity === 'layout')
      .map((p) => {
        const colon = p.error.indexOf(':');
        const yours = LayoutDraft.safeParse(p.yours);
        const central = Layout.safeParse(p.central);
        return {
          id: p.id,
          layoutId: p.recordId,
          op: yours.success ? 'upsert' : 'delete',
          state: p.state,
          code: colon > 0 ? p.error.slice(0, colon) : p.state,
          message: colon > 0 ? p.error.slice(colon + 1).trim() : p.error,
          yours: yours.success ? yours.data : null,
          central: central.success ? central.data : null,
          clientTime: p.clientTime,
        };
      });
  }

  private overlay(op: 'upsert' | 'delete', shown: unknown): Layout | null {
    if (op === 'delete') return null;
    const l = Layout.safeParse(shown);
    return l.success ? l.data : null;
  }
}
