// Fuzzing the central API (issue 10, item 9): malformed bodies and queries at every endpoint of a real hub on
// loopback, 500 in `npm test`, 10,000 with `npm run fuzz`, fixed seed. Each must be answered with the error
// envelope and a 4xx (never a 5xx, never a crash), or, for a well-formed call of broken mutations, with each
// mutation `rejected` and named why; and nothing may have been done: every table of the hub's database holds
// exactly what it held before.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateAccountRequest, PatchAccountRequest } from '../../common/accounts-api';
import {
  ENTITIES,
  ErrorBody,
  Mutation,
  MUTATION_DATA,
  MutationsResponse,
  SessionRequest,
} from '../../common/central-api';
import { FUZZ_SEED, FUZZ_TIMEOUT_MS, fuzzRuns, hostileText, malformedBody } from '../base/fuzz-kit';
import { publishTestKey } from '../signing/signing-test-kit';
import { startTestHub, type TestHub } from './hub-test-kit';

const RUNS = fuzzRuns(500);
const CONSOLE = 'fuzz-console';
let t: TestHub;
let tokens: Record<'supervisor' | 'operator' | 'viewer', string>;
let validMutations: Record<string, unknown>[];
let signedDecision: Record<string, unknown>;

interface FuzzRequest {
  endpoint: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer> | string;
}

beforeAll(async () => {
  t = await startTestHub({ limits: { requestsPerMinute: 100_000_000, loginFailuresPerMinute: 1_000_000 } });
  tokens = {
    supervisor: await t.login('supervisor'),
    operator: await t.login('operator'),
    viewer: await t.login('viewer'),
  };
  const signer = await publishTestKey(t, tokens.supervisor, 'supervisor', CONSOLE);
  const now = new Date().toISOString();
  signedDecision = signer.sign({
    id: randomUUID(),
    decidedAt: now,
    summary: 'Tutup Jalan Raya Kepanjen',
    rationale: 'Banjir setinggi 40 cm',
    action: 'Alihkan lalu lintas lewat Jl. Sumedang',
  });
  validMutations = [
    { id: randomUUID(), entity: 'decision', op: 'upsert', data: signedDecision, clientTime: now },
    {
      id: randomUUID(),
      entity: 'incident',
      op: 'upsert',
      data: {
        id: randomUUID(),
        title: 'Pohon tumbang',
        sector: 'disaster',
        severity: 2,
        status: 'reported',
        districtCode: '35.07.13',
        lat: -8.13,
        lon: 112.57,
        reportedAt: now,
      },
      clientTime: now,
    },
    {
      id: randomUUID(),
      entity: 'layout',
      op: 'upsert',
      data: {
        id: randomUUID(),
        name: 'Uji',
        grid: { cols: 3, rows: 3 },
        tiles: [{ id: randomUUID(), x: 0, y: 0, w: 1, h: 1, source: { kind: 'clock' } }],
      },
      clientTime: now,
    },
  ];
  // Sanity: the examples the bodies are broken from are valid, so the fuzz breaks something that works.
  for (const m of validMutations) expect(mutationValid(m), JSON.stringify(m)).toBe(true);
});
afterAll(() => t.close());

function mutationValid(m: unknown): boolean {
  const parsed = Mutation.safeParse(m);
  if (!parsed.success) return false;
  const schema = MUTATION_DATA[parsed.data.entity as keyof typeof MUTATION_DATA];
  return schema !== undefined && schema.safeParse(parsed.data.data).success;
}

/** Parsed JSON of a body as the hub would read it, or undefined when it is not JSON. */
function jsonOf(body: Uint8Array | string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
}

/** Every byte percent-encoded (encodeURIComponent throws on a lone surrogate; the hub must not). */
const segment = (text: string) =>
  [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('') || '_';

const auth = (...who: ('supervisor' | 'operator' | 'viewer' | 'garbage' | 'none')[]) =>
  fc.constantFrom(...who).map((w): Record<string, string> => {
    if (w === 'none') return {};
    if (w === 'garbage') return { authorization: 'Bearer not-a-token' };
    return { authorization: `Bearer ${tokens[w]}` };
  });

const jsonType = fc.constantFrom('application/json', 'application/json; charset=utf-8');
const anyType = fc.oneof(
  { weight: 5, arbitrary: jsonType },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/json; charset=utf-16',
      '',
    ),
  },
);

/** The endpoint's body, broken; a body the endpoint's schema accepts is never produced. */
function bodyCall(
  endpoint: string,
  method: string,
  path: fc.Arbitrary<string>,
  who: fc.Arbitrary<Record<string, string>>,
  valid: unknown,
  accepts: (json: unknown) => boolean,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ path, who, type: anyType, body: malformedBody(valid) })
    .filter(({ body, type }) => !(type.startsWith('application/json') && accepts(jsonOf(body))))
    .map(({ path, who, type, body }) => ({
      endpoint,
      method,
      path,
      headers: { ...who, ...(type ? { 'content-type': type } : {}) },
      body,
    }));
}

