import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../common/central-api';
import { ConsoleStore } from './console-store';
import { migrate, openDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { HOUR_MS, ReadingLimits } from './reading-cache';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-readings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const START = Date.UTC(2026, 10, 1);
const iso = (ms: number) => new Date(ms).toISOString();
let seq = 0;
const series = (id: string): Change => ({
  seq: ++seq,
  entity: 'series',
  id,
  op: 'upsert',
  version: 1,
  data: { id, sector: 'health', name: `Seri ${id}`, unit: '%' },
});
const reading = (seriesId: string, ms: number, value: number): Change => ({
  seq: ++seq,
  entity: 'reading',
  id: `${seriesId}@${iso(ms)}`,
  op: 'upsert',
  version: 1,
  data: { seriesId, at: iso(ms), value },
});

function hours(store: ConsoleStore, seriesId: string) {
  return store.sectors
    .dashboard('health', '7d', new Date(START + 7 * 86_400_000))
    .series.find((s) => s.seriesId === seriesId)!.trend;
}

describe('reading cache', () => {
  it('counts each reading into its hour once: lowest, average and highest', () => {
    const store = ConsoleStore.open(join(dir, 'a.db'));
    store.applyPage([series('a'), reading('a', START, 10), reading('a', START + 20 * 60_000, 30)], seq);
    // The next page brings one more of that hour, one of the next hour, and a reading already held.
    store.applyPage(
      [reading('a', START + 40 * 60_000, 20), reading('a', START + HOUR_MS, 5), reading('a', START, 10)],
      seq,
    );
    const t = hours(store, 'a');
    expect(t.bucketMs).toBe(HOUR_MS);
    expect(t.at).toEqual([START, START + HOUR_MS]);
    expect(t.value).toEqual([20, 5]);
    expect(t.min).toEqual([10, 5]);
    expect(t.max).toEqual([30, 5]);
    expect(store.readings.counts()).toEqual({ raw: 4, hours: 2 });
    store.close();
  });

  it('drops raw readings past rawDays but keeps their hours, and each series keeps its newest reading', () => {
    const store = ConsoleStore.open(join(dir, 'b.db'));
    store.readings.configure({ rawDays: 1, hourlyDays: 30 });
    const page: Change[] = [series('a'), series('quiet'), reading('quiet', START, 7)];
    // Three days of one reading every 10 minutes.
    for (let ms = START; ms < START + 3 * 86_400_000; ms += 10 * 60_000)
      page.push(reading('a', ms, (ms / 60_000) % 50));
    store.applyPage(page, seq);
    store.readings.prune();
    const newest = START + 3 * 86_400_000 - 10 * 60_000;
    // One day of raw readings before the newest (inclusive), plus the quiet series' only reading.
    expect(store.readings.counts().raw).toBe(6 * 24 + 1 + 1);
    const kpis = store.sectors.kpis('health');
    expect(kpis.find((k) => k.seriesId === 'quiet')?.latest).toEqual({ value: 7, at: iso(START) });
    expect(kpis.find((k) => k.seriesId === 'a')?.latest?.at).toBe(iso(newest));
    // The 7-day trend still shows all three days, hour by hour, from the buckets.
    const t = hours(store, 'a');
    expect(t.at.length).toBe(72);
    expect(t.at[0]).toBe(START);
    store.close();
  });

  it('keeps readings past rawDays only as their hours, with the right average, lowest and highest; late ones too', () => {
    const path = join(dir, 'e.db');
    const store = ConsoleStore.open(path);
    store.readings.configure({ rawDays: 1, hourlyDays: 30 });
    // Three days of a reading a minute; in hour h the minutes read h, h + 0.5, … h + 2.5 over and over.
    const value = (ms: number) => Math.floor((ms - START) / HOUR_MS) + ((((ms - START) / 60_000) % 60) % 6) / 2;
    const page: Change[] = [series('a'), series('b')];
    for (let ms = START; ms < START + 3 * 86_400_000; ms += 60_000) page.push(reading('a', ms, value(ms)));
    store.applyPage(page, seq);
    const newest = START + 3 * 86_400_000 - 60_000;
    const raw = new Database(path, { readonly: true });
    const oldest = () => raw.prepare(`SELECT MIN(at) FROM readings WHERE series_id = 'a'`).pluck().get();
    const rawCount = (id: string) => raw.prepare('SELECT COUNT(*) FROM readings WHERE series_id = ?').pluck().get(id);
    // Raw: the last day before the newest reading, nothing older.
    expect(oldest()).toBe(iso(newest - 86_400_000));
    expect(rawCount('a')).toBe(1441);
    const t = hours(store, 'a');
    expect(t.at).toEqual(Array.from({ length: 72 }, (_, h) => START + h * HOUR_MS));
    expect(t.min).toEqual(t.at.map((_, h) => h));
    expect(t.max).toEqual(t.at.map((_, h) => h + 2.5));
    t.value.forEach((v, h) => expect(v).toBeCloseTo(h + 1.25, 9));

    // A backfill after an outage, two days older than the newest: an hour of 'b' and one more reading of 'a' in its
    // hour 10. Counted into their hours, then gone as raw rows in the same page (but b's newest, its KPI).
    const late: Change[] = [reading('a', START + 10 * HOUR_MS + 30_000, -5)];
    for (let m = 0; m < 60; m++) late.push(reading('b', START + 5 * HOUR_MS + m * 60_000, 100 + (m % 4)));
    store.applyPage(late, seq);
    expect(rawCount('a')).toBe(1441);
    expect(rawCount('b')).toBe(1);
    expect(store.sectors.kpis('health').find((k) => k.seriesId === 'b')?.latest).toEqual({
      value: 103,
      at: iso(START + 5 * HOUR_MS + 59 * 60_000),
    });
    const a = hours(store, 'a');
    expect([a.min![10], a.max![10]]).toEqual([-5, 12.5]);
    expect(a.value[10]).toBeCloseTo((60 * 11.25 - 5) / 61, 9);
    expect(a.value[11]).toBeCloseTo(12.25, 9);
    const b = hours(store, 'b');
    expect(b.at).toEqual([START + 5 * HOUR_MS]);
    expect([b.value[0], b.min![0], b.max![0]]).toEqual([101.5, 100, 103]);
    raw.close();
    store.close();
  });

  it('stops growing: a month of minute readings holds about rawDays raw and hourlyDays of hours', () => {
    const store = ConsoleStore.open(join(dir, 'c.db'));
    store.readings.configure({ rawDays: 2, hourlyDays: 5 });
    store.applyPage([series('a'), series('b'), series('c')], seq);
    const sizes: { raw: number; hours: number }[] = [];
    for (let day = 0; day < 30; day++) {
      const page: Change[] = [];
      for (let m = 0; m < 1440; m++) {
        const ms = START + day * 86_400_000 + m * 60_000;
        for (const id of ['a', 'b', 'c']) page.push(reading(id, ms, m % 97));
      }
      store.applyPage(page, seq);
      sizes.push(store.readings.counts());
    }
    // After the first days the cache is as big as the windows and no bigger, day after day.
    const settled = sizes.slice(7);
    const maxRaw = 3 * (2 * 1440 + 60);
    const maxHours = 3 * (5 * 24 + 2);
    for (const s of settled) {
      expect(s.raw).toBeLessThanOrEqual(maxRaw);
      expect(s.hours).toBeLessThanOrEqual(maxHours);
    }
    expect(Math.max(...settled.map((s) => s.raw)) - Math.min(...settled.map((s) => s.raw))).toBeLessThanOrEqual(3 * 60);
    expect(settled.at(-1)!.raw).toBeGreaterThanOrEqual(3 * 2 * 1440);
    expect(settled.at(-1)!.hours).toBeGreaterThanOrEqual(3 * 5 * 24);
    store.close();
  });

  it('refuses limits that make no sense', () => {
    expect(ReadingLimits.safeParse({ rawDays: 7, hourlyDays: 400 }).success).toBe(true);
    expect(ReadingLimits.safeParse({ rawDays: 7, hourlyDays: 3 }).success).toBe(false);
    expect(ReadingLimits.safeParse({ rawDays: 0, hourlyDays: 3 }).success).toBe(false);
    expect(ReadingLimits.safeParse({ rawDays: 7, hourlyDays: 30, extra: 1 }).success).toBe(false);
    const store = ConsoleStore.open(join(dir, 'd.db'));
    expect(() => store.readings.configure({ rawDays: -1, hourlyDays: 3 })).toThrow();
    store.close();
  });
});

describe('sector readings migration (0007)', () => {
  it('makes the hours of the readings an older cache holds, and series get no thresholds yet', () => {
    const path = join(dir, 'old.db');
    const at = MIGRATIONS.findIndex((m) => m.name === '0007-sector-readings');
    expect(at).toBe(6);
    const db = openDatabase(path, MIGRATIONS.slice(0, at));
    db.prepare(`INSERT INTO series (id, sector, name, unit) VALUES ('a', 'energy', 'Beban', 'MW')`).run();
    const put = db.prepare('INSERT INTO readings (series_id, at, value) VALUES (?, ?, ?)');
    put.run('a', '2026-11-01T00:10:00.000Z', 4);
    put.run('a', '2026-11-01T00:50:00.000Z', 8);
    put.run('a', '2026-11-01T01:00:00.000Z', 1);
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT * FROM reading_hours ORDER BY hour').all()).toEqual([
      { series_id: 'a', hour: START, n: 2, sum: 12, min: 4, max: 8 },
      { series_id: 'a', hour: START + HOUR_MS, n: 1, sum: 1, min: 1, max: 1 },
    ]);
    expect(db.prepare('SELECT thresholds, version FROM series').get()).toEqual({ thresholds: null, version: 0 });
    db.close();
  });
});
