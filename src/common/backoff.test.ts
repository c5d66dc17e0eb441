import { describe, expect, it } from 'vitest';
import { equalJitter, exponentialMs, fullJitter } from './backoff';

describe('back-off', () => {
  it('doubles from the base and stops at the cap, even for absurd attempt counts', () => {
    expect([0, 1, 2, 3].map((a) => exponentialMs(a, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000]);
    expect(exponentialMs(6, 1000, 60_000)).toBe(60_000);
    expect(exponentialMs(10_000, 1000, 60_000)).toBe(60_000);
    expect(exponentialMs(-1, 1000, 60_000)).toBe(1000);
  });

  it('full jitter spreads over [0, the doubled wait); equal jitter over its upper half', () => {
    expect(fullJitter(3, 500, 30_000, () => 0)).toBe(0);
    expect(fullJitter(3, 500, 30_000, () => 0.5)).toBe(2000);
    expect(equalJitter(3, 500, 30_000, () => 0)).toBe(2000);
    expect(equalJitter(3, 500, 30_000, () => 0.999999)).toBe(4000);
  });
});
