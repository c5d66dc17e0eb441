import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isRequestFrame,
  RequestChannel,
  responseFrame,
  type ChannelOptions,
  type RequestFrame,
} from './request-channel';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const fail = (code: string, message: string): Answer => ({ ok: false, error: { code, message } });
const FAILURES: ChannelOptions<Answer>['failures'] = {
  timeout: (name, sent) => fail(sent ? 'timeout' : 'unreachable', name),
  lost: (name) => fail('lost', name),
  closed: (name) => fail('closed', name),
  unsendable: (name, reason) => fail('unsendable', `${name}: ${reason}`),
};

/** A transport that records frames and can be up or down. */
function link(up = true) {
  const wire: RequestFrame[] = [];
  const strays: number[] = [];
  const state = { up };
  const channel = new RequestChannel<Answer>({
    send: (frame) => {
      if (!state.up) return false;
      wire.push(structuredClone(frame));
      return true;
    },
    failures: FAILURES,
    timeoutMs: 1000,
    onStray: (id) => strays.push(id),
  });
  return { channel, wire, strays, state };
}

describe('RequestChannel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('numbers each request and hands each answer to the request with its id, in any order', async () => {
    const { channel, wire } = link();
    const a = channel.request('a', { n: 1 });
    const b = channel.request('b', { n: 2 }, { connId: 'ui-1' });
    expect(wire).toEqual([
      { t: 'req', id: 1, name: 'a', input: { n: 1 } },
      { t: 'req', id: 2, name: 'b', input: { n: 2 }, connId: 'ui-1' },
    ]);
    expect(wire.every(isRequestFrame)).toBe(true);
    expect(channel.receive(responseFrame(2, { ok: true, value: 'B' }))).toBe(true);
    expect(channel.receive(responseFrame(1, { ok: true, value: 'A' }))).toBe(true);
    expect(await a).toEqual({ ok: true, value: 'A' });
    expect(await b).toEqual({ ok: true, value: 'B' });
    expect(channel.waiting).toBe(0);
  });

  it("passes the responder's error through as data", async () => {
    const { channel } = link();
    const r = channel.request('login', {});
    channel.receive(responseFrame(1, fail('invalid_credentials', 'no')));
    await expect(r).resolves.toEqual(fail('invalid_credentials', 'no'));
  });

  it('answers a timeout, telling a request on the wire from one that never found a link', async () => {
    const { channel, state } = link();
    const sent = channel.request('sent', {});
    state.up = false;
    const unsent = channel.request('unsent', {});
    await vi.advanceTimersByTimeAsync(999);
    expect(channel.waiting).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await sent).toEqual(fail('timeout', 'sent'));
    expect(await unsent).toEqual(fail('unreachable', 'unsent'));
    expect(channel.waiting).toBe(0);
  });

  it('drops a late answer and an answer to an id never asked, without touching the next request', async () => {
    const { channel, strays } = link();
    const first = channel.request('first', {});
    await vi.advanceTimersByTimeAsync(1000);
    expect(await first).toEqual(fail('timeout', 'first'));
    const second = channel.request('second', {});
    expect(channel.receive(responseFrame(1, { ok: true, value: 'late' }))).toBe(true);
    expect(channel.receive(responseFrame(77, { ok: true, value: 'who?' }))).toBe(true);
    expect(strays).toEqual([1, 77]);
    expect(channel.waiting).toBe(1);
    channel.receive(responseFrame(2, { ok: true, value: 'second' }));
    expect(await second).toEqual({ ok: true, value: 'second' });
  });

  it('is not fooled by frames that are not answers', () => {
    const { channel, strays } = link();
    void channel.request('x', {});
    for (const junk of [null, 'res', { t: 'res', id: '1', result: {} }, { t: 'res', id: 1 }, { t: 'evt', name: 'x' }]) {
      expect(channel.receive(junk)).toBe(false);
    }
    expect(strays).toEqual([]);
    expect(channel.waiting).toBe(1);
  });

  it('keeps unsent requests across a dropped link and answers those on the wire as lost', async () => {
    const { channel, wire, state } = link();
    const onWire = channel.request('on-wire', {});
    state.up = false;
    const waiting = channel.request('waiting', {});
    channel.dropSent();
    expect(await onWire).toEqual(fail('lost', 'on-wire'));
    state.up = true;
    channel.flush();
    expect(wire.map((f) => f.name)).toEqual(['on-wire', 'waiting']);
    channel.receive(responseFrame(wire[1]!.id, { ok: true, value: 1 }));
    expect(await waiting).toEqual({ ok: true, value: 1 });
  });

  it('answers an unsendable input at once', async () => {
    const channel = new RequestChannel<Answer>({
      send: () => {
        throw new Error('could not be cloned');
      },
      failures: FAILURES,
    });
    expect(await channel.request('x', () => {})).toEqual(fail('unsendable', 'x: could not be cloned'));
    expect(channel.waiting).toBe(0);
  });

  it('once closed, answers every waiting request and every later one, and ignores answers', async () => {
    const { channel, wire } = link();
    const before = channel.request('before', {});
    channel.close((name) => fail('host_crashed', name));
    expect(await before).toEqual(fail('host_crashed', 'before'));
    expect(await channel.request('after', {})).toEqual(fail('host_crashed', 'after'));
    channel.close(); // a second close keeps the first reason
    expect(await channel.request('later', {})).toEqual(fail('host_crashed', 'later'));
    expect(wire).toHaveLength(1);
    expect(channel.requestSync('sync', {}, () => undefined)).toEqual(fail('host_crashed', 'sync'));
  });

  it('without a timeout, waits as long as the channel is open', async () => {
    const channel = new RequestChannel<Answer>({ send: () => true, failures: FAILURES });
    const r = channel.request('slow', {});
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(channel.waiting).toBe(1);
    channel.receive(responseFrame(1, { ok: true, value: 'done' }));
    expect(await r).toEqual({ ok: true, value: 'done' });
  });
});

