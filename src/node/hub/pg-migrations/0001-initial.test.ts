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
  `PostgreSQL hub migration 0001-initial${PG_ABSENT ? ` (skipped: ${PG_ABSENT})` : ''}`,
  () => {
    it('makes the change log with its head, records, accounts with sessions and audit, and applied mutations', async () => {
      pool = new pg.Pool({ connectionString: await pgTestDb(`mig1_${Date.now()}`, { migrate: false }), max: 1 });
      expect(await pgSchemaVersion(pool)).toBe(0);
      expect(await migratePg(pool, 1)).toEqual({ from: 0, to: 1 });
      expect(await pgSchemaVersion(pool)).toBe(1);
      const tables = (
        await pool.query<{ t: string }>(
          `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
        )
      ).rows.map((r) => r.t);
      expect(tables).toEqual([
        'accounts',
        'audit',
        'changes',
        'feed_head',
        'meta',
        'mutations',
        'nawa_schema',
        'records',
        'sessions',
      ]);
      expect((await pool.query('SELECT last_seq FROM feed_head')).rows).toEqual([{ last_seq: '0' }]);
      // One head row only, never below zero.
      await expect(pool.query('INSERT INTO feed_head (only_row, last_seq) VALUES (false, 1)')).rejects.toThrow(/check/);
      await expect(pool.query('UPDATE feed_head SET last_seq = -1')).rejects.toThrow(/check/);

      await pool.query(
        `INSERT INTO accounts (username, name, role, password_hash, created_at) VALUES ('sri', 'Sri', 'operator', 'h', 'now')`,
      );
      await expect(
        pool.query(
          `INSERT INTO accounts (username, name, role, password_hash, created_at) VALUES ('x', 'X', 'admin', 'h', 'now')`,
        ),
      ).rejects.toThrow(/check/);
      await pool.query(`INSERT INTO sessions VALUES ('t', 'sri', 'now', 'later')`);
      await pool.query(`DELETE FROM accounts WHERE username = 'sri'`);
      expect((await pool.query('SELECT count(*)::int AS n FROM sessions')).rows).toEqual([{ n: 0 }]);
      await expect(
        pool.query(
          `INSERT INTO changes (seq, entity, id, op, version, data) VALUES (1, 'site', 's', 'merge', 1, '{}')`,
        ),
      ).rejects.toThrow(/check/);
      // Again is nothing: the version says it is done.
      expect(await migratePg(pool, 1)).toEqual({ from: 1, to: 1 });
    });
  },
);
