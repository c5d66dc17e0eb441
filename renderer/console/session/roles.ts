// What each role may do in the UI. The host enforces the same rules; this only avoids offering what would fail.
import type { Role } from '../../../src/common/entities';

export function canRecordDecisions(role: Role): boolean {
  return role === 'operator' || role === 'supervisor';
}

export function canSwitchWall(role: Role): boolean {
  return role === 'presenter' || role === 'supervisor';
}
