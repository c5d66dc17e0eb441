// The hub's PostgreSQL schema version: numbered migrations (pg-migrations/) applied by `nawa hub --migrate`, and
// a refusal of a database whose schema is newer (or, outside --migrate, older) than this code.
import type { Pool, PoolClient } from 'pg';
import { PG_MIGRATIONS, type PgMigration } from './pg-migrations';

export class PgSchemaError extends Error {
  constructor(
    readonly code: 'newer_than_code' | 'older_than_code' | 'unreachable',
    message: string,
  ) {
    super(message);
    this.name = 'PgSchemaError';
  }
}

// Several hub processes may start (or migrate) at once: one advisory lock per schema lets one of them at a time.
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('nawa-hub-migrate:' || current_schema()))`;

async function versionOf(c: PoolClient): Promise<number> {
  const exists = await c.query<{ t: string | null }>(`SELECT to_regclass('nawa_schema')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const row = await c.query<{ version: number }>('SELECT version FROM nawa_schema');
  return row.rows[0]?.version ?? 0;
}

/** The schema version the database is at (0: nothing of the hub's yet). */
export async function pgSchemaVersion(pool: Pool): Promise<number> {
  const c = await pool.connect();
  try {
    return await versionOf(c);
  } finally {
    c.release();
  }
}

function newer(version: number, known: number): PgSchemaError {
  return new PgSchemaError(
    'newer_than_code',
    `The database is at schema version ${version} but this Nawa knows only ${known}: it was migrated by a newer Nawa. Update Nawa; the database was left untouched.`,
  );
}

/**
 * Applies the migrations after the database's version up to `target`, all in one transaction under the lock (a
 * failed step leaves the database as it was). Returns the versions before and after.
 */
export async function migratePg(
  pool: Pool,
  target = PG_MIGRATIONS.length,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    try {
      await c.query(LOCK);
      const from = await versionOf(c);
      if (from > migrations.length) throw newer(from, migrations.length);
      if (from === 0) {
        await c.query('CREATE TABLE nawa_schema (version integer NOT NULL)');
        await c.query('INSERT INTO nawa_schema (version) VALUES (0)');
      }
      for (let v = from; v < target; v++) {
        await c.query(migrations[v]!.sql);
        await c.query('UPDATE nawa_schema SET version = $1', [v + 1]);
      }
      await c.query('COMMIT');
      return { from, to: Math.max(from, target) };
    } catch (err) {
      await c.query('ROLLBACK');
      throw err;
    }
  } finally {
    c.release();
  }
}

/** Refuses a schema this code cannot serve: newer than the code, or not yet migrated to it. */
export async function checkPgSchema(pool: Pool, location: string): Promise<void> {
  const version = await pgSchemaVersion(pool);
  const known = PG_MIGRATIONS.length;
  if (version > known) throw newer(version, known);
  if (version < known)
    throw new PgSchemaError(
      'older_than_code',
      `The database ${location} is at schema version ${version}; this Nawa needs ${known}. Run \`nawa hub --db <url> --migrate\` first.`,
    );
}
