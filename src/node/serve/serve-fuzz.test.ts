// Fuzzing the host API over `nawa serve`'s WebSocket (issue 10, item 9): frames that are no request of the
// contract (not JSON, binary, the wrong shape, too large) and requests the contract refuses (unknown names,
// inputs their schema rejects), from a logged-in console and from a page that never logged in. 500 in
// `npm test`, 10,000 with `npm run fuzz`, fixed seed. A refused request is answered with its id and a host
// error code; a frame that is no request closes that socket with 1008 "invalid frame" (1009 when too large);
// the server never falls over, no handler runs (counted), and the console's database is unchanged.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { ClientFrame } from '../../common/host-api';
import { isHostErrorCode } from '../../common/host-errors';
import { anyJson, FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzRuns, malformedBody } from '../base/fuzz-kit';
import { wsText } from '../base/ws-text';
import { startHub, type Hub } from '../hub/hub';
import { countHandlers, inputAccepted, refusedMessage } from '../host/host-fuzz-kit';
import { until } from '../host/host-test-kit';
import { startServe, type Serving } from './serve';

const ran = vi.hoisted(() => new Map<string, number>());
vi.mock('../host/handlers', async (importOriginal) => {
  const real = await importOriginal<typeof import('../host/handlers')>();
  return { ...real, createHandlers: (ctx: never) => countHandlers(real.createHandlers(ctx), ran) };
});

const RUNS = fuzzRuns(500);
/** What `nawa serve` reads in one frame (ws-transport.ts). */
const MAX_FRAME_BYTES = 256 * 1024;
let dir: string;
let hub: Hub;
let serving: Serving;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-serve-fuzz-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'console'), { recursive: true });
  writeFileSync(join(dist, 'console/index.html'), '<title>console</title>');
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  serving = await startServe({
    hubUrl: hub.url,
    dataDir: join(dir, 'console'),
    distDir: dist,
    port: 0,
    heartbeatMs: 200,
  });
});
afterAll(async () => {
  await serving.close();
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const wsUrl = () => `${serving.url.replace('http', 'ws')}/host`;
function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl());
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends one request frame and waits for the answer with its id. */
function call(ws: WebSocket, id: number, name: string, input: unknown) {
  return new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve, reject) => {
    const onMessage = (raw: WebSocket.RawData) => {
      const frame = JSON.parse(wsText(raw)) as { t: string; id?: number; result?: never };
      if (frame.t === 'res' && frame.id === id) {
        ws.off('message', onMessage);
        ws.off('close', onClose);
        resolve(frame.result!);
      }
    };
    const onClose = (code: number) => reject(new Error(`socket closed (${code}) instead of answering ${name}`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(JSON.stringify({ t: 'req', id, name, input }));
  });
}

/** Sends `data` on a fresh socket and resolves with how the server closed it. */
async function closeOf(data: string | Uint8Array): Promise<{ code: number; reason: string }> {
  const ws = await open();
  return new Promise((resolve) => {
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.send(data, { binary: typeof data !== 'string' });
  });
}

const isFrame = (text: string) => {
  try {
    return ClientFrame.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
};

type Sent =
  { kind: 'request'; name: string; input: unknown; loggedIn: boolean } | { kind: 'frame'; data: string | Uint8Array };

const notAFrame: fc.Arbitrary<Sent> = fc
  .oneof(
    { weight: 6, arbitrary: malformedBody({ t: 'req', id: 1, name: 'sync.status', input: {} }) },
    { weight: 3, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        JSON.stringify({ t: 'req', id: 1, name: 'x'.repeat(65), input: {} }),
        JSON.stringify({ t: 'req', id: -1, name: 'sync.status' }),
        JSON.stringify({ t: 'req', id: 1, name: 'sync.status', input: {}, extra: 1 }),
        JSON.stringify({ t: 'res', id: 1, result: { ok: true } }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: MAX_FRAME_BYTES + 1, max: MAX_FRAME_BYTES + 4096 }).map((n) => `"${'x'.repeat(n)}"`),
    },
  )
  .filter((d) => typeof d !== 'string' || !isFrame(d))
  .map((data) => ({ kind: 'frame' as const, data }));

/**
 * What the server parses is the frame's JSON, not the value made here: NaN, ±Infinity and undefined travel as
 * null (or not at all), which the dispatcher reads as `{}`. A message refused here but accepted once on the wire
 * is a valid request, not a malformed one (the 10,000-message run found `overview.get` with such an input).
 */
const onTheWire = (input: unknown): unknown => {
  const json = JSON.stringify({ input });
  return (JSON.parse(json) as { input?: unknown }).input;
};
const refusedOnTheWire = refusedMessage.filter((m) => !inputAccepted(m.name, onTheWire(m.input)));

const sent: fc.Arbitrary<Sent> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(refusedOnTheWire, fc.boolean())
      .map(([m, loggedIn]) => ({ kind: 'request' as const, ...m, loggedIn })),
  },
  { weight: 2, arbitrary: notAFrame },
);

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

