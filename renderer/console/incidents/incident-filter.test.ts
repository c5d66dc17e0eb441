import { describe, expect, it } from 'vitest';
import type { IncidentView } from '../../../src/common/host-api';
import type { SlaPolicy } from '../../../src/common/sla';
import { filterIncidents, isFiltered, NO_FILTER, orderBySla } from './incident-filter';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const inc = (id: string, over: Partial<IncidentView> = {}): IncidentView => ({
  id,
  title: id,
  sector: 'disaster',
  severity: 2,
  status: 'reported',
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.5,
  assignedOpd: null,
  reportedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 1,
  pending: false,
  ...over,
});
const policy: SlaPolicy = {
  severity: {
    1: { verify: 60, dispatch: 240, resolve: 2880 },
    2: { verify: 30, dispatch: 120, resolve: 1440 },
    3: { verify: 15, dispatch: 45, resolve: 480 },
    4: { verify: 5, dispatch: 15, resolve: 120 },
  },
};

describe('incident filters', () => {
  const list = [
    inc('a', { sector: 'traffic', assignedOpd: 'DISHUB', status: 'dispatched' }),
    inc('b', { severity: 4, districtCode: '35.07.04' }),
    inc('c', { status: 'closed', assignedOpd: 'BPBD' }),
  ];
  it('keeps what every filter and the search allow', () => {
    expect(filterIncidents(list, NO_FILTER, null).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(filterIncidents(list, { ...NO_FILTER, status: 'open' }, null).map((i) => i.id)).toEqual(['a', 'b']);
    expect(filterIncidents(list, { ...NO_FILTER, status: 'closed' }, null).map((i) => i.id)).toEqual(['c']);
    expect(filterIncidents(list, { ...NO_FILTER, sector: 'traffic' }, null).map((i) => i.id)).toEqual(['a']);
    expect(filterIncidents(list, { ...NO_FILTER, severity: 4 }, null).map((i) => i.id)).toEqual(['b']);
    expect(filterIncidents(list, { ...NO_FILTER, districtCode: '35.07.04' }, null).map((i) => i.id)).toEqual(['b']);
    expect(filterIncidents(list, { ...NO_FILTER, opd: 'BPBD' }, null).map((i) => i.id)).toEqual(['c']);
    expect(
      filterIncidents(list, { ...NO_FILTER, status: 'open', query: 'x' }, new Set(['a', 'c'])).map((i) => i.id),
    ).toEqual(['a']);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, query: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, opd: 'BPBD' })).toBe(true);
  });

  it('puts overdue clocks first, most overdue on top, then urgency', () => {
    const now = T0 + 40 * 60_000;
    const rows = orderBySla(
      [
        inc('mild-fresh', { severity: 1 }),
        inc('crit-overdue-verify', { severity: 4 }),
        inc('sev2-overdue', { severity: 2 }),
        inc('crit-dispatched', { severity: 4, status: 'dispatched', assignedOpd: 'BPBD' }),
        inc('done', { severity: 4, status: 'resolved' }),
      ],
      policy,
      now,
    );
    expect(rows.map((r) => `${r.incident.id}:${r.clock?.state ?? '-'}`)).toEqual([
      'crit-overdue-verify:overdue',
      'sev2-overdue:overdue',
      'crit-dispatched:ok',
      'mild-fresh:ok',
      'done:-',
    ]);
  });
});
