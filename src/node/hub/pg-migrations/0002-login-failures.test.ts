import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { PG_ABSENT, pgTestDb } from '../hub-test-kit';
import { migratePg, pgSchemaVersion } from '../pg-schema';

let pool: pg.Pool | undefined;
afterEach(async () => {
  await pool?.end();
  pool = undefined;
});

describe.skipIf(PG_ABSENT)(
  `PostgreSQL hub migration 0002-login-failures${PG_ABSENT ? ` (skipped: ${PG_ABSENT})` : ''}`,
  () => {
    it('brings a schema-1 database to the shared login limits, keeping its feed and accounts', async () => {
      pool = new pg.Pool({ connectionString: await pgTestDb(`mig2_${Date.now()}`, { migrate: false }), max: 1 });
      await migratePg(pool, 1);
      await pool.query(
        `INSERT INTO accounts (username, name, role, password_hash, created_at) VALUES ('operator', 'Operator', 'operator', 'scrypt$16384$8$1$x$y', '2026-01-01T00:00:00.000Z')`,
      );
      await pool.query(`INSERT INTO changes VALUES (1, 'site', 's1', 'upsert', 1, '{"id":"s1"}')`);
      await pool.query('UPDATE feed_head SET last_seq = 1');
      expect(await migratePg(pool)).toEqual({ from: 1, to: 2 });
      expect(await pgSchemaVersion(pool)).toBe(2);
      expect((await pool.query('SELECT username FROM accounts')).rows).toEqual([{ username: 'operator' }]);
      expect((await pool.query('SELECT last_seq FROM feed_head')).rows).toEqual([{ last_seq: '1' }]);
      await pool.query(`INSERT INTO login_failures (key, at_ms) VALUES ('c0ffee', 1)`);
      await pool.query(`INSERT INTO login_lockouts (key, until_ms) VALUES ('c0ffee', 2)`);
      await expect(pool.query(`INSERT INTO login_lockouts (key, until_ms) VALUES ('c0ffee', 3)`)).rejects.toThrow(
        /duplicate key/,
      );
    });
  },
);
