// Global setup of the test runs where PostgreSQL is at hand (vitest.config.ts, vitest.pg.config.ts): checks the
// database answers before any test, and drops the schemas the run's test hubs made once it ends.
import pg from 'pg';

/** Test schemas are named so (hub-test-kit.ts); the PostgreSQL run drops them all at its end. */
export const TEST_SCHEMA_PREFIX = 'hubt_';

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.NAWA_TEST_PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function dropTestSchemas(c: pg.Client): Promise<void> {
  const { rows } = await c.query<{ s: string }>(
    `SELECT nspname AS s FROM pg_namespace WHERE starts_with(nspname, $1)`,
    [TEST_SCHEMA_PREFIX],
  );
  for (const { s } of rows) await c.query(`DROP SCHEMA ${pg.escapeIdentifier(s)} CASCADE`);
}

export async function setup(): Promise<() => Promise<void>> {
  await withAdmin(async (c) => {
    const v = await c.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    process.stdout.write(`PostgreSQL for the tests: ${v.rows[0]?.v}\n`);
  });
  return () => withAdmin(dropTestSchemas);
}
