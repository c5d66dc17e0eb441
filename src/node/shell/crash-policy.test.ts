import { describe, expect, it } from 'vitest';
import { ManualClock } from '../ports/clock';
import { CrashPolicy } from './crash-policy';

describe('CrashPolicy', () => {
  it('restarts a wall that crashed once within 2 s', () => {
    const policy = new CrashPolicy(new ManualClock());
    const d = policy.crashed(4);
    expect(d.delayMs).toBeLessThanOrEqual(2000);
    expect(d.crashes).toBe(1);
  });

  it('backs off exponentially while crashes keep coming, up to a ceiling', () => {
    const clock = new ManualClock();
    const policy = new CrashPolicy(clock, { firstDelayMs: 1000, windowMs: 60_000, maxDelayMs: 30_000 });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const d = policy.crashed(1);
      delays.push(d.delayMs);
      clock.advance(d.delayMs + 5_000); // restarted, ran a few seconds, crashed again
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(policy.crashes(1)).toBe(7);
  });

  it('starts counting again after a quiet spell longer than the window', () => {
    const clock = new ManualClock();
    const policy = new CrashPolicy(clock, { firstDelayMs: 500, windowMs: 60_000, maxDelayMs: 60_000 });
    policy.crashed('w');
    clock.advance(10_000);
    expect(policy.crashed('w').delayMs).toBe(1000);
    clock.advance(60_001);
    expect(policy.crashes('w')).toBe(0);
    expect(policy.crashed('w')).toEqual({ delayMs: 500, crashes: 1 });
  });

  it('keeps each wall on its own count, and forgets a wall on request', () => {
    const policy = new CrashPolicy(new ManualClock());
    policy.crashed(1);
    policy.crashed(1);
    expect(policy.crashed(2).crashes).toBe(1);
    policy.forget(1);
    expect(policy.crashed(1).crashes).toBe(1);
  });
});
