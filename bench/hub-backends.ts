// The hub on its two backends: mutations per second and feed pages per second for the SQLite hub and for 1, 2
// and 4 hub processes on one PostgreSQL database, and catch-up of 1,000,000 changes from a PostgreSQL hub.
// Every hub runs in its own process; the load comes from this one (CLIENTS requests in flight, spread over the
// hubs in turn) and PostgreSQL runs on the same 2 cores, so the figures compare the setups on this machine
// rather than promise what a server room would do. Needs NAWA_BENCH_PG_URL or NAWA_TEST_PG_URL for the
// PostgreSQL rows (a database this may make a schema in); without it they say so.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startChild, type Child } from '../e2e/faults/support/children';
import { migratePg } from '../src/node/hub/pg-schema';
import { startHub } from '../src/node/hub/hub';
import { consoleSide, mb } from './catch-up';
import { generateCentralChanges, MILLION, type CentralRow } from './central-data';
import { report } from './support';

const HUB_CHILD = resolve(import.meta.dirname, '../e2e/faults/support/hub-child.ts');
const CLIENTS = 16;
const BATCH = 10;
const PHASE_MS = Number(process.env.NAWA_BENCH_HUB_MS ?? 8000);
const PAGE = 500;

const pgUrl = () => process.env.NAWA_BENCH_PG_URL || process.env.NAWA_TEST_PG_URL || undefined;

