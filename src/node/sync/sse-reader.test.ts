import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX, type Change } from '../../common/central-api';
import { CentralClient, type StreamEvent } from './central-client';
import { MAX_EVENT_CHARS, readEventStream, StreamTooLargeError, toStreamEvent } from './sse-reader';

const change = (seq: number): Change => ({
  seq,
  entity: 'site',
  id: `site-${seq}`,
  op: 'upsert',
  version: 1,
  data: { name: `Pos ${seq}` },
});
const heartbeat = { time: '2031-01-01T05:00:00.000Z', lastSeq: 2 };

/** One stream, written with `eol` as its only line end: a retry, a comment, ids, a multi-line data field. */
function framed(eol: string): string {
  const c1 = JSON.stringify(change(1));
  const c2 = JSON.stringify(change(2), null, 1).split('\n');
  return [
    `retry: 4000`,
    ``,
    `: keep-alive comment`,
    ``,
    `event: change`,
    `id: 1`,
    `data: ${c1}`,
    ``,
    `event: change`,
    `id: 2`,
    ...c2.map((l) => `data: ${l}`),
    ``,
    `event: heartbeat`,
    `data:${JSON.stringify(heartbeat)}`,
    ``,
    `event: message`,
    `data: not for us`,
    ``,
    `event: change`,
    `data: {"seq":3,"entity":"site"`, // cut off by the end of the body: dropped
  ].join(eol);
}

const EXPECTED: StreamEvent[] = [
  { type: 'change', change: change(1) },
  { type: 'change', change: change(2) },
  { type: 'heartbeat', lastSeq: 2, time: heartbeat.time },
];

async function* chunks(text: string, cuts: number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.slice(from, cut);
    from = cut;
  }
}

async function read(text: string, cuts: number[] = []) {
  const events: StreamEvent[] = [];
  const end = await readEventStream(chunks(text, cuts), (m) => {
    const e = toStreamEvent(m);
    if (e) events.push(e);
  });
  return { events, end };
}

describe('readEventStream', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`understands a stream framed with ${name}, in one chunk and cut at every byte`, async () => {
      const text = framed(eol);
      const whole = await read(text);
      expect(whole.events).toEqual(EXPECTED);
      expect(whole.end).toEqual({ lastEventId: '2', retryMs: 4000 });
      for (let cut = 1; cut < text.length; cut++) {
        const split = await read(text, [cut]);
        expect(split.events, `cut at ${cut}`).toEqual(EXPECTED);
      }
    });
  }

  it('understands chunks cut in the middle of a CRLF and in the middle of a line, byte by byte', async () => {
    const text = framed('\r\n');
    const crlf = text.indexOf('\r\n');
    const midLine = text.indexOf('"entity"');
    expect(text[crlf + 1]).toBe('\n');
    expect((await read(text, [crlf + 1, midLine])).events).toEqual(EXPECTED);
    const everyByte = Array.from({ length: text.length - 1 }, (_, i) => i + 1);
    expect((await read(text, everyByte)).events).toEqual(EXPECTED);
  });

  it('understands mixed line ends and a UTF-8 character cut between chunks', async () => {
    const named = { ...change(4), data: { name: 'Pos Ngantang – Batu' } };
    const text = `event: change\r\nid: 4\rdata: ${JSON.stringify(named)}\n\r\n`;
    const bytes = new TextEncoder().encode(text);
    const dash = bytes.indexOf(0xe2);
    const { events } = await read(text, [dash + 1, dash + 2]);
    expect(events).toEqual([{ type: 'change', change: named }]);
  });

  it('drops events whose data breaks the contract, and keeps reading', async () => {
    const text = `event: change\ndata: {"seq":0}\n\nevent: change\ndata: {not json\n\nevent: change\ndata: ${JSON.stringify(change(5))}\n\n`;
    expect((await read(text)).events).toEqual([{ type: 'change', change: change(5) }]);
  });

  it('refuses an event larger than the limit instead of buffering it', async () => {
    async function* endless() {
      yield new TextEncoder().encode('event: change\ndata: ');
      for (;;) yield new TextEncoder().encode('x'.repeat(1024));
    }
    await expect(readEventStream(endless(), () => {}, 64 * 1024)).rejects.toBeInstanceOf(StreamTooLargeError);
    expect(MAX_EVENT_CHARS).toBeGreaterThan(1024 * 1024);
  });
});

describe('CentralClient.stream against a real HTTP server framing with CRLF', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it('delivers every change and heartbeat, written in pieces cut inside CRLFs', async () => {
    const text = framed('\r\n');
    const pieces = text.split(/(?<=\r)/); // every piece ends on a bare CR; its LF starts the next piece
    let authorization: string | undefined;
    let url: string | undefined;
    server = createServer((req, res) => {
      authorization = req.headers.authorization;
      url = req.url;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const next = () => {
        if (i === pieces.length) return res.end();
        res.write(pieces[i++]);
        setTimeout(next, 1);
      };
      next();
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const events: StreamEvent[] = [];
    const end = await new CentralClient(`http://127.0.0.1:${port}`).stream(
      0,
      'tok',
      new AbortController().signal,
      (e) => events.push(e),
    );
    expect(pieces.length).toBeGreaterThan(10);
    expect(authorization).toBe('Bearer tok');
    expect(url).toBe(`${API_PREFIX}/stream?since=0`);
    expect(events).toEqual(EXPECTED);
    expect(end).toEqual({ lastEventId: '2', retryMs: 4000 });
  });
});
