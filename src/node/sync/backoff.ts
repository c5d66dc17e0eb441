import { systemClock } from '../ports/clock';

/** Full-jitter exponential back-off: a random wait in [0, min(cap, base * 2^attempt)]. */
export function fullJitter(attempt: number, baseMs = 500, capMs = 30_000, random = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30)));
}

/** Resolves after `ms`, or at once when `signal` aborts; leaves no listener behind on a long-lived signal. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => { clearTimeout(t); signal?.removeEventListener('abort', done); resolve(); };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * At most `limit` retries in any `windowMs`: whatever wakes a retry early (the link coming back, a new write),
 * a central API that keeps failing is never hammered.
 */
export class RetryBudget {
  private readonly times: number[] = [];

  constructor(readonly limit = 20, readonly windowMs = 60_000, private readonly now: () => number = systemClock.now) {}

  /** Milliseconds to wait before the next retry may start; 0 when it may start now. */
  waitMs(): number {
    const t = this.now();
    while (this.times.length > 0 && t - this.times[0]! >= this.windowMs) this.times.shift();
    return this.times.length < this.limit ? 0 : this.times[0]! + this.windowMs - t;
  }

  /** Records a retry that starts now. */
  spend(): void {
    this.times.push(this.now());
  }

  /** A call succeeded: the next failure is a first failure, not a retry. */
  reset(): void {
    this.times.length = 0;
  }
}
