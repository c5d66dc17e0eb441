import { describe, expect, it } from 'vitest';
import { groupOutages, isWeakLink, stateSince, uptimeOver, uptimeShare, type ConnectivitySite } from './connectivity';

const T0 = Date.parse('2026-11-24T00:00:00.000Z');
const iso = (h: number) => new Date(T0 + h * 3_600_000).toISOString();

describe('uptimeShare', () => {
  it('weighs each state by how long it lasted; degraded counts as up', () => {
    // Window 0..10 h: up (known from before), down 2..5 h, degraded 5..10 h.
    const points = [
      { at: iso(2), state: 'down' as const },
      { at: iso(5), state: 'degraded' as const },
    ];
    expect(uptimeShare(points, 'up', T0, T0 + 10 * 3_600_000)).toBeCloseTo(0.7, 6);
  });

  it('leaves out the span before the first known status, and is null when nothing is known', () => {
    const points = [
      { at: iso(5), state: 'down' as const },
      { at: iso(9), state: 'up' as const },
    ];
    // Known 5..10 h: 4 h down, 1 h up.
    expect(uptimeShare(points, null, T0, T0 + 10 * 3_600_000)).toBeCloseTo(0.2, 6);
    expect(uptimeShare([], null, T0, T0 + 3_600_000)).toBeNull();
    expect(uptimeShare([], 'down', T0, T0 + 3_600_000)).toBe(0);
    expect(uptimeOver(points, null, T0, T0 + 10 * 3_600_000)?.knownMs).toBe(5 * 3_600_000);
  });
});

describe('stateSince', () => {
  it('is the first point of the trailing run of equal states', () => {
    const points = [
      { at: iso(1), state: 'up' as const },
      { at: iso(2), state: 'down' as const },
      { at: iso(3), state: 'down' as const },
    ];
    expect(stateSince(points, null, null)).toBe(iso(2));
  });
  it('reaches back before the window when the state did not change', () => {
    expect(stateSince([{ at: iso(3), state: 'down' }], 'down', iso(-30))).toBe(iso(-30));
    expect(stateSince([{ at: iso(3), state: 'down' }], 'up', iso(-30))).toBe(iso(3));
    expect(stateSince([], 'up', iso(-30))).toBe(iso(-30));
  });
});

describe('isWeakLink', () => {
  it('flags tourist sites that are degraded, slow or thin, and nothing else', () => {
    expect(isWeakLink('tourism', 'degraded', 40, 50)).toBe(true);
    expect(isWeakLink('tourism', 'up', 400, 50)).toBe(true);
    expect(isWeakLink('tourism', 'up', 40, 2)).toBe(true);
    expect(isWeakLink('tourism', 'up', 40, 50)).toBe(false);
    expect(isWeakLink('village', 'degraded', 400, 1)).toBe(false);
  });
});

describe('groupOutages', () => {
  const site = (
    id: string,
    kind: ConnectivitySite['kind'],
    districtCode: string | null,
    state: ConnectivitySite['state'],
    sinceH: number,
  ): ConnectivitySite => ({
    id,
    kind,
    name: `Site ${id}`,
    districtCode,
    lat: -8,
    lon: 112,
    state,
    latencyMs: null,
    bandwidthMbps: null,
    since: iso(sinceH),
    uptime: null,
    uptimeKnownMs: 0,
    weak: false,
  });
  const now = T0 + 10 * 3_600_000;

  it('makes three or more desa down in one kecamatan one outage since the earliest, longest outage first', () => {
    const sites = [
      site('a', 'village', '35.07.12', 'down', 6),
      site('b', 'village', '35.07.12', 'down', 4),
      site('c', 'village', '35.07.12', 'down', 8),
      site('d', 'village', '35.07.13', 'down', 1),
      site('e', 'village', '35.07.13', 'down', 9),
      site('f', 'opd', '35.07.12', 'down', 2),
      site('g', 'village', '35.07.12', 'up', 0),
    ];
    const out = groupOutages(sites, now);
    expect(out.map((o) => [o.scope, o.siteIds.join('+')])).toEqual([
      ['site', 'd'],
      ['site', 'f'],
      ['kecamatan', 'a+b+c'],
      ['site', 'e'],
    ]);
    const group = out.find((o) => o.scope === 'kecamatan')!;
    expect(group.since).toBe(iso(4));
    expect(group.durationMs).toBe(6 * 3_600_000);
  });

  it('puts the larger outage first when both began within the same minute', () => {
    const at = (ms: number) => ({
      ...site('x', 'village', '35.07.12', 'down', 0),
      since: new Date(T0 + ms).toISOString(),
    });
    const sites = [
      { ...at(0), id: 'o', kind: 'opd' as const, districtCode: '35.07.13' },
      { ...at(5_000), id: 'a' },
      { ...at(5_000), id: 'b' },
      { ...at(5_000), id: 'c' },
    ];
    expect(groupOutages(sites, T0 + 30_000).map((o) => o.scope)).toEqual(['kecamatan', 'site']);
  });

  it('lists no outage when nothing is down', () => {
    expect(groupOutages([site('a', 'village', '35.07.12', 'up', 1)], now)).toEqual([]);
  });
});
