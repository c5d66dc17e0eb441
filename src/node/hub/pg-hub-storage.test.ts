// The PostgreSQL storage's own duties: hearing other connections' commits through LISTEN/NOTIFY, and carrying on
// when PostgreSQL drops its connections (a restart, an administrator's pg_terminate_backend).
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
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
});
