// incident_note and incident_event of central-api.md v1.1: notes operators write, and the timeline the hub keeps.
import { z } from 'zod';
import { IncidentStatus, IsoTime, Severity, Uuid } from './entities';

/** Multi-line text: trimmed, 1 to 2000 characters. */
export const NoteText = z.string().trim().min(1).max(2000);

/** What a client writes; at, operatorId and consoleId are central. */
export const IncidentNoteInput = z.strictObject({ id: Uuid, incidentId: Uuid, text: NoteText });
export type IncidentNoteInput = z.infer<typeof IncidentNoteInput>;
export const IncidentNote = IncidentNoteInput.extend({
  at: IsoTime,
  operatorId: z.string().min(1),
  consoleId: z.string().min(1),
});
export type IncidentNote = z.infer<typeof IncidentNote>;

export const INCIDENT_EVENT_KINDS = ['created', 'status', 'severity', 'assigned', 'edited', 'note'] as const;
export const IncidentEventKind = z.enum(INCIDENT_EVENT_KINDS);
export type IncidentEventKind = z.infer<typeof IncidentEventKind>;

/** from/to: a status, a severity, or an OPD id (null when none), by kind. */
const EventValue = z.union([IncidentStatus, Severity, z.string().max(64), z.null()]);
export const IncidentEvent = z.strictObject({
  id: z.string().min(1).max(128),
  incidentId: Uuid,
  at: IsoTime,
  operatorId: z.string().min(1),
  consoleId: z.string().min(1),
  kind: IncidentEventKind,
  from: EventValue.optional(),
  to: EventValue.optional(),
  noteId: Uuid.optional(),
});
export type IncidentEvent = z.infer<typeof IncidentEvent>;

type IncidentFields = {
  status: IncidentStatus;
  severity: number;
  assignedOpd?: string | null;
  title: string;
  sector: string;
  districtCode: string;
  lat: number;
  lon: number;
  reportedAt: string;
};

export type EventDraft = Pick<IncidentEvent, 'kind'> & { from?: IncidentEvent['from']; to?: IncidentEvent['to'] };

/**
 * The timeline entries one incident change makes: `created` for a new one; otherwise one entry per kind of change
 * (status, severity, assignment) and `edited` for any other field. An unchanged write makes none.
 */
export function eventsOfChange(before: IncidentFields | null, after: IncidentFields): EventDraft[] {
  if (!before) return [{ kind: 'created', to: after.status }];
  const out: EventDraft[] = [];
  if (before.status !== after.status) out.push({ kind: 'status', from: before.status, to: after.status });
  if (before.severity !== after.severity) out.push({ kind: 'severity', from: before.severity, to: after.severity });
  if ((before.assignedOpd ?? null) !== (after.assignedOpd ?? null)) {
    out.push({ kind: 'assigned', from: before.assignedOpd ?? null, to: after.assignedOpd ?? null });
  }
  const other = ['title', 'sector', 'districtCode', 'lat', 'lon', 'reportedAt'] as const;
  if (other.some((k) => before[k] !== after[k])) out.push({ kind: 'edited' });
  return out;
}
