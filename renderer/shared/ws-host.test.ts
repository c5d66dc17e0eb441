import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostRequestError } from '../../src/common/host-api';
import { backoffDelay, WebSocketHost, type SocketLike } from './ws-host';

class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  sent: { t: string; id: number; name: string; input: unknown }[] = [];
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close() {
    this.readyState = 3;
    this.onclose?.(undefined as never);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(undefined as never);
  }
  push(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
}

const SYNC = {
  hubUrl: 'http://hub',
  online: true,
  lastSeq: 3,
  pending: 0,
  rejected: 0,
  lastSyncAt: null,
  lastError: null,
  notice: null,
};

describe('WebSocketHost', () => {
  let sockets: FakeSocket[];
  let host: WebSocketHost;
  const last = () => sockets[sockets.length - 1]!;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    host = new WebSocketHost('ws://x/host', {
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      requestTimeoutMs: 5000,
      minBackoffMs: 100,
      maxBackoffMs: 1000,
    });
  });
  afterEach(() => {
    host.dispose();
    vi.useRealTimers();
  });

  it('holds a request until the link opens, then resolves it with the checked answer', async () => {
    const answer = host.request('sync.status', {});
    expect(last().sent).toEqual([]);
    last().open();
    const frame = last().sent[0]!;
    expect(frame).toMatchObject({ t: 'req', name: 'sync.status', input: {} });
    last().push({ t: 'res', id: frame.id, result: { ok: true, value: SYNC } });
    await expect(answer).resolves.toEqual(SYNC);
  });

  it('raises the host error as HostRequestError with its code', async () => {
    last().open();
    const answer = host.request('session.login', { username: 'operator', password: 'salah' });
    last().push({
      t: 'res',
      id: last().sent[0]!.id,
      result: { ok: false, error: { code: 'invalid_credentials', message: 'no' } },
    });
    await expect(answer).rejects.toMatchObject({ name: 'HostRequestError', code: 'invalid_credentials' });
  });

  it('refuses an answer that breaks the contract', async () => {
    last().open();
    const answer = host.request('sync.status', {});
    last().push({ t: 'res', id: last().sent[0]!.id, result: { ok: true, value: { online: 'yes' } } });
    await expect(answer).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('fails a request sent before the link dropped, and one that never got a link', async () => {
    last().open();
    const inFlight = host.request('wall.state', {});
    last().close();
    await expect(inFlight).rejects.toMatchObject({ code: 'connection_lost' });
    const waiting = host.request('wall.state', {});
    const check = expect(waiting).rejects.toBeInstanceOf(HostRequestError);
    await vi.advanceTimersByTimeAsync(5000);
    await check;
    await expect(waiting).rejects.toMatchObject({ code: 'host_unreachable' });
  });

  it('reconnects after a drop and reports both changes of the link', async () => {
    const seen: boolean[] = [];
    host.onConnection((c) => seen.push(c));
    last().open();
    last().close();
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(seen).toEqual([true, false, true]);
    expect(host.connected).toBe(true);
  });

  it('delivers valid events and drops malformed ones', () => {
    const got: unknown[] = [];
    host.on('data.changed', (p) => got.push(p));
    last().open();
    last().push({ t: 'evt', name: 'data.changed', payload: { entities: ['decision'] } });
    last().push({ t: 'evt', name: 'data.changed', payload: { entities: ['not-an-entity'] } });
    last().push({ t: 'evt', name: 'no.such.event', payload: {} });
    expect(got).toEqual([{ entities: ['decision'] }]);
  });

  it('drops an answer that comes after its timeout, and an answer to an id never asked', async () => {
    last().open();
    const first = host.request('sync.status', {});
    const check = expect(first).rejects.toMatchObject({ code: 'host_timeout' });
    await vi.advanceTimersByTimeAsync(5000);
    await check;
    const second = host.request('sync.status', {});
    last().push({ t: 'res', id: last().sent[0]!.id, result: { ok: true, value: { ...SYNC, lastSeq: 1 } } });
    last().push({ t: 'res', id: 999, result: { ok: true, value: { ...SYNC, lastSeq: 2 } } });
    last().push({ t: 'res', id: last().sent[1]!.id, result: { ok: true, value: SYNC } });
    await expect(second).resolves.toEqual(SYNC);
  });

  it('answers every waiting request when disposed, and every later one', async () => {
    const waiting = host.request('wall.state', {});
    host.dispose();
    await expect(waiting).rejects.toMatchObject({ code: 'connection_lost' });
    await expect(host.request('wall.state', {})).rejects.toMatchObject({ code: 'connection_lost' });
  });
});

describe('backoffDelay', () => {
  it('doubles up to the cap, with jitter between half and all of it', () => {
    expect(backoffDelay(0, 500, 10_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 10_000, () => 1)).toBe(4000);
    expect(backoffDelay(30, 500, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(30, 500, 10_000, () => 0)).toBe(5000);
  });
});

describe('WebSocketHost session resume', () => {
  it('takes the login back first thing after a reconnect, and forgets it on logout', async () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    let stored: string | null = null;
    const host = new WebSocketHost('ws://x/host', {
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      minBackoffMs: 10,
      maxBackoffMs: 10,
      resumeKeys: {
        get: () => stored,
        set: (k) => {
          stored = k;
        },
      },
    });
    const last = () => sockets[sockets.length - 1]!;
    last().open();
    expect(last().sent).toEqual([]); // nothing to resume yet
    const login = host.request('session.login', { username: 'operator', password: 'demo' });
    const operator = { id: 'operator', name: 'Operator Demo', role: 'operator' };
    last().push({
      t: 'res',
      id: last().sent[0]!.id,
      result: { ok: true, value: { operator, resumeKey: 'k'.repeat(32) } },
    });
    await login;
    expect(stored).toBe('k'.repeat(32));

    last().close();
    await vi.advanceTimersByTimeAsync(20);
    last().open();
    expect(last().sent[0]).toMatchObject({ name: 'session.resume', input: { resumeKey: 'k'.repeat(32) } });

    const logout = host.request('session.logout', {});
    last().push({ t: 'res', id: last().sent[1]!.id, result: { ok: true, value: {} } });
    await logout;
    expect(stored).toBeNull();
    host.dispose();
    vi.useRealTimers();
  });

  it('keeps the resume key when the resume gets no answer, and forgets it when the host refuses it', async () => {
    vi.useFakeTimers();
    const sockets: FakeSocket[] = [];
    let stored: string | null = 'k'.repeat(32);
    const host = new WebSocketHost('ws://x/host', {
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      requestTimeoutMs: 1000,
      minBackoffMs: 10,
      maxBackoffMs: 10,
      resumeKeys: {
        get: () => stored,
        set: (k) => {
          stored = k;
        },
      },
    });
    const last = () => sockets[sockets.length - 1]!;
    last().open();
    expect(last().sent[0]).toMatchObject({ name: 'session.resume' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored).toBe('k'.repeat(32));
    last().close();
    await vi.advanceTimersByTimeAsync(20);
    last().open();
    const resume = last().sent[0]!;
    last().push({
      t: 'res',
      id: resume.id,
      result: { ok: false, error: { code: 'session_expired', message: 'gone' } },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stored).toBeNull();
    host.dispose();
    vi.useRealTimers();
  });
});
