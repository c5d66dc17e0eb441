// Who may do what, in one place: per central entity (the hub refuses a write of any other role) and per host
// request (the host refuses it; the renderer does not offer it). The hub, the host and the renderer all read
// these tables; none writes a role list of its own.
import type { WritableEntity } from './central-api';
import type { Role } from './entities';
import type { RequestName } from './host-api';

const EDITORS = ['operator', 'supervisor'] as const satisfies readonly Role[];
const PRESENTERS = ['presenter', 'supervisor'] as const satisfies readonly Role[];
/** Reads that need a login, whatever the role (a wall page that has not logged in may not). */
export const ANY_ROLE = ['supervisor', 'operator', 'presenter', 'viewer'] as const satisfies readonly Role[];

/** Who may write which entity (hub-fed entities are written by nobody from outside). */
export const ENTITY_WRITERS: Record<WritableEntity, readonly Role[]> = {
  site: ['supervisor'],
  incident: EDITORS,
  decision: EDITORS,
  layout: PRESENTERS,
  signing_key: EDITORS,
  incident_note: EDITORS,
  series: ['supervisor'],
};

/** The host requests that need a role; every other request is open to any connection (reads, the walls' own). */
export const REQUEST_ROLES = {
  'decisions.record': ENTITY_WRITERS.decision,
  'decisions.correct': ENTITY_WRITERS.decision,
  'incidents.save': ENTITY_WRITERS.incident,
  'incidents.addNote': ENTITY_WRITERS.incident_note,
  'outbox.dismiss': ['operator', 'supervisor', 'presenter'],
  'store.backup': ['supervisor'],
  'accounts.list': ['supervisor'],
  'accounts.create': ['supervisor'],
  'accounts.update': ['supervisor'],
  'updates.approve': ['supervisor'],
  'decisions.export': ANY_ROLE,
  'report.get': ANY_ROLE,
  'layouts.save': ENTITY_WRITERS.layout,
  'layouts.delete': ENTITY_WRITERS.layout,
  'schedule.save': PRESENTERS,
  'wall.switch': PRESENTERS,
  'wall.undo': PRESENTERS,
  'wall.setBezel': PRESENTERS,
  'wall.identify': PRESENTERS,
  // The wall PCs' pairing links carry secrets: for those who set up the wall, never an operator's or a wall's.
  'wall.pairing': PRESENTERS,
  'wall.takeSuggestion': PRESENTERS,
  'wall.dismissSuggestion': PRESENTERS,
  'wall.endInterrupt': PRESENTERS,
  'sectors.setThresholds': ENTITY_WRITERS.series,
  // Anyone on duty in the room may say they saw a KPI alert; the wall's read account may not.
  'sectors.ackAlerts': ['operator', 'supervisor', 'presenter'],
  // Each operator's own first-run guide: any login, never a wall page's connection.
  'guide.get': ANY_ROLE,
  'guide.set': ANY_ROLE,
} as const satisfies Partial<Record<RequestName, readonly Role[]>>;

export type GuardedRequest = keyof typeof REQUEST_ROLES;

export function mayWrite(role: Role, entity: WritableEntity): boolean {
  return ENTITY_WRITERS[entity].includes(role);
}

export function mayRequest(role: Role, request: GuardedRequest): boolean {
  return (REQUEST_ROLES[request] as readonly Role[]).includes(role);
}
