// Incident notes and timeline in the console's cache: central events and notes from the feed, this console's notes
// waiting in the outbox beside them (the one write path), and the FTS5 search over titles, OPD and notes (0005).
import type { Database } from 'better-sqlite3';
import type { Incident } from '../../common/entities';
import type { TimelineEntry } from '../../common/incident-api';
import {
  eventsOfChange,
  type IncidentEvent,
  type IncidentNote,
  type IncidentNoteInput,
} from '../../common/incident-timeline';
import type { Outbox } from './outbox';

type NoteRow = { data: string; seq: number | null };

export class IncidentTimelineRepository {
  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
  ) {}

  /** The note shows at once as pending: its outbox row carries it (one transaction, nested in the caller's). */
  addNote(input: IncidentNoteInput, operatorId: string, consoleId: string, now: string): TimelineEntry {
    const local: IncidentNote = { ...input, at: now, operatorId, consoleId };
    this.outbox.write({
      entity: 'incident_note',
      recordId: input.id,
      op: 'upsert',
      data: { ...input },
      clientTime: now,
      operatorId,
      shown: () => local,
    });
    return {
      id: `pending:${input.id}`,
      kind: 'note',
      at: now,
      operatorId,
      noteId: input.id,
      text: input.text,
      seq: null,
      state: 'pending',
      from: undefined,
      to: undefined,
    };
  }

  /** Central events in seq order, then what this console still waits to send, in the order it was made. */
  timeline(incidentId: string): TimelineEntry[] {
    const notes = new Map<string, NoteRow>();
    for (const r of this.db
      .prepare('SELECT id, data, seq FROM incident_notes WHERE incident_id = ?')
      .all(incidentId) as (NoteRow & { id: string })[]) {
      notes.set(r.id, r);
    }
    const entries: TimelineEntry[] = [];
    const central = this.db
      .prepare('SELECT data, seq FROM incident_events WHERE incident_id = ? ORDER BY seq')
      .all(incidentId) as { data: string; seq: number }[];
    const shownNotes = new Set<string>();
    for (const row of central) {
      const e = JSON.parse(row.data) as IncidentEvent;
      const note = e.noteId ? notes.get(e.noteId) : undefined;
      if (e.noteId) shownNotes.add(e.noteId);
      entries.push({
        id: e.id,
        kind: e.kind,
        at: e.at,
        operatorId: e.operatorId,
        from: e.from,
        to: e.to,
        noteId: e.noteId,
        text: note ? (JSON.parse(note.data) as IncidentNote).text : undefined,
        seq: row.seq,
        state: 'synced',
      });
    }
    entries.push(...this.waiting(incidentId, shownNotes));
    // A note the central side refused stays at the end, marked, until the operator dismisses it from review.
    const refused = this.db
      .prepare(
        `SELECT record_id, data, client_time, operator_id FROM outbox WHERE entity = 'incident_note'
      AND state IN ('rejected', 'conflict') AND json_extract(data, '$.incidentId') = ? ORDER BY n`,
      )
      .all(incidentId) as { record_id: string; data: string; client_time: string; operator_id: string }[];
    for (const r of refused) {
      if (shownNotes.has(r.record_id)) continue;
      const note = JSON.parse(r.data) as IncidentNoteInput;
      entries.push({
        id: `rejected:${r.record_id}`,
        kind: 'note',
        at: r.client_time,
        operatorId: r.operator_id,
        noteId: r.record_id,
        text: note.text,
        seq: null,
        state: 'rejected',
        from: undefined,
        to: undefined,
      });
    }
    return entries;
  }

  /** Incidents matching every word of the query as a prefix, best match first. */
  search(query: string): string[] {
    const words = query
      .normalize('NFC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
      .slice(0, 12);
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
    // What an incident shows is what it is found by: its newest waiting edit, else its central copy; and its notes.
    const rows = this.db
      .prepare(
        `SELECT incident_id AS id, MIN(rank) AS best FROM incident_search WHERE incident_search MATCH ?
      AND (source = 'n'
        OR (source = 'i' AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'incident' AND o.state = 'pending'
          AND o.record_id = incident_search.incident_id))
        OR (source = 'o' AND EXISTS (SELECT 1 FROM outbox o WHERE o.n = CAST(incident_search.key AS INTEGER) AND (o.entity = 'incident_note'
          OR o.n = (SELECT MAX(p.n) FROM outbox p WHERE p.entity = 'incident' AND p.state = 'pending' AND p.record_id = o.record_id)))))
      GROUP BY incident_id ORDER BY best LIMIT 500`,
      )
      .all(match) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The outbox's waiting incident edits and notes for one incident, as timeline entries after the central ones. */
  private waiting(incidentId: string, shown: Set<string>): TimelineEntry[] {
    const held = this.db.prepare('SELECT data, version FROM incidents WHERE id = ?').get(incidentId) as
      { data: string; version: number } | undefined;
    let prev: Incident | null = held && held.version > 0 ? (JSON.parse(held.data) as Incident) : null;
    // A note taken by the central side but not yet brought by the feed (`applied`) still shows where it was.
    const rows = this.db
      .prepare(
        `SELECT id, entity, data, client_time, operator_id FROM outbox WHERE state IN ('pending', 'applied')
      AND entity IN ('incident', 'incident_note')
      AND (json_extract(data, '$.id') = ? OR json_extract(data, '$.incidentId') = ?) ORDER BY n`,
      )
      .all(incidentId, incidentId) as {
      id: string;
      entity: string;
      data: string;
      client_time: string;
      operator_id: string;
    }[];
    const out: TimelineEntry[] = [];
    for (const r of rows) {
      const data = JSON.parse(r.data) as Record<string, unknown>;
      if (r.entity === 'incident_note') {
        const noteId = String(data.id);
        if (shown.has(noteId)) continue;
        out.push({
          id: `pending:${noteId}`,
          kind: 'note',
          at: r.client_time,
          operatorId: r.operator_id,
          noteId,
          text: String(data.text),
          seq: null,
          state: 'pending',
          from: undefined,
          to: undefined,
        });
        continue;
      }
      const next = data as unknown as Incident;
      eventsOfChange(prev, next).forEach((d, i) => {
        out.push({
          id: `pending:${r.id}:${i}`,
          kind: d.kind,
          at: r.client_time,
          operatorId: r.operator_id,
          from: d.from,
          to: d.to,
          seq: null,
          state: 'pending',
        });
      });
      prev = next;
    }
    return out;
  }
}
