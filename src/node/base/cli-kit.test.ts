import { describe, expect, it } from 'vitest';
import { parsePort, untilStopSignal } from './cli-kit';

describe('parsePort', () => {
  class UsageError extends Error {}

  it("takes 0 to 65535 written as digits, and refuses the rest with the caller's error", () => {
    expect(['0', '8780', '65535'].map((t) => parsePort(t))).toEqual([0, 8780, 65535]);
    for (const bad of ['', '65536', '-1', '1e3', '80.5', ' 80', 'eighty', '0x50']) {
      expect(() => parsePort(bad, UsageError), bad).toThrow(UsageError);
    }
    expect(() => parsePort('eighty')).toThrow('--port must be a port number from 0 to 65535, not eighty');
  });
});

describe('untilStopSignal', () => {
  it('resolves at the first SIGINT or SIGTERM and stops listening', async () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM') };
    const stopped = untilStopSignal();
    expect(process.listenerCount('SIGINT')).toBe(before.int + 1);
    expect(process.listenerCount('SIGTERM')).toBe(before.term + 1);
    process.emit('SIGTERM', 'SIGTERM'); // the listeners only: a real signal would reach the test runner too
    await expect(stopped).resolves.toBe('SIGTERM');
    expect(process.listenerCount('SIGINT')).toBe(before.int);
    expect(process.listenerCount('SIGTERM')).toBe(before.term);
  });
});
