import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, type IncidentStatus } from './entities';
import { checkIncidentWrite, initialStatuses, isFalseReportClose, nextSteps, TRANSITIONS } from './incident-lifecycle';

const opd = (id: string) => ['BPBD', 'DISHUB'].includes(id);
const ALLOWED = new Set([
  'reported>verified',
  'reported>closed',
  'verified>dispatched',
  'verified>closed',
  'dispatched>resolved',
  'resolved>closed',
  'resolved>dispatched',
]);

describe('incident lifecycle', () => {
  it('allows exactly the contract transitions and refuses every other change of status', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_STATUSES) {
        const r = checkIncidentWrite(from, { status: to, assignedOpd: 'BPBD' }, 'operator', opd);
        if (from === to || ALLOWED.has(`${from}>${to}`)) expect(r, `${from} -> ${to}`).toBeNull();
        else
          expect(r, `${from} -> ${to}`).toMatchObject({
            code: 'invalid_transition',
            message: expect.stringContaining(`from ${from} to ${to}`),
          });
      }
    }
    expect(Object.values(TRANSITIONS).flat()).toHaveLength(ALLOWED.size);
  });

  it('needs an OPD site for dispatched, also when an edit keeps the status', () => {
    expect(checkIncidentWrite('verified', { status: 'dispatched' }, 'operator', opd)).toMatchObject({
      code: 'assignment_required',
    });
    expect(checkIncidentWrite('verified', { status: 'dispatched', assignedOpd: null }, 'operator', opd)).toMatchObject({
      code: 'assignment_required',
    });
    expect(
      checkIncidentWrite('resolved', { status: 'dispatched', assignedOpd: 'Pak Camat' }, 'operator', opd),
    ).toMatchObject({ code: 'assignment_required', message: expect.stringContaining('Pak Camat') });
    expect(checkIncidentWrite('dispatched', { status: 'dispatched', assignedOpd: '' }, 'operator', opd)).toMatchObject({
      code: 'assignment_required',
    });
    expect(checkIncidentWrite('verified', { status: 'dispatched', assignedOpd: 'DISHUB' }, 'operator', opd)).toBeNull();
  });

  it('creates as reported, or verified by a supervisor only', () => {
    expect(initialStatuses('operator')).toEqual(['reported']);
    expect(checkIncidentWrite(null, { status: 'reported' }, 'operator', opd)).toBeNull();
    expect(checkIncidentWrite(null, { status: 'verified' }, 'operator', opd)).toMatchObject({
      code: 'invalid_transition',
    });
    expect(checkIncidentWrite(null, { status: 'verified' }, 'supervisor', opd)).toBeNull();
    for (const s of ['dispatched', 'resolved', 'closed'] as IncidentStatus[]) {
      expect(checkIncidentWrite(null, { status: s, assignedOpd: 'BPBD' }, 'supervisor', opd)).toMatchObject({
        code: 'invalid_transition',
      });
    }
  });

  it('offers the next steps in order, and knows which close is of a false report', () => {
    expect(nextSteps('reported')).toEqual(['verified', 'closed']);
    expect(nextSteps('resolved')).toEqual(['closed', 'dispatched']);
    expect(nextSteps('closed')).toEqual([]);
    expect(isFalseReportClose('reported', 'closed')).toBe(true);
    expect(isFalseReportClose('verified', 'closed')).toBe(true);
    expect(isFalseReportClose('resolved', 'closed')).toBe(false);
  });
});
