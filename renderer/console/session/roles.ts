// What each role may do in the UI: the access policy the host and the hub enforce (src/common/access-policy.ts);
// this only avoids offering what would fail.
import { mayRequest } from '../../../src/common/access-policy';
import type { Role } from '../../../src/common/entities';

export function canRecordDecisions(role: Role): boolean {
  return mayRequest(role, 'decisions.record');
}

export function canSwitchWall(role: Role): boolean {
  return mayRequest(role, 'wall.switch');
}

export function canEditIncidents(role: Role): boolean {
  return mayRequest(role, 'incidents.save');
}