describe('nawa serve WebSocket fuzz (issue 10, item 9)', () => {
  it(
    `answers ${RUNS} malformed host API messages with a clear error, runs no handler and stays up`,
    async () => {
      const console_ = await open();
      const anonymous = await open();
      let id = 1;
      expect(await call(console_, id++, 'session.login', { username: 'supervisor', password: 'demo' })).toMatchObject({
        ok: true,
      });
      expect(ran.get('session.login')).toBe(1);
      ran.clear();
      await until('the console caught up with the hub', async () => {
        const { lastSeq } = (await (await fetch(`${hub.url}/api/v1/health`)).json()) as { lastSeq: number };
        const s = serving.host.sync.status();
        return s.online && s.pending === 0 && s.lastSeq === lastSeq;
      });
      const before = snapshot();
      const answers = new Map<string, number>();
      const count = (k: string) => answers.set(k, (answers.get(k) ?? 0) + 1);
      const started = Date.now();

      await fc.assert(
        fc.asyncProperty(sent, async (s) => {
          // Each message answers for itself (so a shrunk counterexample is the message that ran a handler).
          ran.clear();
          if (s.kind === 'frame') {
            const closed = await closeOf(s.data);
            const where = String(s.data).slice(0, 200);
            if (typeof s.data === 'string' && Buffer.byteLength(s.data) > MAX_FRAME_BYTES) {
              expect(closed.code, where).toBe(1009);
            } else {
              expect(closed, where).toEqual({ code: 1008, reason: 'invalid frame' });
            }
            count(`closed ${closed.code}`);
          } else {
            const result = await call(s.loggedIn ? console_ : anonymous, id++, s.name, s.input);
            const where = `${s.name} ${JSON.stringify(s.input)?.slice(0, 200)}`;
            expect(result.ok, where).toBe(false);
            const code = result.error!.code;
            expect(isHostErrorCode(code), where).toBe(true);
            // The gate (client-gate.ts) may stop it at the door before its input is looked at.
            expect(
              ['invalid_input', 'unknown_request', 'unauthenticated', 'not_this_wall', 'not_paired', 'wall_only'],
              `${where} -> ${code}`,
            ).toContain(code);
            expect(result.error!.message.length).toBeGreaterThan(0);
            count(code);
          }
          expect(ran.size, `ran ${[...ran.keys()].join(', ')}`).toBe(0);
        }),
        { numRuns: RUNS, seed: FUZZ_SEED },
      );

      const ms = Date.now() - started;
      expect(snapshot()).toEqual(before);
      // Still serving, the console still logged in.
      expect(await call(console_, id++, 'session.current', {})).toMatchObject({
        ok: true,
        value: { operator: { id: 'supervisor' } },
      });
      expect((await fetch(`${serving.url}/`)).status).toBe(200);
      console_.close();
      anonymous.close();
      console.log(
        `serve fuzz: ${RUNS} messages (seed ${FUZZ_SEED}) in ${ms} ms, no handler ran; answers: ` +
          [...answers.entries()].map(([c, n]) => `${c} ${n}`).join(', '),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
