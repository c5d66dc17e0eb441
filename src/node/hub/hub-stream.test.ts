import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Change, Heartbeat } from '../../common/central-api';
import {
  detailFields,
  expectError,
  nowIso,
  readEvents,
  startTestHub,
  uuid,
  type SseEvent,
  type TestHub,
} from './hub-test-kit';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const changes = (events: SseEvent[]) => events.filter((e) => e.event === 'change').map((e) => Change.parse(e.data));
const beats = (events: SseEvent[]) => events.filter((e) => e.event === 'heartbeat').map((e) => Heartbeat.parse(e.data));

describe('GET /stream', () => {
  it('sends the backlog after since, then live changes, with heartbeats', async () => {
    t = await startTestHub({ heartbeatMs: 150 });
    const token = await t.login('operator');
    const { lastSeq } = (await (await t.api('/health')).json()) as { lastSeq: number };
    const abort = new AbortController();
    const res = await t.api(`/stream?since=${lastSeq - 5}`, { token, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const backlog = await readEvents(res, (ev) => changes(ev).length >= 5 && beats(ev).length >= 1);
    expect(changes(backlog).map((c) => c.seq)).toEqual([1, 2, 3, 4, 5].map((n) => lastSeq - 5 + n));
    expect(beats(backlog)[0]?.lastSeq).toBe(lastSeq);
    expect(backlog.find((e) => e.event === 'change')?.id).toBe(String(lastSeq - 4));

    const id = uuid();
    const post = await t.api('/mutations', {
      method: 'POST',
      token,
      json: {
        consoleId: 'c',
        mutations: [
          {
            id: uuid(),
            entity: 'incident',
            op: 'upsert',
            clientTime: nowIso(),
            data: {
              id,
              title: 'Kecelakaan di Jalan Raya Kepanjen',
              sector: 'traffic',
              severity: 2,
              status: 'reported',
              districtCode: '35.07.13',
              lat: -8.13,
              lon: 112.57,
              reportedAt: nowIso(),
            },
          },
        ],
      },
    });
    expect(post.status).toBe(200);
    const live = await readEvents(res, (ev) => changes(ev).length >= 2 && beats(ev).length >= 2);
    expect(changes(live)[0]).toMatchObject({ seq: lastSeq + 1, entity: 'incident', id, op: 'upsert', version: 1 });
    // The stream carries the very object the feed publishes.
    const feed = (await (await t.api(`/changes?since=${lastSeq}`, { token })).json()) as { changes: unknown[] };
    expect(feed.changes[0]).toEqual(changes(live)[0]);
    // v1.1: the incident's `created` timeline event commits with it, right after it.
    expect(changes(live)[1]).toMatchObject({
      seq: lastSeq + 2,
      entity: 'incident_event',
      data: { incidentId: id, kind: 'created' },
    });
    expect(beats(live).at(-1)?.lastSeq).toBe(lastSeq + 2);
    abort.abort();
  });

  it('starts at the present without since, and stops sending when the client goes', async () => {
    t = await startTestHub({ heartbeatMs: 100 });
    const token = await t.login('viewer');
    let serverSide: Promise<void> | undefined;
    t.hub.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/api/v1/stream'))
        serverSide = new Promise((resolve) => res.on('close', () => resolve()));
    });
    const abort = new AbortController();
    const res = await t.api('/stream', { token, signal: abort.signal });
    const first = await readEvents(res, (ev) => beats(ev).length >= 2);
    expect(changes(first)).toEqual([]);
    abort.abort();
    // The server notices the closed socket (which also stops its heartbeat) and keeps serving others.
    await expect(serverSide).resolves.toBeUndefined();
    expect((await t.api('/health')).status).toBe(200);
  });

  it('ends open streams when the hub closes', async () => {
    t = await startTestHub({ heartbeatMs: 100 });
    const token = await t.login('viewer');
    const res = await t.api('/stream?since=0', { token });
    await readEvents(res, (ev) => changes(ev).length >= 100);
    await t.hub.close();
    await expect(readEvents(res, () => false, 2000)).resolves.toBeDefined();
  });

  it('refuses bad since values and bad tokens', async () => {
    t = await startTestHub();
    const token = await t.login('viewer');
    for (const q of ['since=-1', 'since=abc', 'since=', 'limit=5', 'since=1&since=2']) {
      const error = await expectError(await t.api(`/stream?${q}`, { token }), 400, 'invalid_query');
      expect(detailFields(error).length).toBeGreaterThan(0);
    }
    await expectError(await t.api('/stream?since=99999999', { token }), 410, 'resync_required');
    await expectError(await t.api('/stream', { method: 'POST', token }), 405, 'method_not_allowed');
  });
});