/**
 * A query that is wrong: an unknown parameter, or one of `numeric` (integer parameters) with a value that is
 * no integer in range. `known` are all the parameters the endpoint takes (the others carry any text).
 */
const badQuery = (known: string[], numeric: string[]) =>
  fc
    .tuple(
      fc.oneof(
        fc.tuple(
          hostileText.filter((k) => !known.includes(k)),
          hostileText,
        ),
        fc.tuple(
          fc.constantFrom(...(numeric.length ? numeric : ['x'])),
          fc.oneof(
            hostileText.filter((v) => !/^\d+$/.test(v)),
            fc.constantFrom('-1', '1.5', '1e3', '0x10', '99999999999999999999', ' 1', '0'.repeat(400)),
          ),
        ),
      ),
      fc.array(
        fc.tuple(
          hostileText.filter((k) => !known.includes(k)),
          hostileText,
        ),
        { maxLength: 3 },
      ),
    )
    .map(([poison, rest]) => new URLSearchParams([poison, ...rest]).toString());

const queryCall = (
  endpoint: string,
  method: string,
  path: string,
  known: string[],
  who: fc.Arbitrary<Record<string, string>>,
  numeric: string[] = known,
): fc.Arbitrary<FuzzRequest> =>
  fc.record({ q: badQuery(known, numeric), who }).map(({ q, who }) => ({
    endpoint,
    method,
    path: `${path}?${q}`,
    headers: who,
  }));

const anyone = auth('supervisor', 'operator', 'viewer', 'garbage', 'none');
const writers = auth('supervisor', 'operator', 'supervisor', 'viewer', 'garbage');

const requests = (): fc.Arbitrary<FuzzRequest> =>
  fc.oneof(
    bodyCall(
      'POST /session',
      'POST',
      fc.constant('/session'),
      auth('none'),
      { username: 'supervisor', password: 'demo' },
      (j) => SessionRequest.safeParse(j).success,
    ),
    bodyCall(
      'POST /mutations (envelope)',
      'POST',
      fc.constant('/mutations'),
      writers,
      { consoleId: CONSOLE, mutations: [validMutations[0]] },
      (j) => {
        const m = (j as { mutations?: unknown[] } | null)?.mutations;
        return Array.isArray(m) && m.some(mutationValid);
      },
    ),
    fc
      .record({
        text: fc.constantFrom(...validMutations).chain((m) => malformedBody(m)),
        who: auth('supervisor', 'operator'),
      })
      .map(({ text, who }) => ({ text: typeof text === 'string' ? text : '', m: jsonOf(text), who }))
      .filter(({ m }) => typeof m === 'object' && m !== null && !Array.isArray(m) && !mutationValid(m))
      .map(({ text, who }) => ({
        endpoint: 'POST /mutations (each)',
        method: 'POST',
        path: '/mutations',
        headers: { ...who, 'content-type': 'application/json' },
        // Spliced as text: a mutation nested thousands deep is sent as it is, not re-serialised here.
        body: `{"consoleId":"${CONSOLE}","mutations":[${text}]}`,
      })),
    // Valid to the schema, but not what was signed: the signature must refuse it.
    fc
      .record({ summary: hostileText.filter((s) => s.trim().length > 0), who: auth('supervisor') })
      .map(({ summary, who }) => ({
        endpoint: 'POST /mutations (tampered)',
        method: 'POST',
        path: '/mutations',
        headers: { ...who, 'content-type': 'application/json' },
        body: JSON.stringify({
          consoleId: CONSOLE,
          mutations: [
            { ...validMutations[0], id: randomUUID(), data: { ...signedDecision, summary: `${summary} (ubah)` } },
          ],
        }),
      })),
    bodyCall(
      'POST /accounts',
      'POST',
      fc.constant('/accounts'),
      writers,
      { username: 'fuzz.user', name: 'Pengguna Uji', role: 'viewer', password: 'kata-sandi-uji-1' },
      (j) => CreateAccountRequest.safeParse(j).success,
    ),
    bodyCall(
      'PATCH /accounts/{username}',
      'PATCH',
      fc.oneof(
        fc.constant('/accounts/viewer'),
        hostileText.map((u) => `/accounts/${segment(u)}`),
        fc.constantFrom(
          '/accounts/%E0%A4%A',
          '/accounts/%',
          '/accounts/%zz',
          '/accounts/..%2F..%2Fetc',
          '/accounts/%00',
        ),
      ),
      writers,
      { name: 'Pengguna Baru', role: 'viewer' },
      (j) => PatchAccountRequest.safeParse(j).success,
    ),
    queryCall('DELETE /session', 'DELETE', '/session', [], auth('supervisor', 'garbage', 'none')),
    queryCall('GET /health', 'GET', '/health', [], anyone),
    queryCall('GET /changes', 'GET', '/changes', ['since', 'limit', 'entities'], anyone, ['since', 'limit']),
    fc
      .record({ names: fc.array(hostileText, { minLength: 1, maxLength: 3 }), who: anyone })
      .filter(({ names }) =>
        names
          .join(',')
          .split(',')
          .some((n) => !ENTITIES.includes(n as never)),
      )
      .map(({ names, who }) => ({
        endpoint: 'GET /changes',
        method: 'GET',
        path: `/changes?${new URLSearchParams({ since: '0', entities: names.join(',') }).toString()}`,
        headers: who,
      })),
    queryCall('GET /stream', 'GET', '/stream', ['since'], anyone),
    queryCall('GET /accounts', 'GET', '/accounts', [], anyone),
    queryCall('GET /audit', 'GET', '/audit', ['limit', 'before', 'username'], anyone, ['limit', 'before']),
    fc
      .record({
        method: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS', 'HEAD', 'FOO'),
        path: fc.oneof(
          fc.constantFrom('/health', '/session', '/changes', '/stream', '/mutations', '/accounts', '/audit'),
          hostileText.map((p) => `/${segment(p)}`),
        ),
        who: anyone,
      })
      .filter(({ method, path }) => !ROUTES.has(`${method} ${path}`))
      .map(({ method, path, who }) => ({ endpoint: 'routes', method, path, headers: who })),
  );

