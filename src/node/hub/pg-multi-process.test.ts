// Several hub processes on one PostgreSQL database serve one feed (issue 12): seq strictly increasing and never
// seen out of order under concurrent writers in every process, idempotency across processes, one decision chain,
// the live stream fed by every process, and login limits and token revocation shared by all of them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, MutationResult } from '../../common/central-api';
import { verifyDecisionLog, type KnownKey, type LoggedDecision } from '../signing/decision-log';
import { signerFor } from '../signing/signing-test-kit';
import { PG_ABSENT, pgTestDb, readEvents } from './hub-test-kit';
import { call, loginTo, startHubProcess, type HubProcess } from './multi-hub-test-kit';

const PROCESSES = 3;
const WRITERS = 6;
const CALLS_PER_WRITER = 15;
const PER_CALL = 4;
const LOGIN_LIMIT = 4;

interface Page {
  changes: Change[];
  lastSeq: number;
  more: boolean;
}

const nowIso = () => new Date().toISOString();
const incident = () => ({
  id: randomUUID(),
  title: 'Banjir di Desa Sumberpucung',
  sector: 'disaster',
  severity: 2,
  status: 'reported',
  districtCode: '35.07.13',
  lat: -8.15,
  lon: 112.48,
  assignedOpd: null,
  reportedAt: nowIso(),
});
const mutation = (entity: string, data: unknown) => ({
  id: randomUUID(),
  entity,
  op: 'upsert',
  data,
  clientTime: nowIso(),
});

