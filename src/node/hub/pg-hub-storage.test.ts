// The PostgreSQL storage's own duties: hearing other connections' commits through LISTEN/NOTIFY, and carrying on
// when PostgreSQL drops its connections (a restart, an administrator's pg_terminate_backend).
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from './hub';
import { PG_ABSENT, PG_TEST_URL, pgTestDb } from './hub-test-kit';
import { isConnectionError, PgHubStorage } from './pg-hub-storage';

const open: PgHubStorage[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`not in ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A TCP path to PostgreSQL that a test can cut and mend, as a network or a database restart would. */
class PgLink {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }

  /** `url` with its host and port replaced by this link's. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }
}

/** A URL whose connections carry a name of their own, so this test cuts only its own. */
function named(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/** Cuts connections as PostgreSQL would on a restart: the listening one, or the pool's. */
async function terminate(name: string, which: 'listener' | 'pool'): Promise<number> {
  const c = new pg.Client({ connectionString: PG_TEST_URL });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE application_name = $1 AND (query LIKE 'LISTEN%') = $2`,
      [name, which === 'listener'],
    );
    return r.rows[0]?.n ?? 0;
  } finally {
    await c.end();
  }
}

describe.skipIf(PG_ABSENT)(`PgHubStorage${PG_ABSENT ? ` (skipped: ${PG_ABSENT})` : ''}`, () => {
  it("hears another process's commits, and still after its listening connection was cut", async () => {
    const url = await pgTestDb(`listen_${Date.now()}`);
    const name = `nawa-test-listen-${Date.now()}`;
    const logs: string[] = [];
    const a = await PgHubStorage.open(named(url, name), { log: (l) => logs.push(l) });
    const b = await PgHubStorage.open(url);
    open.push(a, b);
    let heard = 0;
    a.onChanges(() => heard++);
    await b.transaction((tx) => tx.write('site', 's1', 'upsert', () => ({ id: 's1' })));
    await until('a hears b', () => heard >= 1);

    expect(await terminate(name, 'listener')).toBe(1);
    const before = heard;
    // Written while a's listener is down: a looks again once it has reconnected, so it is not missed.
    await b.transaction((tx) => tx.write('site', 's2', 'upsert', () => ({ id: 's2' })));
    await until('a hears again after reconnecting', () => heard > before);
    expect(logs.some((l) => /listener lost/.test(l))).toBe(true);
    const again = heard;
    await new Promise((r) => setTimeout(r, 200));
    await b.transaction((tx) => tx.write('site', 's3', 'upsert', () => ({ id: 's3' })));
    await until('and goes on hearing', () => heard > again);
    expect((await a.readChanges(0, 10)).rows.map((r) => r.id)).toEqual(['s1', 's2', 's3']);
  });

  it('carries on when PostgreSQL drops the idle connections of its pool', async () => {
    const url = await pgTestDb(`pooldrop_${Date.now()}`);
    const name = `nawa-test-pool-${Date.now()}`;
    const logs: string[] = [];
    const s = await PgHubStorage.open(named(url, name), { log: (l) => logs.push(l) });
    open.push(s);
    await s.transaction((tx) => tx.write('site', 's1', 'upsert', () => ({ id: 's1' })));
    expect(await terminate(name, 'pool')).toBeGreaterThanOrEqual(1);
    await until('the pool noticed', () => logs.some((l) => /connection lost/.test(l)));
    // The next statements get fresh connections; nothing was lost and the process did not fall over.
    await s.transaction((tx) => tx.write('site', 's2', 'upsert', () => ({ id: 's2' })));
    expect(await s.lastSeq()).toBe(2);
  });

  it('tells a database that cannot be reached (answered 503) from a statement that failed (a bug, 500)', async () => {
    const refused = new pg.Client({ connectionString: 'postgres://nawa:nawa@127.0.0.1:1/none' });
    const down = await refused.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(isConnectionError(down)).toBe(true);
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    try {
      const bad = await c.query('SELEC 1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(bad).toBeInstanceOf(Error);
      expect(isConnectionError(bad)).toBe(false);
    } finally {
      await c.end();
    }
  });

  it('rides out a database that cannot be reached: 503 meanwhile, then listening again and hearing what it missed', async () => {
    const url = await pgTestDb(`outage_${Date.now()}`);
    const link = new PgLink(new URL(url));
    await link.up();
    const logs: string[] = [];
    const a = await PgHubStorage.open(link.via(url), { log: (l) => logs.push(l) });
    const b = await PgHubStorage.open(url);
    open.push(a, b);
    const hub = await startHub({ dbPath: link.via(url), seed: 'demo', port: 0 });
    try {
      let heard = 0;
      a.onChanges(() => heard++);
      const start = await b.lastSeq();
      await link.down();
      const failed = await a.lastSeq().then(
        () => null,
        (e: unknown) => e,
      );
      expect(a.isUnavailable(failed)).toBe(true);
      const health = await fetch(`${hub.url}/api/v1/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      expect(health.headers.get('retry-after')).toBe('1');
      // Written while `a` cannot hear, and while its reconnects fail for a while.
      await b.transaction((tx) => tx.write('site', 'missed', 'upsert', () => ({ id: 'missed' })));
      await new Promise((r) => setTimeout(r, 1300));
      expect(logs.filter((l) => /reconnect failed/.test(l)).length).toBeGreaterThanOrEqual(1);
      await link.up();
      await until('a listens again and looks', () => heard > 0, 10_000);
      expect((await a.readChanges(start, 10)).rows.map((r) => r.id)).toEqual(['missed']);
      const before = heard;
      await b.transaction((tx) => tx.write('site', 'after', 'upsert', () => ({ id: 'after' })));
      await until('and hears what comes next', () => heard > before);
      expect((await fetch(`${hub.url}/api/v1/health`)).status).toBe(200);
    } finally {
      await hub.close();
      await link.down();
    }
  }, 30_000);
});
