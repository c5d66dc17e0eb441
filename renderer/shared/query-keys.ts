// One key per host request, so an event can find every cached answer it makes stale.
import type { EntityName } from '../../src/common/central-api';
import type { RequestInput, RequestName } from '../../src/common/host-api';

export function hostKey<N extends RequestName>(name: N, input: RequestInput<N>) {
  return ['host', name, input] as const;
}

/** Prefix matching every input of one request (e.g. decisions.list with any limit). */
export function hostKeyPrefix(name: RequestName) {
  return ['host', name] as const;
}

/** Which cached reads a change to each central entity can alter. */
const TOUCHES: Record<EntityName, readonly RequestName[]> = {
  site: ['overview.get', 'sites.list'],
  status: ['overview.get', 'sites.list'],
  series: ['overview.get', 'sectors.summary', 'sectors.dashboard', 'sectors.alerts', 'outbox.parked'],
  reading: ['overview.get', 'sectors.summary', 'sectors.dashboard', 'sectors.alerts'],
  incident: ['incidents.list', 'outbox.parked'],
  incident_note: ['incidents.timeline', 'incidents.search', 'outbox.parked'],
  // Every central incident change comes with its events: the timeline and the search index follow them.
  incident_event: ['incidents.timeline', 'incidents.search'],
  decision: ['decisions.list', 'outbox.parked'],
  layout: ['layouts.list', 'wall.state', 'layouts.conflicts', 'outbox.parked'],
  signing_key: ['decisions.trust'],
};

export function queriesTouchedBy(entities: readonly EntityName[]): RequestName[] {
  return [...new Set(entities.flatMap((e) => TOUCHES[e] ?? []))];
}
