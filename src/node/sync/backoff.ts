import { SlidingWindow } from '../../common/sliding-window';
import { systemClock } from '../ports/clock';

export { fullJitter } from '../../common/backoff';

/** Resolves after `ms`, or at once when `signal` aborts; leaves no listener behind on a long-lived signal. */
export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * At most `limit` retries in any `windowMs`: whatever wakes a retry early (the link coming back, a new write),
 * a central API that keeps failing is never hammered.
 */
export class RetryBudget {
  private readonly window: SlidingWindow;

  constructor(
    readonly limit = 20,
    readonly windowMs = 60_000,
    now: () => number = () => systemClock.now(),
  ) {
    this.window = new SlidingWindow(limit, windowMs, now);
  }

  /** Milliseconds to wait before the next retry may start; 0 when it may start now. */
  waitMs(): number {
    return this.window.waitMs();
  }

  /** Records a retry that starts now. */
  spend(): void {
    this.window.record();
  }

  /** A call succeeded: the next failure is a first failure, not a retry. */
  reset(): void {
    this.window.clear();
  }
}
