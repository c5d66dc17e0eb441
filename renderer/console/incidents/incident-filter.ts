// The list's filters and order, pure so they are tested without a browser: filters by status, sector, severity,
// kecamatan and OPD, the FTS matches of the search box, then overdue SLA clocks first and urgency after.
import type { IncidentStatus, Sector } from '../../../src/common/entities';
import type { IncidentView } from '../../../src/common/host-api';
import { bySlaUrgency, slaClock, type SlaClock, type SlaPolicy } from '../../../src/common/sla';
import { byUrgency, isOpen } from '../../shared/incident-order';

export interface IncidentFilter {
  status: 'all' | 'open' | IncidentStatus;
  sector: '' | Sector;
  severity: 0 | 1 | 2 | 3 | 4;
  districtCode: string;
  opd: string;
  query: string;
}
export const NO_FILTER: IncidentFilter = {
  status: 'all',
  sector: '',
  severity: 0,
  districtCode: '',
  opd: '',
  query: '',
};

export function isFiltered(f: IncidentFilter): boolean {
  return (
    f.status !== 'all' ||
    f.sector !== '' ||
    f.severity !== 0 ||
    f.districtCode !== '' ||
    f.opd !== '' ||
    f.query.trim() !== ''
  );
}

/** `matches`: incident ids the search found (null while there is no query). */
export function filterIncidents(
  list: readonly IncidentView[],
  f: IncidentFilter,
  matches: ReadonlySet<string> | null,
): IncidentView[] {
  return list.filter(
    (i) =>
      (f.status === 'all' || (f.status === 'open' ? isOpen(i) : i.status === f.status)) &&
      (f.sector === '' || i.sector === f.sector) &&
      (f.severity === 0 || i.severity === f.severity) &&
      (f.districtCode === '' || i.districtCode === f.districtCode) &&
      (f.opd === '' || i.assignedOpd === f.opd) &&
      (matches === null || matches.has(i.id)),
  );
}

export interface Ordered {
  incident: IncidentView;
  clock: SlaClock | null;
}

/** Overdue first (most overdue on top), then the nearest deadline, then the usual urgency order. */
export function orderBySla(list: readonly IncidentView[], policy: SlaPolicy | undefined, now: number): Ordered[] {
  const rows = list.map((incident) => ({ incident, clock: policy ? slaClock(incident, policy, now) : null }));
  return rows.sort((a, b) => {
    const overdue = Number(b.clock?.state === 'overdue') - Number(a.clock?.state === 'overdue');
    if (overdue !== 0) return overdue;
    if (a.clock?.state === 'overdue') return bySlaUrgency(a.clock, b.clock);
    return byUrgency(a.incident, b.incident) || bySlaUrgency(a.clock, b.clock);
  });
}
