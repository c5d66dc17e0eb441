// Reading ingest: 1,000,000 sector readings applied to a console store the way the sync engine applies the feed
// (pages, one transaction each with the cursor); then the dashboard's queries over the filled store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change } from '../src/common/central-api';
import { SECTORS } from '../src/common/entities';
import { GENESIS_HASH } from '../src/common/canonical-json';
import { decisionHashOf } from '../src/node/signing/decision-log';
import { localSigner } from '../src/node/signing/local-signer';
import { ConsoleStore } from '../src/node/store/console-store';
import { report, summarize } from './support';

const SERIES = 60;
const SITES = 420;
const PAGE = 1000;

function seedReference(store: ConsoleStore): number {
  let seq = 0;
  const changes: Change[] = [];
  for (let i = 0; i < SITES; i++) {
    const id = `35.07.${String(10 + (i % 33)).padStart(2, '0')}.${2001 + i}`;
    changes.push({
      seq: ++seq,
      entity: 'site',
      id,
      op: 'upsert',
      version: 1,
      data: {
        id,
        kind: 'village',
        name: `Desa ${i}`,
        districtCode: `35.07.${String(10 + (i % 33)).padStart(2, '0')}`,
        lat: -8,
        lon: 112.6,
      },
    });
    changes.push({
      seq: ++seq,
      entity: 'status',
      id,
      op: 'upsert',
      version: 1,
      data: {
        siteId: id,
        at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
        state: i % 17 === 0 ? 'down' : i % 7 === 0 ? 'degraded' : 'up',
        latencyMs: 30,
        bandwidthMbps: 40,
      },
    });
  }
  for (let i = 0; i < SERIES; i++) {
    const id = `series-${i}`;
    changes.push({
      seq: ++seq,
      entity: 'series',
      id,
      op: 'upsert',
      version: 1,
      data: { id, sector: SECTORS[i % SECTORS.length], name: `Seri ${i}`, unit: 'unit' },
    });
  }
  store.applyPage(changes, seq);
  return seq;
}

/** A year of a busy room besides the readings: decisions (some still waiting), incidents (some being edited). */
function fillRecords(store: ConsoleStore, from: number): number {
  let seq = from;
  // Signed and chained as a v1.1 hub publishes them, so the console verifies and keeps every one.
  const signer = localSigner('operator', 'c', new Date(Date.UTC(2026, 0, 1)).toISOString());
  const changes: Change[] = [
    { seq: ++seq, entity: 'signing_key', id: signer.key.id, op: 'upsert', version: 1, data: signer.key },
  ];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < 20_000; i++) {
    const id = `7d000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const d = signer.sign({
      id,
      decidedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      summary: `Keputusan ${i}`,
      rationale: '',
      action: 'Catat',
      operatorId: 'operator',
      consoleId: 'c',
    });
    const hash = decisionHashOf(d, prevHash);
    changes.push({ seq: ++seq, entity: 'decision', id, op: 'upsert', version: 1, data: { ...d, seq, prevHash, hash } });
    prevHash = hash;
  }
  for (let i = 0; i < 300; i++) {
    const id = `7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    changes.push({
      seq: ++seq,
      entity: 'incident',
      id,
      op: 'upsert',
      version: 1,
      data: { ...incident(id, i), updatedAt: new Date(Date.UTC(2026, 10, 1)).toISOString(), version: 1 },
    });
  }
  store.applyPage(changes, seq);
  for (let i = 0; i < 2_000; i++) {
    store.recordDecision(
      {
        id: crypto.randomUUID(),
        decidedAt: new Date().toISOString(),
        summary: `Menunggu ${i}`,
        rationale: '',
        action: 'Catat',
      },
      'operator',
      'c',
    );
  }
  for (let i = 0; i < 50; i++)
    store.incidentRepo.save(
      { ...incident(`7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`, i), status: 'verified' },
      'operator',
      new Date().toISOString(),
    );
  return seq;
}

const incident = (id: string, i: number) => ({
  id,
  title: `Insiden ${i}`,
  sector: 'disaster' as const,
  severity: 1 + (i % 4),
  status: 'reported' as const,
  districtCode: '35.07.13',
  lat: -8.1,
  lon: 112.6,
  assignedOpd: null,
  reportedAt: new Date(Date.UTC(2026, 10, 1)).toISOString(),
});

export async function benchReadings(count = Number(process.env.NAWA_BENCH_SCALE ?? 1) * 1_000_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-readings-'));
  const store = ConsoleStore.open(join(dir, 'console.db'));
  try {
    let seq = seedReference(store);
    const start = Date.UTC(2026, 9, 1);
    let applyMs = 0;
    const t0 = performance.now();
    for (let i = 0; i < count; i += PAGE) {
      // Built outside the timed part: the rate is the store's, not the generator's.
      const page: Change[] = [];
      for (let j = i; j < Math.min(count, i + PAGE); j++) {
        const seriesId = `series-${j % SERIES}`;
        const at = new Date(start + Math.floor(j / SERIES) * 60_000).toISOString();
        page.push({
          seq: ++seq,
          entity: 'reading',
          id: `${seriesId}@${at}`,
          op: 'upsert',
          version: 1,
          data: { seriesId, at, value: (j % 997) / 7 },
        });
      }
      const ta = performance.now();
      store.applyPage(page, seq);
      applyMs += performance.now() - ta;
      if (i % (PAGE * 50) === 0) await new Promise((r) => setImmediate(r));
    }
    const wall = (performance.now() - t0) / 1000;
    const held = store.readingCount();

    seq = fillRecords(store, seq);
    const time = (f: () => unknown, n = 1000) => {
      const samples: number[] = [];
      for (let i = 0; i < 50; i++) f();
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        f();
        samples.push(performance.now() - t);
      }
      return summarize(samples);
    };
    const fmt = (s: ReturnType<typeof summarize>) =>
      `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms`;
    const overview = time(() => store.overview());
    const kpis = store.overview().kpis.length;
    const incidents = time(() => store.incidents());
    const decisions = time(() => store.decisions(200));
    const edit = time(
      () =>
        store.incidentRepo.save(
          { ...incident('7b000000-0000-4000-8000-000000000007', 7), status: 'dispatched' },
          'operator',
          new Date().toISOString(),
        ),
      200,
    );
    report(
      `Reading ingest of ${count.toLocaleString('en')} readings into the console store, then the dashboard's queries`,
      [
        [
          'ingest',
          `${Math.round(count / (applyMs / 1000)).toLocaleString('en')} readings/s in the store (${(applyMs / 1000).toFixed(1)} s), ${Math.round(count / wall).toLocaleString('en')}/s with page building; ${held.toLocaleString('en')} held`,
        ],
        [`overview.get (${SITES} sites, ${kpis} KPIs)`, fmt(overview)],
        ['incidents.list (300, 50 being edited)', fmt(incidents)],
        ['decisions.list (22,000, 2,000 waiting)', fmt(decisions)],
        ['incidents.save (an edit, 2,000+ waiting)', fmt(edit)],
        ['goal', 'ingest ≥ 100,000 readings/s; dashboard p99 ≤ 5 ms'],
      ],
    );
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
