// report.get from the console's cache against a real hub: the period's incidents and decisions, the waiting
// ones too, offline as online; any role logged in may read it, nobody else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionView } from '../../common/host-api';
import type { SituationReport } from '../../common/report-api';
import type { SeriesKpi } from '../../common/sector-api';
import { levelOf } from '../../common/thresholds';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-report-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const incident = (title: string, reportedAt: string, sector = 'disaster') => ({
  incident: {
    title,
    sector,
    severity: 3,
    status: 'reported',
    districtCode: '35.07.13',
    lat: -8.16,
    lon: 112.48,
    reportedAt,
  },
});

describe('report.get', () => {
  it('reports the period from the cache, waiting decisions marked, for any role logged in', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const h = host;
    const op = conn();
    ok(await h.dispatch('session.login', { username: 'operator', password: 'demo' }, op));
    for (const [title, at, sector] of [
      ['Banjir Sitiarjo', '2026-11-10T02:00:00.000Z', 'disaster'],
      ['Lampu mati Gondanglegi', '2026-11-10T20:00:00.000Z', 'transport'],
      ['Kemarin', '2026-11-09T10:00:00.000Z', 'disaster'],
    ] as const)
      ok(await h.dispatch('incidents.save', incident(title, at, sector), op));
    const first = ok<{ decision: DecisionView }>(
      await h.dispatch('decisions.record', { summary: 'Evakuasi', rationale: 'Air naik', action: 'BPBD' }, op),
    ).decision;
    await until('synced', () => h.store.decisions().find((d) => d.id === first.id && d.state === 'synced'));
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await until('offline', () => !h.sync.status().online);
    const fix = ok<{ decision: DecisionView }>(
      await h.dispatch(
        'decisions.correct',
        { supersedes: first.id, summary: 'Evakuasi ke SDN 2', action: 'Pindah', reason: 'Balai tergenang' },
        op,
      ),
    ).decision;

    // Offline: the period of 10 November (WIB) and, for the decisions, the whole record until now.
    const nov10 = ok<SituationReport>(
      await h.dispatch('report.get', { from: '2026-11-09T17:00:00.000Z', to: '2026-11-10T17:00:00.000Z' }, op),
    );
    expect(nov10.incidents.total).toBe(1);
    expect(nov10.incidents.list.map((i) => i.title)).toEqual(['Banjir Sitiarjo']);
    expect(nov10.decisions.entries).toHaveLength(0);
    const days = ok<SituationReport>(
      await h.dispatch('report.get', { from: '2026-11-09T17:00:00.000Z', to: '2026-11-11T17:00:00.000Z' }, op),
    );
    expect(days.incidents.total).toBe(2);
    expect(days.incidents.bySector).toEqual([
      { sector: 'disaster', total: 1, open: 1 },
      { sector: 'transport', total: 1, open: 1 },
    ]);
    // The last hour to now: this test's decisions, not the demo seed's (80 and 120 minutes old).
    const lastHour = () => ({ from: new Date(Date.now() - 3_600_000).toISOString() });
    const all = ok<SituationReport>(await h.dispatch('report.get', lastHour(), op));
    expect(all.decisions.entries).toHaveLength(2);
    const entries = all.decisions.entries.filter((d) => d.id === first.id || d.id === fix.id);
    expect(entries.map((d) => [d.summary, d.verification])).toEqual([
      ['Evakuasi', 'verified'],
      ['Evakuasi ke SDN 2', 'pending'],
    ]);
    expect(entries[0]?.correctedBy).toEqual([{ id: fix.id, summary: 'Evakuasi ke SDN 2' }]);
    expect(entries[1]?.supersedes).toEqual({ id: first.id, summary: 'Evakuasi' });
    expect(entries[1]?.wall).toEqual(fix.wall);
    expect(all.decisions.verifiedSeq).toBeGreaterThanOrEqual(entries[0]?.seq ?? Infinity);
    expect(all.kpis.length).toBeGreaterThan(0);
    expect(all.to <= new Date().toISOString()).toBe(true);

    hub = await startHub({ dbPath: join(dir, 'hub.db'), port, heartbeatMs: 200 });
    await until('correction synced', () => h.store.decisions().find((d) => d.id === fix.id && d.state === 'synced'));
    const later = ok<SituationReport>(await h.dispatch('report.get', lastHour(), op));
    expect(later.decisions.entries.find((d) => d.id === fix.id)?.verification).toBe('verified');

    const viewer = conn();
    ok(await h.dispatch('session.login', { username: 'viewer', password: 'demo' }, viewer));
    expect(await h.dispatch('report.get', {}, viewer)).toMatchObject({ ok: true });
    expect(await h.dispatch('report.get', {}, conn())).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(
      await h.dispatch('report.get', { from: '2026-11-10T00:00:00.000Z', to: '2026-11-09T00:00:00.000Z' }, op),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it("grades each KPI by its series' thresholds as the room holds them, a supervisor's waiting change included", async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
    const h = host;
    const sup = conn();
    ok(await h.dispatch('session.login', { username: 'supervisor', password: 'demo' }, sup));
    await until('the demo series', () => h.store.sectors.kpis().filter((k) => k.latest).length >= 16);
    const held = h.store.sectors.kpis();
    // The demo publishes thresholds for some series (beds above 88 / 95) and none for others.
    const beds = held.find((k) => k.seriesId === 'health.rsud-kanjuruhan-tt')!;
    const bare = held.find((k) => k.thresholds === null && k.latest)!;
    expect(beds.thresholds).toEqual({ direction: 'above', warning: 88, critical: 95 });
    // Power load made critical by a supervisor's tighter thresholds, offline so the change still waits.
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await until('offline', () => !h.sync.status().online);
    const load = held.find((k) => k.seriesId === 'energy.beban-listrik')!;
    const value = load.latest!.value;
    const tight = { direction: 'above' as const, warning: value - 20, critical: value - 10 };
    const { kpi } = ok<{ kpi: SeriesKpi }>(
      await h.dispatch('sectors.setThresholds', { seriesId: load.seriesId, thresholds: tight }, sup),
    );
    expect(kpi).toMatchObject({ pending: true, level: 'critical' });

    const report = ok<SituationReport>(await h.dispatch('report.get', {}, sup));
    const level = (id: string) => report.kpis.find((k) => k.seriesId === id)?.level;
    expect(level(load.seriesId)).toBe('critical');
    expect(level(beds.seriesId)).toBe(levelOf(beds.latest!.value, beds.thresholds));
    expect(level(bare.seriesId)).toBeNull();
    // Every row as the dashboards grade it: the same series, values and levels, in the same order.
    const shown = h.store.sectors.kpis().filter((k) => k.latest);
    expect(report.kpis.map((k) => [k.seriesId, k.value, k.at, k.level])).toEqual(
      shown.map((k) => [k.seriesId, k.latest!.value, k.latest!.at, k.thresholds ? k.level : null]),
    );
    expect(report.kpis.filter((k) => k.level !== null).length).toBeGreaterThanOrEqual(10);
    hub = await startHub({ dbPath: join(dir, 'hub.db'), port, heartbeatMs: 200 });
  });
});
