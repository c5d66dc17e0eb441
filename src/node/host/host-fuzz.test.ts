// Fuzzing the host's message handler (issue 10, item 9): requests the contract refuses, dispatched to a real
// host (real SQLite file, real hub on loopback) as a logged-in supervisor would send them and as a page that
// never logged in would. 500 in `npm test`, 10,000 with `npm run fuzz`, fixed seed. Each is answered as data
// with `invalid_input` or `unknown_request` and names what was wrong; no handler runs (counted, the handlers
// wrapped below), and the console's database holds exactly what it held before.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHostErrorCode } from '../../common/host-errors';
import { FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzRuns } from '../base/fuzz-kit';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { countHandlers, refusedMessage } from './host-fuzz-kit';
import { conn, ok, until } from './host-test-kit';

const ran = vi.hoisted(() => new Map<string, number>());
vi.mock('./handlers', async (importOriginal) => {
  const real = await importOriginal<typeof import('./handlers')>();
  return { ...real, createHandlers: (ctx: never) => countHandlers(real.createHandlers(ctx), ran) };
});

const RUNS = fuzzRuns(500);
let dir: string;
let hub: Hub;
let host: ConsoleHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-host-fuzz-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
});
afterAll(async () => {
  await host.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

function snapshot(): Record<string, number> {
  const db = new Database(join(dir, 'console', 'console.db'), { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((n) => [n, db.prepare(`SELECT COUNT(*) FROM "${n}"`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
}

describe('host message fuzz (issue 10, item 9)', () => {
  it(
    `refuses ${RUNS} malformed requests as data, runs no handler and changes nothing`,
    async () => {
      const supervisor = conn();
      ok(await host.dispatch('session.login', { username: 'supervisor', password: 'demo' }, supervisor));
      // The wrapping is real: the login above went through it.
      expect(ran.get('session.login')).toBe(1);
      ran.clear();
      // The login starts a pull of the feed and pushes the new signing key: settled before the picture is taken.
      await until('the console caught up with the hub', async () => {
        const { lastSeq } = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as { lastSeq: number };
        const s = host.sync.status();
        return s.online && s.pending === 0 && s.lastSeq === lastSeq;
      });
      const anonymous = conn();
      const before = snapshot();
      const wallBefore = host.wall.state().stateVersion;
      const codes = new Map<string, number>();
      const started = Date.now();

      await fc.assert(
        fc.asyncProperty(refusedMessage, fc.boolean(), async ({ name, input }, loggedIn) => {
          const result = await host.dispatch(name, input, loggedIn ? supervisor : anonymous);
          const where = `${name} ${JSON.stringify(input)?.slice(0, 300)}`;
          expect(result.ok, where).toBe(false);
          if (result.ok) return;
          const { code, message } = result.error;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(isHostErrorCode(code), where).toBe(true);
          expect(['invalid_input', 'unknown_request'], `${where} -> ${code}: ${message}`).toContain(code);
          expect(message.length, where).toBeGreaterThan(0);
          if (code === 'invalid_input') expect(result.error.params?.fields, where).toBeTypeOf('string');
          expect(ran.size, `${where} ran ${[...ran.keys()].join(', ')}`).toBe(0);
        }),
        { numRuns: RUNS, seed: FUZZ_SEED },
      );

      const ms = Date.now() - started;
      expect(snapshot()).toEqual(before);
      expect(host.wall.state().stateVersion).toBe(wallBefore);
      // Still answering, and still logged in.
      expect(ok(await host.dispatch('session.current', {}, supervisor))).toMatchObject({
        operator: { id: 'supervisor' },
      });
      console.log(
        `host fuzz: ${RUNS} messages (seed ${FUZZ_SEED}) in ${ms} ms, no handler ran; answers: ` +
          [...codes.entries()].map(([c, n]) => `${c} ${n}`).join(', '),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
