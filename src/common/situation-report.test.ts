import { describe, expect, it } from 'vitest';
import type { Incident } from './entities';
import { buildSituationReport, verificationOf, type HeldDecision, type ReportSources } from './situation-report';

const inc = (over: Partial<Incident>): Incident => ({
  id: crypto.randomUUID(),
  title: 'Banjir',
  sector: 'disaster',
  severity: 3,
  status: 'reported',
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.5,
  assignedOpd: null,
  reportedAt: '2026-11-10T03:00:00.000Z',
  updatedAt: '2026-11-10T03:00:00.000Z',
  version: 1,
  ...over,
});
const dec = (over: Partial<HeldDecision>): HeldDecision => ({
  id: crypto.randomUUID(),
  decidedAt: '2026-11-10T05:00:00.000Z',
  summary: 'Evakuasi',
  rationale: 'Air naik',
  action: 'BPBD',
  operatorId: 'operator',
  consoleId: 'posko',
  seq: 10,
  hash: 'a'.repeat(64),
  state: 'synced',
  ...over,
});
const chainOk = { count: 20, verifiedTo: 20, broken: null };
const sources = (over: Partial<ReportSources>): ReportSources => ({
  from: '2026-11-09T17:00:00.000Z',
  to: '2026-11-11T17:00:00.000Z',
  now: '2026-12-02T07:00:00.000Z',
  consoleId: 'posko',
  dataAsOf: '2026-12-02T06:59:00.000Z',
  incidents: [],
  decisions: [],
  corrections: [],
  summaries: new Map(),
  verifiedSeq: 20,
  chain: chainOk,
  kpis: [],
  ...over,
});

describe('the situation report', () => {
  it('counts the incidents reported in the period by their status now and by sector, open ones apart', () => {
    const r = buildSituationReport(
      sources({
        incidents: [
          inc({ status: 'reported', severity: 4 }),
          inc({ status: 'dispatched', assignedOpd: 'BPBD' }),
          inc({ status: 'closed', severity: 4 }),
          inc({ sector: 'health', status: 'resolved', severity: 1 }),
          // The first instant of the period counts, its end does not; nor the day before.
          inc({ sector: 'transport', status: 'verified', reportedAt: '2026-11-09T17:00:00.000Z' }),
          inc({ title: 'end', reportedAt: '2026-11-11T17:00:00.000Z' }),
          inc({ title: 'before', reportedAt: '2026-11-09T16:59:59.999Z' }),
        ],
      }),
    );
    expect(r.incidents.total).toBe(5);
    expect(r.incidents.byStatus).toEqual([
      { status: 'reported', count: 1 },
      { status: 'verified', count: 1 },
      { status: 'dispatched', count: 1 },
      { status: 'resolved', count: 1 },
      { status: 'closed', count: 1 },
    ]);
    expect(r.incidents.bySector).toEqual([
      { sector: 'disaster', total: 3, open: 2 },
      { sector: 'transport', total: 1, open: 1 },
      { sector: 'health', total: 1, open: 0 },
    ]);
    // Most severe first, open before settled.
    expect(r.incidents.list.map((i) => [i.severity, i.status])).toEqual([
      [4, 'reported'],
      [4, 'closed'],
      [3, 'dispatched'],
      [3, 'verified'],
      [1, 'resolved'],
    ]);
    expect(r.incidents.list.find((i) => i.status === 'dispatched')?.opd).toBe('BPBD');
    expect(r.incidents.list.map((i) => i.title)).not.toContain('before');
    expect(r.incidents.omitted).toBe(0);
  });

  it('takes the whole record when the period has no start', () => {
    const r = buildSituationReport(
      sources({ from: null, incidents: [inc({ reportedAt: '2020-01-01T00:00:00.000Z' })] }),
    );
    expect(r.incidents.total).toBe(1);
  });

  it('says how far each decision is verified, and links corrections both ways (also later ones)', () => {
    const first = dec({ seq: 11, summary: 'Evakuasi ke balai desa' });
    const fix = dec({ seq: 12, summary: 'Evakuasi ke SDN 2', supersedes: first.id, rationale: 'Balai tergenang' });
    const later = dec({ seq: 30, summary: 'Evakuasi selesai', supersedes: fix.id, decidedAt: '2026-11-20T00:00:00Z' });
    const refused = dec({ seq: null, hash: null, state: 'rejected', supersedes: fix.id, summary: 'Ditolak' });
    const waiting = dec({ seq: null, hash: null, state: 'pending' });
    const r = buildSituationReport(
      sources({
        decisions: [first, fix, waiting],
        corrections: [fix, later, refused],
        summaries: new Map([[first.id, first.summary]]),
        incidents: [inc({ id: 'i-1', title: 'Banjir Sitiarjo' })],
      }),
    );
    const [a, b, c] = r.decisions.entries;
    expect(a).toMatchObject({ verification: 'verified', correctedBy: [{ id: fix.id, summary: 'Evakuasi ke SDN 2' }] });
    expect(b).toMatchObject({
      supersedes: { id: first.id, summary: 'Evakuasi ke balai desa' },
      // The refused correction links nothing.
      correctedBy: [{ id: later.id, summary: 'Evakuasi selesai' }],
    });
    expect(c?.verification).toBe('pending');
    expect(r.decisions.verifiedSeq).toBe(20);
  });

  it('marks decisions from a break in the chain on, and past the verified watermark, as not verified', () => {
    const broken = { count: 20, verifiedTo: 11, broken: { seq: 12, id: 'x', reason: 'hash' as const } };
    expect(verificationOf(dec({ seq: 11 }), 20, broken)).toBe('verified');
    expect(verificationOf(dec({ seq: 12 }), 20, broken)).toBe('unverified');
    expect(verificationOf(dec({ seq: 25 }), 20, chainOk)).toBe('unverified');
    expect(verificationOf(dec({ state: 'rejected', seq: null }), 20, chainOk)).toBe('rejected');
  });

  it('gives a KPI its level only where thresholds are known', () => {
    const k = { seriesId: 's', name: 'Tempat tidur terisi', sector: 'health' as const, unit: '%', at: 'x' };
    const r = buildSituationReport(
      sources({
        kpis: [
          { ...k, value: 93, thresholds: { direction: 'above', warning: 80, critical: 90 } },
          { ...k, seriesId: 't', value: 85, thresholds: { direction: 'above', warning: 80, critical: 90 } },
          { ...k, seriesId: 'u', value: 50 },
        ],
      }),
    );
    expect(r.kpis.map((x) => x.level)).toEqual(['critical', 'warning', null]);
  });
});
