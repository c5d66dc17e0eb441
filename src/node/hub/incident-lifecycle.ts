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
import type { HubOps, HubTx, StoredRecord } from './hub-storage';

/** Who made a change: an account on a console, or the hub itself (seed, simulator). */
export interface Actor {
  operatorId: string;
  consoleId: string;
}
export const HUB_ACTOR: Actor = { operatorId: 'nawa-hub', consoleId: 'nawa-hub' };

export async function isOpdSite(hub: HubOps, id: string): Promise<boolean> {
  const rec = await hub.getRecord('site', id);
  return !!rec && !rec.deleted && (rec.data as Site).kind === 'opd';
}

/** The lifecycle check of one incident write against the record held (undefined or deleted: a new incident). */
export async function checkIncidentLifecycle(
  hub: HubOps,
  held: StoredRecord | undefined,
  input: IncidentInput,
  role: Role,
): Promise<LifecycleRefusal | null> {
  const from = held && !held.deleted ? (held.data as Incident).status : null;
  // The check itself is pure and synchronous: the one site it may ask about is looked up first.
  const opd = input.assignedOpd ? await isOpdSite(hub, input.assignedOpd) : false;
  return checkIncidentWrite(from, input, role, (id) => id === input.assignedOpd && opd);
}

/** Appends the timeline entries of one incident change. Must run in the transaction that wrote the change. */
export async function writeIncidentEvents(
  tx: HubTx,
  before: Incident | null,
  after: Incident,
  actor: Actor,
  at: string,
): Promise<void> {
  for (const draft of eventsOfChange(before, after)) {
    await writeEvent(tx, { id: randomUUID(), incidentId: after.id, at, ...actor, ...draft });
  }
}

async function writeEvent(tx: HubTx, event: IncidentEvent): Promise<void> {
  // A new random id: nothing is held under it.
  await tx.write('incident_event', event.id, 'upsert', () => event, null);
}

export type NoteOutcome =
  { ok: true; seq: number; version: number } | { ok: false; code: string; message: string; field?: string };

/** A note on a live incident, never changed once written, with its `note` event in the same transaction. */
export async function appendIncidentNote(
  tx: HubTx,
  input: IncidentNoteInput,
  actor: Actor,
  at: string,
): Promise<NoteOutcome> {
  if (await tx.getRecord('incident_note', input.id)) {
    return {
      ok: false,
      code: 'append_only',
      message: `note ${input.id} exists; notes are never changed (write a new one)`,
    };
  }
  const incident = await tx.getRecord('incident', input.incidentId);
  if (!incident || incident.deleted) {
    return {
      ok: false,
      code: 'not_found',
      message: `no incident ${input.incidentId} to note on`,
      field: 'data.incidentId',
    };
  }
  const note: IncidentNote = { ...input, at, ...actor };
  const written = await tx.write('incident_note', note.id, 'upsert', () => note, null);
  await writeEvent(tx, { id: randomUUID(), incidentId: note.incidentId, at, ...actor, kind: 'note', noteId: note.id });
  return { ok: true, ...written };
}
