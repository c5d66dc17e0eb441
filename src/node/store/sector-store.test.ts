import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import type { Series } from '../../common/entities';
import { ConsoleStore } from './console-store';

let dir: string;
let store: ConsoleStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-sectors-'));
  store = ConsoleStore.open(join(dir, 'c.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 10, 20, 12);
const iso = (ms: number) => new Date(ms).toISOString();
const BEDS: Series = { id: 'health.beds', sector: 'health', name: 'Tempat tidur terisi', unit: '%', siteId: 'rsud' };
const IGD: Series = { id: 'health.igd', sector: 'health', name: 'Kunjungan IGD', unit: 'pasien/jam' };
const LOAD: Series = { id: 'energy.load', sector: 'energy', name: 'Beban', unit: 'MW' };
let seq = 0;
const seriesChange = (s: Series, version = 1): Change => ({
  seq: ++seq,
  entity: 'series',
  id: s.id,
  op: 'upsert',
  version,
  data: s,
});
const reading = (seriesId: string, ms: number, value: number): Change => ({
  seq: ++seq,
  entity: 'reading',
  id: `${seriesId}@${iso(ms)}`,
  op: 'upsert',
  version: 1,
  data: { seriesId, at: iso(ms), value },
});
const apply = (...changes: Change[]) => store.applyPage(changes, seq);
const kpi = (id: string) => store.sectors.kpis().find((k) => k.seriesId === id)!;

describe('sector KPIs', () => {
  it('grade the newest reading by the thresholds the feed publishes', () => {
    apply(
      seriesChange({ ...BEDS, thresholds: { direction: 'above', warning: 85, critical: 95 } }),
      seriesChange(IGD),
      reading(BEDS.id, NOW - 120_000, 99),
      reading(BEDS.id, NOW - 60_000, 88),
      reading(IGD.id, NOW - 60_000, 500),
    );
    expect(kpi(BEDS.id)).toEqual({
      seriesId: BEDS.id,
      sector: 'health',
      name: BEDS.name,
      unit: '%',
      siteId: 'rsud',
      thresholds: { direction: 'above', warning: 85, critical: 95 },
      pending: false,
      latest: { value: 88, at: iso(NOW - 60_000) },
      level: 'warning',
    });
    // No thresholds: whatever the figure, it is normal.
    expect(kpi(IGD.id)).toMatchObject({ thresholds: null, level: 'normal' });
    // A later version of the series without thresholds removes them; an older one arriving late does not win.
    apply(
      seriesChange(BEDS, 3),
      seriesChange({ ...BEDS, thresholds: { direction: 'above', warning: 1, critical: 2 } }, 2),
    );
    expect(kpi(BEDS.id)).toMatchObject({ thresholds: null, level: 'normal' });
  });

  it('a supervisor sets thresholds: shown at once as pending, queued as an upsert of the series as held', () => {
    apply(seriesChange(BEDS), reading(BEDS.id, NOW, 90));
    const t = { direction: 'above' as const, warning: 80, critical: 89 };
    const shown = store.sectors.setThresholds(BEDS.id, t, 'supervisor', iso(NOW));
    expect(shown).toMatchObject({ thresholds: t, pending: true, level: 'critical' });
    const [entry] = store.outbox.nextBatch(10);
    expect(entry).toMatchObject({ operatorId: 'supervisor', mutation: { entity: 'series', op: 'upsert' } });
    expect(entry!.mutation.data).toEqual({ ...BEDS, thresholds: t });
    expect(entry!.mutation.baseVersion).toBeUndefined();
    // A second change before the first was sent replaces it: only the last one goes.
    store.sectors.setThresholds(BEDS.id, { ...t, critical: 95 }, 'supervisor', iso(NOW));
    const batch = store.outbox.nextBatch(10);
    expect(batch).toHaveLength(1);
    expect(batch[0]!.mutation.data.thresholds).toEqual({ ...t, critical: 95 });
    expect(kpi(BEDS.id)).toMatchObject({ level: 'warning', pending: true });

    // Applied: the central copy takes the thresholds at the new version, nothing waits, and the feed's echo agrees.
    store.outbox.settle(batch, [{ id: batch[0]!.mutation.id, status: 'applied', seq: 50, version: 2 }]);
    expect(store.outbox.counts().pending).toBe(0);
    expect(kpi(BEDS.id)).toMatchObject({ thresholds: { ...t, critical: 95 }, pending: false, level: 'warning' });
    apply(seriesChange(BEDS, 1));
    expect(kpi(BEDS.id).thresholds).toEqual({ ...t, critical: 95 });
    apply(seriesChange({ ...BEDS, thresholds: { ...t, critical: 95 } }, 2));
    expect(kpi(BEDS.id)).toMatchObject({ name: BEDS.name, unit: '%', siteId: 'rsud', level: 'warning' });

    // Removing them is an upsert without thresholds.
    store.sectors.setThresholds(BEDS.id, null, 'supervisor', iso(NOW));
    expect(store.outbox.nextBatch(10)[0]!.mutation.data).toEqual(BEDS);
    expect(kpi(BEDS.id)).toMatchObject({ thresholds: null, level: 'normal', pending: true });
  });

  it('a refused threshold change stops showing and waits for review', () => {
    apply(seriesChange(BEDS), reading(BEDS.id, NOW, 90));
    store.sectors.setThresholds(BEDS.id, { direction: 'above', warning: 10, critical: 20 }, 'operator', iso(NOW));
    const batch = store.outbox.nextBatch(10);
    store.outbox.settle(batch, [
      { id: batch[0]!.mutation.id, status: 'rejected', error: { code: 'forbidden', message: 'supervisors only' } },
    ]);
    expect(kpi(BEDS.id)).toMatchObject({ thresholds: null, pending: false, level: 'normal' });
    expect(store.outbox.parked()).toMatchObject([{ entity: 'series', recordId: BEDS.id, state: 'rejected' }]);
  });

  it('an unknown series is refused, nothing queued', () => {
    expect(
      store.sectors.setThresholds('nope', { direction: 'below', warning: 5, critical: 1 }, 'supervisor', iso(NOW)),
    ).toBeNull();
    expect(store.outbox.counts().pending).toBe(0);
  });
});

describe('sector dashboard', () => {
  beforeEach(() => {
    const page: Change[] = [seriesChange(BEDS), seriesChange(IGD), seriesChange(LOAD)];
    // Ten days of a reading every minute for the beds, every 10 minutes for IGD.
    for (let ms = NOW - 10 * 86_400_000; ms <= NOW; ms += 60_000) {
      page.push(reading(BEDS.id, ms, 50 + ((ms / 60_000) % 40)));
      if ((ms / 60_000) % 10 === 0) page.push(reading(IGD.id, ms, 3));
    }
    page.push(reading(LOAD.id, NOW, 400));
    store.applyPage(page, seq);
  });

  it('24 hours: the raw readings of the sector, in time order, ending now', () => {
    const d = store.sectors.dashboard('health', '24h', new Date(NOW));
    expect(d).toMatchObject({ sector: 'health', range: '24h', from: iso(NOW - 86_400_000), to: iso(NOW) });
    expect(d.series.map((s) => s.seriesId)).toEqual([IGD.id, BEDS.id]);
    const beds = d.series[1]!.trend;
    expect(beds).toMatchObject({ bucketMs: 0, min: null, max: null });
    expect(beds.at.length).toBe(24 * 60 + 1);
    expect(beds.at[0]).toBe(NOW - 86_400_000);
    expect(beds.at.at(-1)).toBe(NOW);
    expect(beds.at.every((t, i) => i === 0 || t > beds.at[i - 1]!)).toBe(true);
    expect(beds.value[0]).toBe(50 + (((NOW - 86_400_000) / 60_000) % 40));
    expect(d.series[0]!.trend.at.length).toBe(24 * 6 + 1);
  });

  it('24 hours: every point keeps its own value, and times the feed spells otherwise are held in one spelling', () => {
    const d = store.sectors.dashboard('health', '24h', new Date(NOW));
    const beds = d.series.find((s) => s.seriesId === BEDS.id)!.trend;
    expect(beds.value).toEqual(beds.at.map((t) => 50 + ((t / 60_000) % 40)));
    const igd = d.series.find((s) => s.seriesId === IGD.id)!.trend;
    expect(igd.value.every((v) => v === 3)).toBe(true);
    // A later reading written as "…:30Z" and one as "…:30.1Z": in time order (as text "30.1Z" sorts before "30Z").
    const late = NOW + 30_000;
    apply(
      { ...reading(IGD.id, late, 7), data: { seriesId: IGD.id, at: iso(late).replace('.000Z', 'Z'), value: 7 } },
      {
        ...reading(IGD.id, late + 100, 8),
        data: { seriesId: IGD.id, at: iso(late + 100).replace('00Z', 'Z'), value: 8 },
      },
    );
    const after = store.sectors.dashboard('health', '24h', new Date(late + 100));
    const t = after.series.find((s) => s.seriesId === IGD.id)!.trend;
    expect(t.at.slice(-2)).toEqual([late, late + 100]);
    expect(t.value.slice(-2)).toEqual([7, 8]);
    expect(after.series.find((s) => s.seriesId === IGD.id)!.latest).toEqual({ value: 8, at: iso(late + 100) });
    // The same instant spelt the other way is the same reading, not a second one.
    apply({ ...reading(IGD.id, late, 9), data: { seriesId: IGD.id, at: iso(late), value: 9 } });
    const again = store.sectors.dashboard('health', '24h', new Date(late + 100));
    expect(again.series.find((s) => s.seriesId === IGD.id)!.trend.value.slice(-2)).toEqual([7, 8]);
  });

  it('7 days: one point an hour with its average, lowest and highest reading', () => {
    const d = store.sectors.dashboard('health', '7d', new Date(NOW));
    const beds = d.series.find((s) => s.seriesId === BEDS.id)!.trend;
    expect(beds.bucketMs).toBe(3_600_000);
    expect(beds.at.length).toBe(7 * 24 + 1);
    expect(beds.at[0]).toBe(NOW - 7 * 86_400_000);
    // Each full hour holds 60 readings cycling through 50..89: lowest 50, highest 89.
    expect(beds.min!.slice(0, -1).every((v) => v === 50)).toBe(true);
    expect(beds.max!.slice(0, -1).every((v) => v === 89)).toBe(true);
    const minutes = Array.from({ length: 60 }, (_, i) => 50 + (((NOW - 7 * 86_400_000) / 60_000 + i) % 40));
    expect(beds.value[0]).toBeCloseTo(minutes.reduce((a, b) => a + b) / 60, 9);
  });

  it("ends at the newest reading when the console's clock is behind the feed", () => {
    const behind = new Date(NOW - 3 * 3_600_000);
    const d = store.sectors.dashboard('health', '24h', behind);
    expect(d.to).toBe(iso(NOW));
    expect(d.series.find((s) => s.seriesId === BEDS.id)!.trend.at.at(-1)).toBe(NOW);
  });

  it('a sector with no series is empty, not an error', () => {
    expect(store.sectors.dashboard('tourism', '7d', new Date(NOW)).series).toEqual([]);
  });
});
