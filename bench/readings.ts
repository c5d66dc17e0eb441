// Sector readings: 30 days of 40 series at one reading a minute (1,728,000) applied to a console store the way the
// sync engine applies the feed (its slices of changes, one transaction each with the cursor), beside a plain table
// that keeps every reading raw (readings-baseline.ts) fed the same slices; then sectors.dashboard over random
// sectors for 24 hours and 7 days beside the same answer in plain SQL over the raw rows, and overview.get over the
// filled store. NAWA_BENCH_SCALE=0.25 runs a quarter of the days. The console's other reads: records.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../src/common/central-api';
import { SECTORS } from '../src/common/entities';
import type { SectorDashboard, TrendRange } from '../src/common/sector-api';
import type { Thresholds } from '../src/common/thresholds';
import { seededRandom } from '../src/node/hub/feed-writer';
import { loadReadingLimits } from '../src/node/host/readings-settings';
import { ConsoleStore } from '../src/node/store/console-store';
import { DEFAULT_APPLY_SLICE } from '../src/node/sync/sync-engine';
import { SITES, siteChanges } from './console-fill';
import { PlainReadingStore, type PlainReading } from './readings-baseline';
import { fmt, report, time } from './support';

const SERIES = 40;
/** The sync engine applies a page of the feed in slices of this many changes, each its own transaction. */
const SLICE = DEFAULT_APPLY_SLICE;
/** The sectors issue #8 names for dashboards (all but security): four series each. */
const DASHBOARD_SECTORS = SECTORS.filter((s) => s !== 'security');
const THRESHOLDS: Thresholds = { direction: 'above', warning: 100, critical: 130 };

const seriesDefs = Array.from({ length: SERIES }, (_, i) => ({
  id: `series-${i}`,
  sector: DASHBOARD_SECTORS[i % DASHBOARD_SECTORS.length]!,
  name: `Seri ${i}`,
  unit: 'unit',
  thresholds: THRESHOLDS,
}));

function seedReference(store: ConsoleStore): number {
  const changes = siteChanges(0);
  let seq = changes.length;
  for (const s of seriesDefs)
    changes.push({ seq: ++seq, entity: 'series', id: s.id, op: 'upsert', version: 1, data: s });
  store.applyPage(changes, seq);
  return seq;
}

/** A wandering value per series, crossing its thresholds now and then. */
const valueAt = (series: number, minute: number) =>
  Math.round((80 + 40 * Math.sin((minute + series * 97) / 180) + ((minute * 31 + series * 7) % 23)) * 100) / 100;

const sameTrends = (a: SectorDashboard, b: SectorDashboard) =>
  a.series.length === b.series.length &&
  a.series.every((s, i) => {
    const o = b.series[i]!;
    const close = (x: readonly number[] | null, y: readonly number[] | null) =>
      x === y ||
      (!!x &&
        !!y &&
        x.length === y.length &&
        x.every((v, k) => Math.abs(v - y[k]!) <= 1e-9 * Math.max(1, Math.abs(v))));
    return (
      s.seriesId === o.seriesId &&
      s.level === o.level &&
      s.latest?.at === o.latest?.at &&
      close(s.trend.at, o.trend.at) &&
      close(s.trend.value, o.trend.value) &&
      close(s.trend.min, o.trend.min) &&
      close(s.trend.max, o.trend.max)
    );
  });

