// The sector dashboards through the host against a real hub: a supervisor's thresholds go out through the outbox
// and come back in the feed, a KPI pushed past them raises one alert (a host event), acknowledging puts it away;
// other roles are refused by the access policy before anything is queued.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../common/host-api';
import type { SectorAlerts, SectorDashboard, SeriesKpi } from '../../common/sector-api';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost;
let events: { name: EventName; payload: unknown }[];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-sectors-host-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
  events = [];
  host.onEvent((name, payload) => events.push({ name, payload }));
});
afterEach(async () => {
  await host.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const BEDS = 'health.rsud-kanjuruhan-tt';

async function login(username: string) {
  const c = conn();
  ok(await host.dispatch('session.login', { username, password: 'demo' }, c));
  await until('the demo series', () => host.store.sectors.kpis().length >= 16);
  return c;
}
const bedsKpi = () => host.store.sectors.kpis().find((k) => k.seriesId === BEDS)!;

describe('sector dashboards through the host', () => {
  it('a supervisor tightens a threshold: the level changes at once, the hub takes it, and one alert is raised', async () => {
    const c = await login('supervisor');
    const before = bedsKpi();
    expect(before).toMatchObject({ level: 'normal', thresholds: { direction: 'above', warning: 88, critical: 95 } });
    const value = before.latest!.value;
    const dash = ok<SectorDashboard>(await host.dispatch('sectors.dashboard', { sector: 'health', range: '7d' }, c));
    expect(dash.series.find((s) => s.seriesId === BEDS)!.trend.at.length).toBeGreaterThanOrEqual(7 * 24);

    // Warning just under the figure, critical well above it.
    const thresholds = { direction: 'above' as const, warning: value - 1, critical: value + 10 };
    const { kpi } = ok<{ kpi: SeriesKpi }>(
      await host.dispatch('sectors.setThresholds', { seriesId: BEDS, thresholds }, c),
    );
    expect(kpi).toMatchObject({ level: 'warning', thresholds });
    const alerts = events.filter((e) => e.name === 'sectors.alerts').map((e) => e.payload as SectorAlerts);
    expect(alerts.at(-1)?.alerts).toMatchObject([{ seriesId: BEDS, level: 'warning', value, now: 'warning' }]);

    // Through the hub and back in the feed: nothing waits, and the central copy holds the thresholds.
    await until('the hub took it', () => host.sync.status().pending === 0 && !bedsKpi().pending);
    await until('the feed echo', () => host.store.outbox.counts().pending === 0);
    expect(bedsKpi()).toMatchObject({ thresholds, level: 'warning', pending: false });
    expect(host.store.outbox.parked()).toEqual([]);

    // The echo raised no second alert; acknowledging puts the one away for everyone.
    const listed = ok<SectorAlerts>(await host.dispatch('sectors.alerts', {}, c)).alerts;
    expect(listed).toHaveLength(1);
    const after = ok<SectorAlerts>(await host.dispatch('sectors.ackAlerts', { ids: [listed[0]!.id] }, c));
    expect(after.alerts).toEqual([]);
    expect((events.filter((e) => e.name === 'sectors.alerts').at(-1)?.payload as SectorAlerts).alerts).toEqual([]);
  });

  it('refuses thresholds from other roles, unknown series and thresholds in the wrong order, with host codes', async () => {
    const c = await login('operator');
    const t = { direction: 'above' as const, warning: 1, critical: 2 };
    expect(await host.dispatch('sectors.setThresholds', { seriesId: BEDS, thresholds: t }, c)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(host.store.outbox.counts().pending).toBe(0);
    const s = await login('supervisor');
    expect(await host.dispatch('sectors.setThresholds', { seriesId: 'tidak.ada', thresholds: t }, s)).toMatchObject({
      ok: false,
      error: { code: 'unknown_series', params: { id: 'tidak.ada' } },
    });
    expect(
      await host.dispatch(
        'sectors.setThresholds',
        { seriesId: BEDS, thresholds: { direction: 'above', warning: 90, critical: 80 } },
        s,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // A viewer (the wall's account) may read the dashboards but not acknowledge alerts.
    const v = await login('viewer');
    ok(await host.dispatch('sectors.summary', {}, v));
    expect(
      await host.dispatch('sectors.ackAlerts', { ids: ['00000000-0000-4000-8000-000000000001'] }, v),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(host.store.outbox.counts().pending).toBe(0);
  });
});
