// The outbox pusher against a real hub on loopback (and a plain HTTP server that only fails, for the back-off).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../hub/hub-test-kit';
import { publishTestKey, type TestSigner } from '../signing/signing-test-kit';
import { KeyFileSecretStore } from '../ports/secret-store';
import { TokenBook } from './token-book';
import { ConsoleStore } from '../store/console-store';
import { CentralClient } from './central-client';
import { ConnectionState } from './connection-state';
import { OutboxPusher, type PusherOptions } from './outbox-pusher';

let t: TestHub;
let store: ConsoleStore;
let tokens: TokenBook;
let pusher: OutboxPusher | null = null;
let failing: Server | null = null;
let signer: TestSigner;

beforeEach(async () => {
  t = await startTestHub();
  store = ConsoleStore.open(join(t.dir, 'console.db'));
  tokens = new TokenBook(store, new KeyFileSecretStore(join(t.dir, 'secret.key')));
});
afterEach(async () => {
  await pusher?.stop();
  pusher = null;
  failing?.closeAllConnections();
  failing?.close();
  failing = null;
  store.close();
  await t.close();
});

const decision = (summary: string, extra: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  decidedAt: new Date().toISOString(),
  summary,
  rationale: '',
  action: 'Catat',
  ...extra,
});

async function operatorToken(): Promise<string> {
  const s = await new CentralClient(t.hub.url).session('operator', 'demo');
  tokens.set('operator', s.token, s.expiresAt);
  // Decisions are signed (central-api.md v1.1) with the operator's key for the console the pusher speaks for.
  signer = await publishTestKey(t, s.token, 'operator', 'test-console');
  return s.token;
}

function startPusher(url: string, extra: Partial<PusherOptions> = {}) {
  const calls = { settled: 0 };
  pusher = new OutboxPusher({
    client: new CentralClient(url),
    store,
    tokens,
    consoleId: 'test-console',
    connection: new ConnectionState(10_000),
    onSettled: () => {
      calls.settled++;
    },
    ...extra,
  });
  pusher.start();
  pusher.kick();
  return calls;
}

async function until(what: string, f: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function centralDecisionIds(): Promise<string[]> {
  const token = await t.login('supervisor');
  const res = await t.api('/changes?since=0&limit=5000&entities=decision', { token });
  return ((await res.json()) as { changes: { id: string }[] }).changes.map((c) => c.id);
}

describe('OutboxPusher', () => {
  it('pushes 500 long decisions in batches under the body limit: none refused as too large', async () => {
    await operatorToken();
    const long = 'Air naik, tanggul retak di tiga titik. '.repeat(100).slice(0, 3990);
    const ids = Array.from(
      { length: 500 },
      (_, i) => store.recordDecision(signer.sign(decision(`Keputusan ${i}`, { rationale: long })), 'operator', 'c').id,
    );
    const calls = startPusher(t.hub.url);
    await until('drained', () => store.outbox.counts().pending === 0);
    expect(store.outbox.counts()).toEqual({ pending: 0, rejected: 0 });
    expect(calls.settled).toBeGreaterThan(1);
    const central = await centralDecisionIds();
    expect(central.filter((id) => ids.includes(id))).toEqual(ids);
  });

  it('counts duplicate as success, and a rejected write is parked and shown without blocking the ones after it', async () => {
    const token = await operatorToken();
    const first = store.recordDecision(signer.sign(decision('Sudah sampai pusat')), 'operator', 'c');
    // The central side committed this one before, but its answer was lost on the way back.
    const [entry] = store.outbox.nextBatch(1);
    await new CentralClient(t.hub.url).mutations({ consoleId: 'test-console', mutations: [entry!.mutation] }, token);
    const bad = store.recordDecision(
      signer.sign(decision('Koreksi keputusan yang tidak ada', { supersedes: randomUUID() })),
      'operator',
      'c',
    );
    const last = store.recordDecision(signer.sign(decision('Sesudahnya')), 'operator', 'c');
    startPusher(t.hub.url);
    await until('settled', () => store.outbox.counts().pending === 0);
    expect(store.outbox.counts()).toEqual({ pending: 0, rejected: 1 });
    const shown = store.decisions().find((d) => d.id === bad.id);
    expect(shown).toMatchObject({ state: 'rejected', error: expect.stringMatching(/unknown_decision/) });
    const central = await centralDecisionIds();
    expect(central.filter((id) => id === first.id)).toHaveLength(1);
    expect(central).toContain(last.id);
    expect(central).not.toContain(bad.id);
  });

  it('backs off a failing central API and, however often woken, retries no more than its budget allows', async () => {
    await operatorToken();
    let hits = 0;
    failing = createServer((_req, res) => {
      hits++;
      res.writeHead(503).end();
    });
    await new Promise<void>((r) => failing!.listen(0, '127.0.0.1', () => r()));
    store.recordDecision(decision('Menunggu'), 'operator', 'c');
    const connection = new ConnectionState(10_000);
    startPusher(`http://127.0.0.1:${(failing.address() as AddressInfo).port}`, {
      connection,
      retriesPerMinute: 4,
      retryWindowMs: 1500,
      baseMs: 1,
      capMs: 5,
    });
    const flapping = setInterval(() => pusher?.wake(), 5);
    await new Promise((r) => setTimeout(r, 1400));
    clearInterval(flapping);
    // The first try and at most four retries in the window.
    expect(hits).toBeGreaterThanOrEqual(2);
    expect(hits).toBeLessThanOrEqual(5);
    expect(connection.snapshot()).toMatchObject({ online: false, lastError: expect.stringMatching(/503/) });
    expect(store.outbox.counts().pending).toBe(1);
  });
});
