// The PostgreSQL schema's version, as a hub sees it at start and as `nawa hub --migrate` changes it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from './hub';
import { PG_ABSENT, pgTestDb } from './hub-test-kit';
import { PG_MIGRATIONS } from './pg-migrations';
import { PgSchemaError, pgSchemaVersion } from './pg-schema';

const CLI = fileURLToPath(new URL('./hub-cli.ts', import.meta.url));
const RUN = `const { hubMain } = await import(${JSON.stringify(CLI)}); await hubMain(JSON.parse(process.env.HUB_ARGS));`;

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUN], {
    env: { ...process.env, HUB_ARGS: JSON.stringify(args) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

const pools: pg.Pool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.end();
});
const poolOf = (url: string) => {
  const p = new pg.Pool({ connectionString: url, max: 1 });
  pools.push(p);
  return p;
};

describe.skipIf(PG_ABSENT)(`PostgreSQL schema versions${PG_ABSENT ? ` (skipped: ${PG_ABSENT})` : ''}`, () => {
  it('`nawa hub --db postgres://… --migrate` brings an empty database to the code, and the hub then starts on it', async () => {
    const url = await pgTestDb(`cli_${Date.now()}`, { migrate: false });
    // Not migrated yet: the hub refuses and says what to run.
    const refused = await cli(['--db', url, '--port', '0', '--seed', 'demo']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/schema version 0; this Nawa needs \d+\. Run `nawa hub --db <url> --migrate`/);
    // The password never appears in what the hub prints.
    expect(refused.err).not.toContain(':nawa@');
    const migrated = await cli(['--db', url, '--migrate']);
    expect(migrated.code, migrated.err).toBe(0);
    expect(migrated.out).toMatch(/schema up to date/);
    expect(await pgSchemaVersion(poolOf(url))).toBe(PG_MIGRATIONS.length);
    const hub = await startHub({ dbPath: url, seed: 'demo', port: 0 });
    try {
      const health = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as { lastSeq: number };
      expect(health.lastSeq).toBeGreaterThan(1000);
    } finally {
      await hub.close();
    }
  });

  it('refuses a schema newer than the code, at start and at --migrate, and leaves the database untouched', async () => {
    const url = await pgTestDb(`newer_${Date.now()}`);
    const pool = poolOf(url);
    await pool.query('UPDATE nawa_schema SET version = 99');
    await pool.query(`INSERT INTO meta VALUES ('mark', 'kept')`);
    await expect(startHub({ dbPath: url, seed: 'demo', port: 0 })).rejects.toThrow(PgSchemaError);
    await expect(startHub({ dbPath: url, seed: 'demo', port: 0, migrate: true })).rejects.toThrow(
      /schema version 99 but this Nawa knows only \d+: it was migrated by a newer Nawa/,
    );
    const r = await cli(['--db', url, '--migrate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/newer Nawa/);
    expect(await pgSchemaVersion(pool)).toBe(99);
    expect((await pool.query('SELECT key, value FROM meta')).rows).toEqual([{ key: 'mark', value: 'kept' }]);
    expect((await pool.query('SELECT count(*)::int AS n FROM changes')).rows).toEqual([{ n: 0 }]);
  });

  it('migrates once when several hubs start on one empty database at the same moment', async () => {
    const url = await pgTestDb(`race_${Date.now()}`, { migrate: false });
    const hubs = await Promise.all(
      [0, 1, 2].map(() => startHub({ dbPath: url, seed: 'demo', port: 0, migrate: true })),
    );
    try {
      const heads = await Promise.all(
        hubs.map(async (h) => ((await (await fetch(`${h.url}/api/v1/health`)).json()) as { lastSeq: number }).lastSeq),
      );
      // One seed: the others found it done.
      expect(new Set(heads).size).toBe(1);
      const pool = poolOf(url);
      expect((await pool.query(`SELECT count(*)::int AS n FROM accounts`)).rows).toEqual([{ n: 4 }]);
      const layouts = await pool.query(`SELECT count(*)::int AS n FROM changes WHERE entity = 'layout'`);
      const presets = await pool.query(`SELECT count(*)::int AS n FROM records WHERE entity = 'layout'`);
      expect(layouts.rows).toEqual(presets.rows);
    } finally {
      for (const h of hubs) await h.close();
    }
  });
});
