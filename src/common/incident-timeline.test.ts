import { describe, expect, it } from 'vitest';
import { eventsOfChange, IncidentEvent, IncidentNoteInput } from './incident-timeline';

const base = {
  status: 'reported' as const,
  severity: 2,
  assignedOpd: null,
  title: 'Banjir di Desa Sitiarjo',
  sector: 'disaster',
  districtCode: '35.07.04',
  lat: -8.4,
  lon: 112.67,
  reportedAt: '2026-12-01T10:00:00.000Z',
};

describe('incident timeline', () => {
  it('names each kind of change once, and nothing for an unchanged write', () => {
    expect(eventsOfChange(null, base)).toEqual([{ kind: 'created', to: 'reported' }]);
    expect(eventsOfChange(base, { ...base })).toEqual([]);
    expect(
      eventsOfChange(base, { ...base, status: 'verified', severity: 4, assignedOpd: 'BPBD', title: 'Banjir bandang' }),
    ).toEqual([
      { kind: 'status', from: 'reported', to: 'verified' },
      { kind: 'severity', from: 2, to: 4 },
      { kind: 'assigned', from: null, to: 'BPBD' },
      { kind: 'edited' },
    ]);
    expect(eventsOfChange({ ...base, assignedOpd: undefined }, base)).toEqual([]);
  });

  it('validates notes and events strictly', () => {
    const id = crypto.randomUUID();
    expect(
      IncidentNoteInput.safeParse({ id, incidentId: id, text: '  Tim tiba di lokasi\nair surut  ' }).data?.text,
    ).toBe('Tim tiba di lokasi\nair surut');
    expect(IncidentNoteInput.safeParse({ id, incidentId: id, text: '   ' }).success).toBe(false);
    expect(IncidentNoteInput.safeParse({ id, incidentId: id, text: 'x'.repeat(2001) }).success).toBe(false);
    expect(
      IncidentNoteInput.safeParse({ id, incidentId: id, text: 'ok', at: '2026-12-01T10:00:00.000Z' }).success,
    ).toBe(false);
    const ev = {
      id: 'e1',
      incidentId: id,
      at: '2026-12-01T10:00:00.000Z',
      operatorId: 'operator',
      consoleId: 'c1',
      kind: 'status',
      from: 'reported',
      to: 'verified',
    };
    expect(IncidentEvent.safeParse(ev).success).toBe(true);
    expect(IncidentEvent.safeParse({ ...ev, kind: 'deleted' }).success).toBe(false);
  });
});
