// Which incidents come first on a list read under pressure: open before done, severe before mild, new before old.
import type { IncidentView } from '../../src/common/host-api';

const DONE = new Set(['resolved', 'closed']);

export function isOpen(i: Pick<IncidentView, 'status'>): boolean {
  return !DONE.has(i.status);
}

export function byUrgency(a: IncidentView, b: IncidentView): number {
  return Number(isOpen(b)) - Number(isOpen(a)) || b.severity - a.severity || b.reportedAt.localeCompare(a.reportedAt);
}

/** The wall's feed: open incidents at or above a severity, most urgent first. */
export function wallIncidents(list: readonly IncidentView[], minSeverity = 1): IncidentView[] {
  return list.filter((i) => isOpen(i) && i.severity >= minSeverity).sort(byUrgency);
}
