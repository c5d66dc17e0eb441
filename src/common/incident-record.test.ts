import { describe, expect, it } from 'vitest';
import { Incident, type IncidentInput } from './entities';
import { incidentRecord } from './incident-record';

const input: IncidentInput = {
  id: '0b6f4c1e-6a43-4d0e-9a53-2f1d6c9e7a10',
  title: 'Banjir di Desa Sitiarjo',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.03',
  lat: -8.4,
  lon: 112.7,
  reportedAt: '2026-12-02T05:00:00.000Z',
};

describe('incidentRecord', () => {
  it('makes the stored record from the input: no OPD yet is null, as the feed serves it', () => {
    const rec = incidentRecord(input, '2026-12-02T05:01:00.000Z', 2);
    expect(rec).toEqual({ ...input, assignedOpd: null, updatedAt: '2026-12-02T05:01:00.000Z', version: 2 });
    expect(Incident.safeParse(rec).success).toBe(true);
    expect(incidentRecord({ ...input, assignedOpd: 'bpbd' }, rec.updatedAt, 3).assignedOpd).toBe('bpbd');
  });
});