/** Every method and path the hub answers; the route fuzz sends anything else. */
const ROUTES = new Set([
  'GET /health',
  'POST /session',
  'DELETE /session',
  'GET /changes',
  'GET /stream',
  'POST /mutations',
  'GET /accounts',
  'POST /accounts',
  'GET /audit',
]);

/** Rows per table of the hub's database, on either backend. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = (
    await t.sql<{ name: string }>(
      t.backend === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
        : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
    )
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const n of tables.sort())
    counts[n] = Number((await t.sql<{ n: unknown }>(`SELECT COUNT(*) AS n FROM "${n}"`))[0]?.n);
  return counts;
}

describe('hub fuzz (issue 10, item 9)', () => {
  it(
    `answers ${RUNS} malformed requests across every endpoint with a clear 4xx error and changes nothing`,
    async () => {
      const before = await snapshot();
      const statuses = new Map<string, number>();
      const count = (k: string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(requests(), async (r) => {
          const res = await fetch(`${t.hub.url}/api/v1${r.path}`, {
            method: r.method,
            headers: r.headers,
            ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? { body: r.body } : {}),
          });
          const text = await res.text();
          const where = `${r.method} ${r.path} ${JSON.stringify(r.headers)} ${String(r.body).slice(0, 300)}`;
          expect(res.status, `${where} -> ${text.slice(0, 300)}`).toBeLessThan(500);
          if (r.path === '/mutations' && r.method === 'POST' && res.status === 200) {
            // A well-formed call of broken mutations: each one answered, rejected and named why.
            const { results } = MutationsResponse.parse(JSON.parse(text));
            const sent = (jsonOf(r.body) as { mutations: unknown[] }).mutations.length;
            expect(results, where).toHaveLength(sent);
            for (const result of results) {
              expect(result.status, `${where} -> ${text.slice(0, 300)}`).toBe('rejected');
              expect(result.error?.code, where).toMatch(/^[a-z_]+$/);
            }
            count(`${r.endpoint} 200, rejected as ${results.map((x) => x.error?.code).join(',')}`);
            return;
          }
          count(`${r.endpoint} ${res.status}`);
          expect(res.status, `${where} -> ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          if (r.method === 'HEAD') return;
          expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
          const body = ErrorBody.safeParse(JSON.parse(text));
          expect(body.success, `${where} -> ${text.slice(0, 300)}`).toBe(true);
          expect(body.data!.error.code).toMatch(/^[a-z_]+$/);
          expect(body.data!.error.message.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS, seed: FUZZ_SEED },
      );
      const ms = Date.now() - started;
      // Nothing was applied, created, logged in or out, or audited.
      expect(await snapshot()).toEqual(before);
      const health = (await (await fetch(`${t.hub.url}/api/v1/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
      console.log(
        `hub fuzz: ${RUNS} requests (seed ${FUZZ_SEED}) in ${ms} ms; answers:\n` +
          [...statuses.entries()]
            .sort()
            .map(([k, n]) => `  ${k}: ${n}`)
            .join('\n'),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
