import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullJitter, RetryBudget } from './backoff';
import { CentralError, NetworkError } from './central-client';
import { ConnectionState } from './connection-state';

describe('ConnectionState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('goes offline after two heartbeat intervals of silence, and says why', () => {
    const c = new ConnectionState(4000);
    const seen: boolean[] = [];
    c.onChange((s) => seen.push(s.online));
    c.heard(true);
    expect(c.snapshot()).toMatchObject({ online: true, lastError: null });
    vi.advanceTimersByTime(3900);
    c.heard();
    vi.advanceTimersByTime(3900);
    expect(c.snapshot().online).toBe(true);
    vi.advanceTimersByTime(200);
    expect(c.snapshot()).toMatchObject({ online: false, lastError: expect.stringMatching(/silent/) });
    expect(seen).toEqual([true, false]);
  });

  it('a failed call that never reached the central API is offline; a refusal it answered is only reported', () => {
    const c = new ConnectionState(4000);
    c.heard();
    c.failed(new CentralError(429, 'rate_limited', 'slow down'));
    expect(c.snapshot()).toMatchObject({ online: true, lastError: 'rate_limited: slow down' });
    c.failed(new NetworkError('connect ECONNREFUSED'));
    expect(c.snapshot()).toMatchObject({ online: false, lastError: 'connect ECONNREFUSED' });
  });

  it('writes waiting for a login are told without calling the link down', () => {
    const c = new ConnectionState(4000);
    c.heard();
    c.note('login_required:operator');
    expect(c.snapshot()).toMatchObject({ online: true, lastError: 'login_required:operator' });
  });

  it('tells listeners when the link comes back, once', () => {
    const c = new ConnectionState(4000);
    const back: boolean[] = [];
    c.onChange((_s, cameOnline) => back.push(cameOnline));
    c.failed(new NetworkError('down'));
    c.heard();
    c.heard();
    expect(back.filter(Boolean)).toHaveLength(1);
  });

  it('keeps lastSyncAt from the host clock, and stays quiet after stop', () => {
    const c = new ConnectionState(4000, () => new Date('2031-01-01T05:00:00.000Z'));
    const calls: number[] = [];
    c.onChange(() => calls.push(1));
    c.heard(true);
    expect(c.snapshot().lastSyncAt).toBe('2031-01-01T05:00:00.000Z');
    c.stop();
    c.heard(true);
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
  });
});

describe('back-off', () => {
  it('full jitter: a wait in [0, min(30 s, 0.5 s * 2^attempt)]', () => {
    expect(fullJitter(0, 500, 30_000, () => 0.999)).toBe(499);
    expect(fullJitter(3, 500, 30_000, () => 0.999)).toBe(3996);
    expect(fullJitter(20, 500, 30_000, () => 0.999)).toBe(29_970);
    expect(fullJitter(20, 500, 30_000, () => 0)).toBe(0);
  });

  it('the retry budget allows so many retries in a window, then says how long to wait', () => {
    let t = 0;
    const b = new RetryBudget(3, 60_000, () => t);
    for (let i = 0; i < 3; i++) {
      expect(b.waitMs()).toBe(0);
      b.spend();
      t += 1000;
    }
    expect(b.waitMs()).toBe(57_000);
    t = 60_000;
    expect(b.waitMs()).toBe(0);
    b.spend();
    b.reset();
    expect(b.waitMs()).toBe(0);
  });
});
