// Incident notes and timeline in the console's cache: central events and notes from the feed, this console's notes
// waiting in the outbox beside them, and the FTS5 search over titles, OPD and notes (migration 0020).
import type { Database } from 'better-sqlite3';
import type { MutationResult } from '../../common/central-api';
import type { Incident } from '../../common/entities';
import type { TimelineEntry } from '../../common/incident-api';
import { eventsOfChange, type IncidentEvent, type IncidentNote, type IncidentNoteInput } from '../../common/incident-timeline';
import type { Outbox } from './outbox';

type NoteRow = { data: string; seq: number | null; state: TimelineEntry['state'] };

export class IncidentTimelineRepository {
  constructor(private readonly db: Database, private readonly outbox: Outbox) {}

  /** The note shows at once as pending; it and its outbox entry commit in one transaction. */
  addNote(input: IncidentNoteInput, operatorId: string, consoleId: string, now: string): TimelineEntry {
    const local: IncidentNote = { ...input, at: now, operatorId, consoleId };
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO incident_notes (id, incident_id, data, seq, state, error) VALUES (?, ?, ?, NULL, 'pending', NULL)`)
        .run(input.id, input.incidentId, JSON.stringify(local));
      this.outbox.add({ id: crypto.randomUUID(), entity: 'incident_note', op: 'upsert', data: { ...input }, clientTime: now }, operatorId);
    })();
    return { id: `pending:${input.id}`, kind: 'note', at: now, operatorId, noteId: input.id, text: input.text, seq: null, state: 'pending', from: undefined, to: undefined };
  }

  /** Called inside Outbox.settle's transaction for each note answer; a refused note stays, marked, for review. */
  settled(noteId: string, result: MutationResult): void {
    if (result.status === 'applied' || result.status === 'duplicate') {
      this.db.prepare(`UPDATE incident_notes SET state = 'synced' WHERE id = ? AND state = 'pending'`).run(noteId);
    } else {
      const why = `${result.error?.code ?? result.status}: ${result.error?.message ?? ''}`;
      this.db.prepare(`UPDATE incident_notes SET state = 'rejected', error = ? WHERE id = ? AND seq IS NULL`).run(why, noteId);
    }
  }

  /** Central events in seq order, then what this console still waits to send, in the order it was made. */
  timeline(incidentId: string): TimelineEntry[] {
    const notes = new Map<string, NoteRow>();
    for (const r of this.db.prepare('SELECT id, data, seq, state FROM incident_notes WHERE incident_id = ?').all(incidentId) as (NoteRow & { id: string })[]) {
      notes.set(r.id, r);
    }
    const entries: TimelineEntry[] = [];
    const central = this.db.prepare('SELECT data, seq FROM incident_events WHERE incident_id = ? ORDER BY seq').all(incidentId) as { data: string; seq: number }[];
    const shownNotes = new Set<string>();
    for (const row of central) {
      const e = JSON.parse(row.data) as IncidentEvent;
      const note = e.noteId ? notes.get(e.noteId) : undefined;
      if (e.noteId) shownNotes.add(e.noteId);
      entries.push({
        id: e.id, kind: e.kind, at: e.at, operatorId: e.operatorId, from: e.from, to: e.to, noteId: e.noteId,
        text: note ? (JSON.parse(note.data) as IncidentNote).text : undefined, seq: row.seq, state: 'synced',
      });
    }
    entries.push(...this.waiting(incidentId, notes, shownNotes));
    // A note the central side refused stays in its place at the end, marked, until the operator reviews it.
    for (const [id, n] of notes) {
      if (n.state !== 'rejected' || shownNotes.has(id)) continue;
      const note = JSON.parse(n.data) as IncidentNote;
      entries.push({ id: `rejected:${id}`, kind: 'note', at: note.at, operatorId: note.operatorId, noteId: id, text: note.text, seq: null, state: 'rejected', from: undefined, to: undefined });
    }
    return entries;
  }

  /** Incidents matching every word of the query as a prefix, best match first. */
  search(query: string): string[] {
    const words = query.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 12);
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
    const rows = this.db.prepare(`SELECT incident_id AS id, MIN(rank) AS best FROM incident_search WHERE incident_search MATCH ?
      GROUP BY incident_id ORDER BY best LIMIT 500`).all(match) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The outbox's waiting incident edits and notes for one incident, as timeline entries after the central ones. */
  private waiting(incidentId: string, notes: Map<string, NoteRow>, shown: Set<string>): TimelineEntry[] {
    const held = this.db.prepare('SELECT data, version FROM incidents WHERE id = ?').get(incidentId) as { data: string; version: number } | undefined;
    let prev: Incident | null = held && held.version > 0 ? (JSON.parse(held.data) as Incident) : null;
    const rows = this.db.prepare(`SELECT id, entity, data, client_time, operator_id FROM outbox WHERE state = 'pending'
      AND entity IN ('incident', 'incident_note')
      AND (json_extract(data, '$.id') = ? OR json_extract(data, '$.incidentId') = ?) ORDER BY n`).all(incidentId, incidentId) as
      { id: string; entity: string; data: string; client_time: string; operator_id: string }[];
    const out: TimelineEntry[] = [];
    for (const r of rows) {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      if (r.entity === 'incident_note') {
        const noteId = String(data.id);
        if (shown.has(noteId) || !notes.has(noteId)) continue;
        out.push({ id: `pending:${noteId}`, kind: 'note', at: r.client_time, operatorId: r.operator_id, noteId, text: String(data.text), seq: null, state: 'pending', from: undefined, to: undefined });
        continue;
      }
      const next = data as unknown as Incident;
      eventsOfChange(prev, next).forEach((d, i) => {
        out.push({ id: `pending:${r.id}:${i}`, kind: d.kind, at: r.client_time, operatorId: r.operator_id, from: d.from, to: d.to, seq: null, state: 'pending' });
      });
      prev = next;
    }
    return out;
  }
}
