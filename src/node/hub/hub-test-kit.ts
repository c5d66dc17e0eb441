// Shared by the hub's tests: a real hub on a free port with a temp database, and plain fetch against it.
//
// The backend follows NAWA_TEST_HUB_BACKEND: `sqlite` (default) gives each test hub a file in its temp folder;
// `postgres` gives it a schema of its own in the database at NAWA_TEST_PG_URL, migrated, and dropped at the end
// of the run (vitest.pg.config.ts runs the hub's and the sync tests that way in `npm test`).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { ErrorBody } from '../../common/central-api';
import { startHub, type Hub, type HubOptions } from './hub';
import { isPostgresUrl } from './open-hub-storage';
import { migratePg } from './pg-schema';
import { TEST_SCHEMA_PREFIX } from './pg-test-setup';

export type HubBackend = 'sqlite' | 'postgres';
export const HUB_BACKEND: HubBackend = process.env.NAWA_TEST_HUB_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
/** A database the tests may make schemas in, e.g. postgres://nawa:nawa@127.0.0.1:5432/nawa_test. */
export const PG_TEST_URL = process.env.NAWA_TEST_PG_URL || undefined;
/** Why a test that needs PostgreSQL does not run here, or undefined when it does. */
export const PG_ABSENT = PG_TEST_URL
  ? undefined
  : 'needs PostgreSQL: set NAWA_TEST_PG_URL (.ci/run starts PostgreSQL 15 and sets it)';

/** The URL of a schema of its own in the test database (made, and migrated unless told not to). */
export async function pgTestDb(name: string, opts: { migrate?: boolean } = {}): Promise<string> {
  if (!PG_TEST_URL) throw new Error(PG_ABSENT);
  // Temp folder names differ in case only sometimes: a digest of the exact name keeps them apart.
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const schema = `${TEST_SCHEMA_PREFIX}${name
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40)}_${digest}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_TEST_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  if (opts.migrate !== false) {
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    try {
      await migratePg(pool);
    } finally {
      await pool.end();
    }
  }
  return url.toString();
}

/** The hub database of a test's temp folder on the backend under test: the same folder names the same database. */
export function testHubDb(dir: string, name = 'hub.db'): Promise<string> {
  if (HUB_BACKEND === 'sqlite') return Promise.resolve(join(dir, name));
  return pgTestDb(`${basename(dir)}_${name}`);
}

/** Runs one statement on a hub database of either backend (`?` placeholders); returns the rows. */
export async function sqlOn<T = Record<string, unknown>>(db: string, sql: string, ...params: unknown[]): Promise<T[]> {
  if (!isPostgresUrl(db)) {
    const file = new Database(db);
    try {
      const stmt = file.prepare(sql);
      if (stmt.reader) return stmt.all(...params) as T[];
      stmt.run(...params);
      return [];
    } finally {
      file.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

export interface TestHub {
  hub: Hub;
  dir: string;
  /** A SQLite file, or a postgres:// URL (HUB_BACKEND). */
  dbPath: string;
  backend: HubBackend;
  /** One statement on the hub's database (`?` placeholders), for what a test checks or plants behind the API. */
  sql<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** fetch under /api/v1; fails the test on any 5xx, which the contract calls a bug. */
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  login(username: string, password?: string): Promise<string>;
  restart(opts?: Partial<HubOptions>): Promise<void>;
  close(): Promise<void>;
}

export async function startTestHub(opts: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-hub-test-'));
  const dbPath = await testHubDb(dir);
  const base = { dbPath, seed: 'demo' as const, heartbeatMs: 200, port: 0 };
  let hub = await startHub({ ...base, ...opts });
  const t: TestHub = {
    get hub() {
      return hub;
    },
    dir,
    dbPath,
    backend: HUB_BACKEND,
    sql: (sql, ...params) => sqlOn(dbPath, sql, ...params),
    async api(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      let body = rest.body;
      if (json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(json);
      } else if (body !== undefined && !headers.has('content-type')) {
        // A raw body is sent as JSON unless the test says otherwise (v1.1 refuses other media types with 415).
        headers.set('content-type', 'application/json');
      }
      const res = await fetch(`${hub.url}/api/v1${path}`, { ...rest, headers, body });
      expect(res.status, `${rest.method ?? 'GET'} ${path} answered a 5xx`).toBeLessThan(500);
      return res;
    },
    async login(username, password = 'demo') {
      const res = await t.api('/session', { method: 'POST', json: { username, password } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    },
    async restart(next = {}) {
      await hub.close();
      hub = await startHub({ ...base, ...opts, ...next });
    },
    async close() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Asserts the status and that the body is exactly the error envelope; returns the error for further checks. */
export async function expectError(
  res: Response,
  status: number,
  code?: string,
): Promise<{ code: string; message: string; details?: unknown }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ErrorBody.parse(await res.json());
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

/** The fields a 400's details name. */
export function detailFields(error: { details?: unknown }): string[] {
  expect(Array.isArray(error.details)).toBe(true);
  return (error.details as { field: string }[]).map((d) => d.field);
}

export interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** Reads Server-Sent Events from a fetch response until `until` is satisfied or the timeout passes. */
export async function readEvents(
  res: Response,
  until: (events: SseEvent[]) => boolean,
  timeoutMs = 5000,
): Promise<SseEvent[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(events)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`stream: condition not met in ${timeoutMs} ms; got ${events.map((e) => e.event).join(',')}`);
      const next = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), left)),
      ]);
      if (next === 'timeout') continue;
      if (next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        if (fields.has('data'))
          events.push({
            event: fields.get('event') ?? 'message',
            id: fields.get('id'),
            data: JSON.parse(fields.get('data') as string),
          });
      }
    }
  } finally {
    reader.releaseLock();
  }
  return events;
}

export const uuid = () => crypto.randomUUID();
export const nowIso = () => new Date().toISOString();
