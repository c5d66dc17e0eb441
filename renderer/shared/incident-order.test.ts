import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../src/common/host-api';
import { wallIncidents } from './incident-order';

const inc = (id: string, severity: number, status: IncidentView['status'], reportedAt: string): IncidentView => ({
  id,
  title: id,
  sector: 'disaster',
  severity,
  status,
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.6,
  reportedAt,
  updatedAt: reportedAt,
  version: 1,
  pending: false,
});

describe('wallIncidents', () => {
  it('drops closed ones and those under the threshold, most severe and newest first', () => {
    const list = [
      inc('old-3', 3, 'reported', '2026-11-28T08:00:00Z'),
      inc('new-3', 3, 'verified', '2026-11-28T09:00:00Z'),
      inc('closed-4', 4, 'closed', '2026-11-28T09:30:00Z'),
      inc('low-1', 1, 'reported', '2026-11-28T09:45:00Z'),
      inc('crit-4', 4, 'dispatched', '2026-11-28T07:00:00Z'),
    ];
    expect(wallIncidents(list, 3).map((i) => i.id)).toEqual(['crit-4', 'new-3', 'old-3']);
    expect(wallIncidents(list).map((i) => i.id)).toEqual(['crit-4', 'new-3', 'old-3', 'low-1']);
  });
});