const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} readings/s`;

export async function benchReadings(days = Number(process.env.NAWA_BENCH_SCALE ?? 1) * 30): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-readings-'));
  const store = ConsoleStore.open(join(dir, 'console.db'));
  const plain = new PlainReadingStore(join(dir, 'plain.db'));
  const t0 = performance.now();
  const loadBefore = loadavg()[0]!;
  try {
    const limits = loadReadingLimits();
    store.readings.configure(limits);
    let seq = seedReference(store);
    plain.addSeries(seriesDefs);
    const start = Date.UTC(2026, 9, 1);
    const minutes = Math.round(days * 1440);
    const count = minutes * SERIES;
    const end = start + minutes * 60_000;
    let storeMs = 0;
    let plainMs = 0;
    let storeFirstMs = 0;
    // The plain table's rate is timed over the first days, alternated slice by slice with the console store's; the
    // rest of its rows go in untimed in large transactions, to keep the run short.
    const timedPlain = Math.min(count, 2 * 1440 * SERIES);
    let bulk: PlainReading[] = [];
    for (let i = 0; i < count; i += SLICE) {
      // Built outside the timed parts: the rates are the stores', not the generator's.
      const slice: Change[] = [];
      const rows: PlainReading[] = [];
      for (let j = i; j < Math.min(count, i + SLICE); j++) {
        const s = j % SERIES;
        const minute = Math.floor(j / SERIES);
        const seriesId = seriesDefs[s]!.id;
        const at = new Date(start + minute * 60_000).toISOString();
        const value = valueAt(s, minute);
        slice.push({
          seq: ++seq,
          entity: 'reading',
          id: `${seriesId}@${at}`,
          op: 'upsert',
          version: 1,
          data: { seriesId, at, value },
        });
        rows.push({ seriesId, at, value });
      }
      // Alternated, so the machine's ups and downs fall on both alike.
      const ta = performance.now();
      store.applyPage(slice, seq);
      const tb = performance.now();
      storeMs += tb - ta;
      if (i < timedPlain) {
        storeFirstMs += tb - ta;
        plain.add(rows);
        plainMs += performance.now() - tb;
      } else {
        bulk.push(...rows);
        if (bulk.length >= 20_000) {
          plain.add(bulk);
          bulk = [];
        }
      }
      if (i % (SLICE * 250) === 0) await new Promise((r) => setImmediate(r));
    }
    plain.add(bulk);
    const held = store.readings.counts();
    const ingestS = (performance.now() - t0) / 1000;

    // The host's clock a little after the newest reading, as in a room that is up to date.
    const now = new Date(end + 20_000);
    // The demo seed's generator, so each run asks for the same sectors.
    const random = seededRandom(8);
    const pick = () => DASHBOARD_SECTORS[Math.floor(random() * DASHBOARD_SECTORS.length)]!;
    const ranges: TrendRange[] = ['24h', '7d'];
    const same = ranges.every((range) =>
      DASHBOARD_SECTORS.every((sector) =>
        sameTrends(store.sectors.dashboard(sector, range, now), plain.dashboard(sector, range, now)),
      ),
    );
    const dashboards = ranges.map((range) => {
      const probe = store.sectors.dashboard('health', range, now);
      const points = probe.series.reduce((n, s) => n + s.trend.at.length, 0);
      const ours = time(() => store.sectors.dashboard(pick(), range, now), 1000);
      const base = time(() => plain.dashboard(pick(), range, now), range === '24h' ? 100 : 50);
      return { range, series: probe.series.length, points, ours, base };
    });

    const overview = time(() => store.overview(), 500);
    const kpis = store.overview().kpis.length;
    const queriesS = (performance.now() - t0) / 1000 - ingestS;
    report(
      `Sector readings: ${days} days of ${SERIES} series at one a minute (${count.toLocaleString('en')} readings) into the console store, then the dashboards`,
      [
        [
          'ingest, console store',
          `${rate(count, storeMs)} (${(storeMs / 1000).toFixed(1)} s): slices of ${SLICE} changes, one transaction each with the cursor, as the sync engine applies the feed`,
        ],
        [
          'ingest, plain table (baseline)',
          `${rate(timedPlain, plainMs)} over the first ${timedPlain / SERIES / 1440} days, the same slices as bare INSERTs; the console store over those days ${rate(timedPlain, storeFirstMs)}, ${(plainMs / storeFirstMs).toFixed(2)}x the baseline's rate`,
        ],
        [
          'kept after ingest',
          `raw ${held.raw.toLocaleString('en')} readings (rawDays ${limits.rawDays}: older ones only as hours), hourly buckets ${held.hours.toLocaleString('en')} (hourlyDays ${limits.hourlyDays}); the baseline keeps all ${plain.count().toLocaleString('en')} raw`,
        ],
        ...dashboards.flatMap(({ range, series, points, ours, base }): [string, string][] => [
          [
            `sectors.dashboard ${range} (random sector, ${series} series, ${points.toLocaleString('en')} points)`,
            fmt(ours),
          ],
          [
            `  plain SQL over the raw rows (baseline)`,
            `${fmt(base)}: the console store answers ${(base.p50 / ours.p50).toFixed(1)}x faster at p50, ${(base.p99 / ours.p99).toFixed(1)}x at p99`,
          ],
        ]),
        [
          'same points and levels as the baseline',
          same ? `yes, every sector, both ranges` : 'NO: the two answers differ',
        ],
        [`overview.get (${SITES} sites, ${kpis} KPIs)`, fmt(overview)],
        ['goal', 'ingest ≥ 100,000 readings/s; dashboard p99 ≤ 5 ms'],
        [
          'run',
          `ingest ${ingestS.toFixed(0)} s, queries ${queriesS.toFixed(0)} s; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (${availableParallelism()} cores)`,
        ],
      ],
    );
  } finally {
    store.close();
    plain.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
