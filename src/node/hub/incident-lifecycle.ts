// v1.1 at the hub: the incident lifecycle enforced, notes appended, and the timeline (incident_event) written in the
// same transaction as each applied incident change or note. Called from mutation-service.ts and feed-writer.ts.
import { randomUUID } from 'node:crypto';
import type { Incident, IncidentInput, Role, Site } from '../../common/entities';
import { checkIncidentWrite, type LifecycleRefusal } from '../../common/incident-lifecycle';
import {
  eventsOfChange,
  type IncidentEvent,
  type IncidentNote,
  type IncidentNoteInput,
} from '../../common/incident-timeline';
import type { HubDb, StoredRecord } from './hub-db';

/** Who made a change: an account on a console, or the hub itself (seed, simulator). */
export interface Actor {
  operatorId: string;
  consoleId: string;
}
export const HUB_ACTOR: Actor = { operatorId: 'nawa-hub', consoleId: 'nawa-hub' };

export function isOpdSite(hub: HubDb, id: string): boolean {
  const rec = hub.getRecord('site', id);
  return !!rec && !rec.deleted && (rec.data as Site).kind === 'opd';
}

/** The lifecycle check of one incident write against the record held (undefined or deleted: a new incident). */
export function checkIncidentLifecycle(
  hub: HubDb,
  held: StoredRecord | undefined,
  input: IncidentInput,
  role: Role,
): LifecycleRefusal | null {
  const from = held && !held.deleted ? (held.data as Incident).status : null;
  return checkIncidentWrite(from, input, role, (id) => isOpdSite(hub, id));
}

/** Appends the timeline entries of one incident change. Must run in the transaction that wrote the change. */
export function writeIncidentEvents(
  hub: HubDb,
  before: Incident | null,
  after: Incident,
  actor: Actor,
  at: string,
): void {
  for (const draft of eventsOfChange(before, after)) {
    writeEvent(hub, { id: randomUUID(), incidentId: after.id, at, ...actor, ...draft });
  }
}

function writeEvent(hub: HubDb, event: IncidentEvent): void {
  hub.write('incident_event', event.id, 'upsert', () => event);
}

export type NoteOutcome =
  { ok: true; seq: number; version: number } | { ok: false; code: string; message: string; field?: string };

/** A note on a live incident, never changed once written, with its `note` event in the same transaction. */
export function appendIncidentNote(hub: HubDb, input: IncidentNoteInput, actor: Actor, at: string): NoteOutcome {
  if (hub.getRecord('incident_note', input.id)) {
    return {
      ok: false,
      code: 'append_only',
      message: `note ${input.id} exists; notes are never changed (write a new one)`,
    };
  }
  const incident = hub.getRecord('incident', input.incidentId);
  if (!incident || incident.deleted) {
    return {
      ok: false,
      code: 'not_found',
      message: `no incident ${input.incidentId} to note on`,
      field: 'data.incidentId',
    };
  }
  const note: IncidentNote = { ...input, at, ...actor };
  const written = hub.write('incident_note', note.id, 'upsert', () => note);
  writeEvent(hub, { id: randomUUID(), incidentId: note.incidentId, at, ...actor, kind: 'note', noteId: note.id });
  return { ok: true, ...written };
}