describe('RequestChannel.requestSync', () => {
  function syncLink(timeoutMs = 100) {
    let clock = 0;
    const inbox: unknown[] = [];
    const wire: RequestFrame[] = [];
    const strays: number[] = [];
    const channel = new RequestChannel<Answer>({
      send: (f) => {
        wire.push(f);
        return true;
      },
      failures: FAILURES,
      timeoutMs,
      now: () => clock,
      onStray: (id) => strays.push(id),
    });
    // Blocks until a frame is there; with none, the time passes.
    const next = (left: number) => {
      if (inbox.length > 0) return inbox.shift();
      clock += left;
      return undefined;
    };
    return { channel, inbox, wire, strays, next };
  }

  it('returns the answer to its own id, skipping a late answer to an earlier call', () => {
    const { channel, inbox, wire, strays, next } = syncLink();
    expect(channel.requestSync('seal', 'a', next)).toEqual(fail('timeout', 'seal'));
    inbox.push(
      responseFrame(1, { ok: true, value: 'late' }),
      { t: 'evt' },
      responseFrame(2, { ok: true, value: 'sealed:b' }),
    );
    expect(channel.requestSync('seal', 'b', next)).toEqual({ ok: true, value: 'sealed:b' });
    expect(wire.map((f) => f.id)).toEqual([1, 2]);
    expect(strays).toEqual([1]);
  });

  it('passes an error through and answers an unsendable or unsent request', () => {
    const { channel, inbox, next } = syncLink();
    inbox.push(responseFrame(1, fail('sealing_failed', 'no key')));
    expect(channel.requestSync('seal', 'x', next)).toEqual(fail('sealing_failed', 'no key'));
    const down = new RequestChannel<Answer>({ send: () => false, failures: FAILURES, timeoutMs: 10 });
    expect(down.requestSync('seal', 'x', () => undefined)).toEqual(fail('unreachable', 'seal'));
    const broken = new RequestChannel<Answer>({
      send: () => {
        throw new Error('port closed');
      },
      failures: FAILURES,
    });
    expect(broken.requestSync('seal', 'x', () => undefined)).toEqual(fail('unsendable', 'seal: port closed'));
  });
});
