// The host contract's part for the incident workflow: timeline, notes, search and the SLA policy.
// Kept apart from host-api.ts, which spreads INCIDENT_REQUESTS into REQUESTS.
import { z } from 'zod';
import { IsoTime, Uuid } from './entities';
import { IncidentEvent, NoteText } from './incident-timeline';
import { SlaPolicy } from './sla';

const Empty = z.strictObject({});

/** One line of an incident's timeline: a central event, or a change of this console still waiting (pending). */
export const TimelineEntry = z.strictObject({
  id: z.string(),
  kind: IncidentEvent.shape.kind,
  at: IsoTime,
  operatorId: z.string(),
  from: IncidentEvent.shape.from,
  to: IncidentEvent.shape.to,
  noteId: Uuid.optional(),
  /** The note's text for a `note` entry, when known here. */
  text: z.string().optional(),
  /** Central order; null while the change waits in this console's outbox. */
  seq: z.number().int().positive().nullable(),
  state: z.enum(['pending', 'synced', 'rejected']),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A full-text query: words the console's FTS5 index matches as prefixes (diacritics and case ignored). */
export const SearchQuery = z.string().trim().min(1).max(200);

export const INCIDENT_REQUESTS = {
  /** Central events in seq order, then this console's waiting changes in the order they were made. */
  'incidents.timeline': {
    input: z.strictObject({ id: Uuid }),
    output: z.strictObject({ entries: z.array(TimelineEntry) }),
  },
  'incidents.addNote': {
    input: z.strictObject({ incidentId: Uuid, text: NoteText }),
    output: z.strictObject({ entry: TimelineEntry }),
  },
  /** Ids of the incidents whose title, OPD or notes match, best match first. */
  'incidents.search': { input: z.strictObject({ query: SearchQuery }), output: z.strictObject({ ids: z.array(Uuid) }) },
  'incidents.sla': { input: Empty, output: SlaPolicy },
} as const;