async function push(hubUrl: string, token: string, mutations: unknown[], consoleId = 'c-multi') {
  const r = await call<{ results: MutationResult[] }>(hubUrl, '/mutations', { token, json: { consoleId, mutations } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.results;
}

let hubs: HubProcess[] = [];
let url: string;

describe.skipIf(PG_ABSENT)(
  `${PROCESSES} hub processes on one PostgreSQL database${PG_ABSENT ? ` (skipped: ${PG_ABSENT})` : ''}`,
  () => {
    beforeAll(async () => {
      url = await pgTestDb(`multi_${Date.now()}`);
      hubs = await Promise.all(
        Array.from({ length: PROCESSES }, () =>
          startHubProcess({ dbPath: url, heartbeatMs: 300, limits: { loginFailuresPerMinute: LOGIN_LIMIT } }),
        ),
      );
    }, 120_000);
    afterAll(async () => {
      await Promise.all(hubs.map((h) => h.stop()));
    });

    it('hands out seq strictly increasing and gap-free: readers of every process never see a later seq before an earlier one', async () => {
      const tokens = await Promise.all(hubs.map((h) => loginTo(h.url, 'operator')));
      const readToken = await loginTo(hubs[0]!.url, 'viewer');
      const start = (await call<{ lastSeq: number }>(hubs[0]!.url, '/health')).body.lastSeq;
      let writing = true;
      const problems: string[] = [];

      // A reader per process, paging from `start` as a console would: each page must continue exactly at its
      // cursor, without a hole (nothing is compacted here, so a hole would be a seq that fills in later), and a
      // `lastSeq` must never claim more than the page held.
      const reader = async (h: HubProcess) => {
        let cursor = start;
        let pages = 0;
        for (;;) {
          const r = await call<Page>(h.url, `/changes?since=${cursor}&limit=50`, { token: readToken });
          if (r.status !== 200) throw new Error(`reader: ${r.status}`);
          pages++;
          let expected = cursor + 1;
          for (const c of r.body.changes) {
            if (c.seq !== expected) problems.push(`${h.url}: after ${cursor} expected ${expected}, got ${c.seq}`);
            expected = c.seq + 1;
          }
          const last = r.body.changes.at(-1)?.seq ?? cursor;
          if (r.body.lastSeq !== last)
            problems.push(`${h.url}: lastSeq ${r.body.lastSeq} but the page ended at ${last} (more ${r.body.more})`);
          cursor = r.body.lastSeq;
          if (!writing && !r.body.more) {
            const head = (await call<{ lastSeq: number }>(h.url, '/health')).body.lastSeq;
            if (cursor === head) return { cursor, pages };
          }
        }
      };
      const readers = hubs.map(reader);

      // Writers spread over every process, all at once.
      const applied: MutationResult[] = [];
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const i = w % hubs.length;
          for (let n = 0; n < CALLS_PER_WRITER; n++) {
            const results = await push(
              hubs[i]!.url,
              tokens[i]!,
              Array.from({ length: PER_CALL }, () => mutation('incident', incident())),
            );
            applied.push(...results);
          }
        }),
      );
      writing = false;
      const read = await Promise.all(readers);

      expect(problems).toEqual([]);
      expect(applied).toHaveLength(WRITERS * CALLS_PER_WRITER * PER_CALL);
      expect(applied.every((r) => r.status === 'applied')).toBe(true);
      // Each incident brings its `created` event: two changes each, every seq used once.
      const head = (await call<{ lastSeq: number }>(hubs[1]!.url, '/health')).body.lastSeq;
      expect(head - start).toBe(applied.length * 2);
      expect(new Set(applied.map((r) => r.seq)).size).toBe(applied.length);
      for (const r of read) expect(r.cursor).toBe(head);
      // The readers really did read while the writers wrote (many small pages), not once at the end.
      expect(Math.min(...read.map((r) => r.pages))).toBeGreaterThan(5);
    }, 180_000);

    it('answers a retry that lands on another process as duplicate, however the copies race', async () => {
      const tokens = await Promise.all(hubs.map((h) => loginTo(h.url, 'operator')));
      const batch = Array.from({ length: 10 }, () => mutation('incident', incident()));
      // The same call sent to every process at the same moment, as a console retrying through a balancer might.
      const answers = await Promise.all(hubs.map((h, i) => push(h.url, tokens[i]!, batch)));
      for (const [k, m] of batch.entries()) {
        const results = answers.map((a) => a[k]!);
        expect(
          results.filter((r) => r.status === 'applied'),
          m.id,
        ).toHaveLength(1);
        expect(
          results.filter((r) => r.status === 'duplicate'),
          m.id,
        ).toHaveLength(hubs.length - 1);
        expect(new Set(results.map((r) => r.seq)).size).toBe(1);
        expect(new Set(results.map((r) => r.version)).size).toBe(1);
      }
      // Later, once more through another process: still the same answer.
      const again = await push(hubs[2]!.url, tokens[2]!, batch);
      expect(again.map((r) => r.status)).toEqual(batch.map(() => 'duplicate'));
      // A reused id with other content is refused wherever it lands.
      const reused = { ...batch[0]!, data: { ...(batch[0]!.data as object), title: 'Lain' } };
      expect((await push(hubs[1]!.url, tokens[1]!, [reused]))[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'idempotency_key_reused' },
      });
    }, 60_000);

    it('keeps one decision chain when decisions arrive through every process at once', async () => {
      const tokens = await Promise.all(hubs.map((h) => loginTo(h.url, 'operator')));
      const signers = hubs.map((_, i) => signerFor('operator', `konsol-${i}`));
      for (const [i, h] of hubs.entries()) {
        const key = mutation('signing_key', { id: signers[i]!.keyId, publicKey: signers[i]!.publicKey });
        expect((await push(h.url, tokens[i]!, [key], `konsol-${i}`))[0]?.status).toBe('applied');
      }
      const sent = await Promise.all(
        hubs.map(async (h, i) => {
          const out: MutationResult[] = [];
          for (let n = 0; n < 8; n++) {
            const d = signers[i]!.sign({
              id: randomUUID(),
              decidedAt: nowIso(),
              summary: `Keputusan ${i}-${n}`,
              rationale: 'Uji beberapa proses',
              action: 'Catat',
            });
            out.push(
              ...(await push(
                h.url,
                tokens[i]!,
                [mutation('decision', d), mutation('decision', { ...d, id: randomUUID() })],
                `konsol-${i}`,
              )),
            );
          }
          return out;
        }),
      );
      // The second of each pair has a signature over another id: refused, and it takes no place in the chain.
      expect(sent.flat().filter((r) => r.status === 'applied')).toHaveLength(hubs.length * 8);
      const token = tokens[0]!;
      const feed = async (entity: string) =>
        (await call<Page>(hubs[0]!.url, `/changes?since=0&limit=5000&entities=${entity}`, { token })).body.changes;
      const decisions = (await feed('decision')).map((c) => c.data as LoggedDecision);
      const keys = (await feed('signing_key')).map((c) => c.data as KnownKey);
      const verdict = verifyDecisionLog(decisions, keys);
      expect(verdict).toMatchObject({ ok: true });
    }, 60_000);

    it('streams a change written through one process to a client of another', async () => {
      const [a, b] = hubs;
      const viewer = await loginTo(b!.url, 'viewer');
      const res = await fetch(`${b!.url}/api/v1/stream`, { headers: { authorization: `Bearer ${viewer}` } });
      expect(res.status).toBe(200);
      const data = incident();
      const token = await loginTo(a!.url, 'operator');
      const t0 = Date.now();
      setTimeout(() => void push(a!.url, token, [mutation('incident', data)]), 200);
      const events = await readEvents(
        res,
        (ev) => ev.some((e) => e.event === 'change' && (e.data as Change).id === data.id),
        5000,
      );
      expect(events.some((e) => e.event === 'change' && (e.data as Change).id === data.id)).toBe(true);
      // Well inside a heartbeat or two: NOTIFY, not polling.
      expect(Date.now() - t0).toBeLessThan(3000);
      await res.body?.cancel();
    }, 30_000);

    it('counts failed logins through every process against one limit per username and address', async () => {
      const tries = await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          call(hubs[i % hubs.length]!.url, '/session', { json: { username: 'presenter', password: `salah-${i}` } }),
        ),
      );
      expect(tries.filter((r) => r.status === 401)).toHaveLength(LOGIN_LIMIT);
      expect(tries.filter((r) => r.status === 429)).toHaveLength(15 - LOGIN_LIMIT);
      // Locked out everywhere now, even with the right password; another user from the same address is not.
      for (const h of hubs) {
        expect((await call(h.url, '/session', { json: { username: 'presenter', password: 'demo' } })).status).toBe(429);
      }
      expect((await call(hubs[1]!.url, '/session', { json: { username: 'viewer', password: 'demo' } })).status).toBe(
        200,
      );
    }, 60_000);

    it('revokes a token through one process for all: refused everywhere, and streams held by others close', async () => {
      const [a, b, c] = hubs;
      const supervisor = await loginTo(c!.url, 'supervisor');
      const created = await call(c!.url, '/accounts', {
        token: supervisor,
        json: { username: 'dewi', name: 'Dewi', role: 'viewer', password: 'kepanjen-lantai-9' },
      });
      expect(created.status).toBe(201);
      const token = await loginTo(a!.url, 'dewi', 'kepanjen-lantai-9');
      const stream = await fetch(`${b!.url}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
      expect(stream.status).toBe(200);
      const ended = (async () => {
        const reader = stream.body!.getReader();
        const t0 = Date.now();
        for (;;) {
          const next = await reader.read().catch(() => ({ done: true }));
          if (next.done) return Date.now() - t0;
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      const patched = await call(c!.url, '/accounts/dewi', {
        method: 'PATCH',
        token: supervisor,
        json: { disabled: true },
      });
      expect(patched.status).toBe(200);
      for (const h of hubs) expect((await call(h.url, '/changes?limit=1', { token })).status).toBe(401);
      expect(await ended).toBeLessThan(5000);

      // A logout through one process ends that token's stream held by another.
      const viewer = await loginTo(a!.url, 'viewer');
      const other = await fetch(`${c!.url}/api/v1/stream`, { headers: { authorization: `Bearer ${viewer}` } });
      expect(other.status).toBe(200);
      expect((await call(b!.url, '/session', { method: 'DELETE', token: viewer })).status).toBe(204);
      const reader = other.body!.getReader();
      const t0 = Date.now();
      for (;;) {
        const next = await reader.read().catch(() => ({ done: true }));
        if (next.done) break;
        expect(Date.now() - t0).toBeLessThan(5000);
      }
      expect((await call(c!.url, '/changes?limit=1', { token: viewer })).status).toBe(401);
    }, 60_000);
  },
);
