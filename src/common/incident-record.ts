// An incident as it is stored and served, made from what was written: one rule for the hub (an operator's
// mutation, its own field reports and escalations) and for the console's optimistic copy of an offline edit, so
// the copy an operator sees before the central answer is the record the central side will hold.
import type { Incident, IncidentInput } from './entities';

export function incidentRecord(input: IncidentInput, updatedAt: string, version: number): Incident {
  return { ...input, assignedOpd: input.assignedOpd ?? null, updatedAt, version };
}