/** A fresh, migrated schema of its own in the benchmark database; dropped by `drop`. */
async function pgSchema(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = pgUrl() as string;
  const schema = `bench_${name}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  await admin.end();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await migratePg(pool);
  await pool.end();
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
      await c.end();
    },
  };
}

async function login(hubUrl: string, username: string): Promise<string> {
  const res = await fetch(`${hubUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

const incident = () => ({
  id: randomUUID(),
  title: 'Bench: genangan di Jalan Kepanjen',
  sector: 'disaster',
  severity: 2,
  status: 'reported',
  districtCode: '35.07.13',
  lat: -8.13,
  lon: 112.57,
  assignedOpd: null,
  reportedAt: new Date().toISOString(),
});

/** Runs `step` in CLIENTS loops for `ms`, each loop on the hubs in turn; returns how many units were done. */
async function load(urls: string[], ms: number, step: (url: string, client: number) => Promise<number>) {
  const end = performance.now() + ms;
  let done = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = c; performance.now() < end; n++) {
        try {
          // Awaited first: `done += await …` would read `done` before the wait and lose the other loops' counts.
          const units = await step(urls[n % urls.length]!, c);
          done += units;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { done, errors, seconds: ms / 1000 };
}

interface Figures {
  mutationsPerS: number;
  pagesPerS: number;
  changesPerS: number;
  errors: number;
}

async function measure(urls: string[]): Promise<Figures> {
  const token = await login(urls[0]!, 'operator');
  const mutations = await load(urls, PHASE_MS, async (url) => {
    const res = await fetch(`${url}/api/v1/mutations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        consoleId: 'bench',
        mutations: Array.from({ length: BATCH }, () => ({
          id: randomUUID(),
          entity: 'incident',
          op: 'upsert',
          data: incident(),
          clientTime: new Date().toISOString(),
        })),
      }),
    });
    const body = (await res.json()) as { results: { status: string }[] };
    return body.results.filter((r) => r.status === 'applied').length;
  });
  const head = ((await (await fetch(`${urls[0]}/api/v1/health`)).json()) as { lastSeq: number }).lastSeq;
  let changes = 0;
  const pages = await load(urls, PHASE_MS, async (url) => {
    const since = Math.floor(Math.random() * Math.max(1, head - PAGE));
    const res = await fetch(`${url}/api/v1/changes?since=${since}&limit=${PAGE}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { changes: unknown[] };
    changes += body.changes.length;
    return 1;
  });
  return {
    mutationsPerS: mutations.done / mutations.seconds,
    pagesPerS: pages.done / pages.seconds,
    changesPerS: changes / pages.seconds,
    errors: mutations.errors + pages.errors,
  };
}

async function withHubs<T>(dbPath: string, n: number, fn: (urls: string[]) => Promise<T>): Promise<T> {
  // The first seeds alone; the others find the seed done.
  const hubs: Child[] = [await startChild(HUB_CHILD, { dbPath, port: 0 }, 120_000)];
  try {
    for (let i = 1; i < n; i++) hubs.push(await startChild(HUB_CHILD, { dbPath, port: 0 }, 120_000));
    return await fn(hubs.map((h) => h.url));
  } finally {
    for (const h of hubs) await h.stop();
  }
}

const row = (f: Figures): string =>
  `${Math.round(f.mutationsPerS).toLocaleString('en').padStart(6)} mutations/s   ` +
  `${Math.round(f.pagesPerS).toLocaleString('en').padStart(5)} pages/s of ${PAGE} ` +
  `(${Math.round(f.changesPerS).toLocaleString('en')} changes/s)${f.errors ? `   ${f.errors} failed requests` : ''}`;

export async function benchHubBackends(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-hubs-'));
  const rows: [string, string][] = [];
  try {
    rows.push(['SQLite, 1 process', row(await withHubs(join(dir, 'hub.db'), 1, measure))]);
    if (!pgUrl()) {
      rows.push(['PostgreSQL', 'skipped: set NAWA_BENCH_PG_URL (or NAWA_TEST_PG_URL) to a database to use']);
    } else {
      for (const n of [1, 2, 4]) {
        const db = await pgSchema(`p${n}`);
        try {
          rows.push([`PostgreSQL, ${n} process${n > 1 ? 'es' : ''}`, row(await withHubs(db.url, n, measure))]);
        } finally {
          await db.drop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(
    `Hub backends: ${CLIENTS} clients, mutations in calls of ${BATCH} incident creates, then feed pages from random cursors (${PHASE_MS / 1000} s each, hubs in their own processes, PostgreSQL 15 on the same 2 cores)`,
    rows,
  );
}

/** Appends the generated changes to a PostgreSQL hub schema in multi-row statements, as the SQLite bench does. */
async function appendToPg(url: string, scale: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ids = async (entity: string) =>
      (await c.query<{ id: string }>('SELECT id FROM records WHERE entity = $1 AND NOT deleted', [entity])).rows.map(
        (r) => r.id,
      );
    const statuses = await c.query<{ id: string; version: number }>(
      `SELECT id, version FROM records WHERE entity = 'status'`,
    );
    const head = await c.query<{ last_seq: string }>('SELECT last_seq FROM feed_head');
    const chain = await c.query<{ hash: string }>(
      `SELECT data::json ->> 'hash' AS hash FROM changes WHERE entity = 'decision' ORDER BY seq DESC LIMIT 1`,
    );
    const mix = {
      readings: MILLION.readings * scale,
      statuses: MILLION.statuses * scale,
      incidents: MILLION.incidents * scale,
      decisions: MILLION.decisions * scale,
    };
    let batch: CentralRow[] = [];
    const flush = async (rows: CentralRow[]) => {
      if (rows.length === 0) return;
      const values = rows.map(
        (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, 'upsert', $${i * 5 + 4}, $${i * 5 + 5})`,
      );
      const params = rows.flatMap((r) => [r.seq, r.entity, r.id, r.version, r.json]);
      await c.query(`INSERT INTO changes (seq, entity, id, op, version, data) VALUES ${values.join(',')}`, params);
      // One row per record in a statement (ON CONFLICT may touch a row once): the newest of the batch.
      const newest = [...new Map(rows.map((r) => [`${r.entity}\u0000${r.id}`, r])).values()];
      const rv = newest.map(
        (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, false, $${i * 5 + 4}, $${i * 5 + 5})`,
      );
      await c.query(
        `INSERT INTO records (entity, id, version, deleted, seq, data) VALUES ${rv.join(',')}
           ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, seq = excluded.seq, data = excluded.data`,
        newest.flatMap((r) => [r.entity, r.id, r.version, r.seq, r.json]),
      );
    };
    const pending: CentralRow[][] = [];
    await c.query('BEGIN');
    const last = generateCentralChanges(
      {
        sites: await ids('site'),
        series: await ids('series'),
        seq: Number(head.rows[0]?.last_seq ?? 0),
        versions: new Map(statuses.rows.map((r) => [`status:${r.id}`, r.version])),
        headHash: chain.rows[0]?.hash,
      },
      mix,
      (r) => {
        batch.push(r);
        if (batch.length === 2000) {
          pending.push(batch);
          batch = [];
        }
      },
    );
    pending.push(batch);
    for (const b of pending) await flush(b);
    await c.query('UPDATE feed_head SET last_seq = $1', [last]);
    await c.query('COMMIT');
    await c.query('ANALYZE changes; ANALYZE records');
    return last;
  } finally {
    await c.end();
  }
}

/** Catch-up of about 1,000,000 changes (NAWA_BENCH_SCALE) into a fresh console store from a PostgreSQL hub. */
export async function benchCatchUpPg(scale = Number(process.env.NAWA_BENCH_SCALE ?? 1)): Promise<void> {
  if (!pgUrl()) {
    report('Catch-up from a PostgreSQL hub', [
      ['skipped', 'set NAWA_BENCH_PG_URL (or NAWA_TEST_PG_URL) to a database to use'],
    ]);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nawa-bench-catchup-pg-'));
  const db = await pgSchema('catchup');
  try {
    const seeded = await startHub({ dbPath: db.url, seed: 'demo', port: 0 });
    await seeded.close();
    const tGen = performance.now();
    const lastSeq = await appendToPg(db.url, scale);
    const genSeconds = (performance.now() - tGen) / 1000;
    const hub = await startChild(HUB_CHILD, { dbPath: db.url, port: 0 }, 120_000);
    let r;
    try {
      r = await consoleSide(hub.url, dir, lastSeq);
    } finally {
      await hub.stop();
    }
    report(
      `Catch-up of ${lastSeq.toLocaleString('en')} central changes from a PostgreSQL hub into a fresh console store (SyncEngine, hub in its own process)`,
      [
        ['central data generated', `${genSeconds.toFixed(1)} s (multi-row INSERTs into the hub's schema)`],
        [
          'time',
          `${r.seconds.toFixed(1)} s, ${Math.round(lastSeq / r.seconds).toLocaleString('en')} changes/s (${r.readings.toLocaleString('en')} readings held)`,
        ],
        ['peak memory (RSS)', `${mb(r.peak)} in the console's own process (+${mb(r.peak - r.rssBefore)})`],
        ['event-loop lag', `worst ${r.lagMaxMs.toFixed(1)} ms, p99 ${r.lagP99Ms.toFixed(1)} ms`],
      ],
    );
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
