// The incident lifecycle of central-api.md v1.1, shared by the hub (which enforces it) and the console (which
// applies it offline and offers only the next valid steps).
import type { IncidentStatus, Role } from './entities';

/** Allowed changes of `status`; the same status is no transition. */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  reported: ['verified', 'closed'],
  verified: ['dispatched', 'closed'],
  dispatched: ['resolved'],
  resolved: ['closed', 'dispatched'],
  closed: [],
};

export interface LifecycleRefusal {
  code: 'invalid_transition' | 'assignment_required';
  message: string;
}

/** The statuses an incident in `status` may move to next, in the order the UI offers them. */
export function nextSteps(status: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[status];
}

/** Statuses a new incident may start in for this role: reported, or verified by a supervisor. */
export function initialStatuses(role: Role): readonly IncidentStatus[] {
  return role === 'supervisor' ? ['reported', 'verified'] : ['reported'];
}

/** True when closing from this status means "the report was found false" (the UI asks for a reason). */
export function isFalseReportClose(from: IncidentStatus, to: IncidentStatus): boolean {
  return to === 'closed' && (from === 'reported' || from === 'verified');
}

/**
 * Checks one incident write against the lifecycle. `from` is the status held before (null for a new incident);
 * `isOpd` says whether an id names an OPD site. Returns null when allowed.
 */
export function checkIncidentWrite(
  from: IncidentStatus | null,
  to: { status: IncidentStatus; assignedOpd?: string | null },
  role: Role,
  isOpd: (id: string) => boolean,
): LifecycleRefusal | null {
  if (from === null) {
    if (!initialStatuses(role).includes(to.status)) {
      return {
        code: 'invalid_transition',
        message:
          role === 'supervisor'
            ? `a new incident starts as reported or verified, not ${to.status}`
            : `a new incident starts as reported (only a supervisor may create it verified), not ${to.status}`,
      };
    }
  } else if (from !== to.status && !TRANSITIONS[from].includes(to.status)) {
    const allowed = TRANSITIONS[from];
    return {
      code: 'invalid_transition',
      message: `an incident cannot go from ${from} to ${to.status} (from ${from}: ${allowed.length ? allowed.join(', ') : 'no further step'})`,
    };
  }
  if (to.status === 'dispatched' && (!to.assignedOpd || !isOpd(to.assignedOpd))) {
    return {
      code: 'assignment_required',
      message: to.assignedOpd
        ? `dispatching needs assignedOpd to name an OPD site; ${to.assignedOpd} is not one`
        : 'dispatching needs assignedOpd, the OPD site that answers for the incident',
    };
  }
  return null;
}
