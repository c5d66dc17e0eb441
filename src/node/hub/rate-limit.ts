// In-memory limits: failed logins per client address (a sliding log) and requests per token (a token bucket).
import { SlidingWindow } from '../../common/sliding-window';

const PRUNE_AT = 10_000;

/** Counts events per key over a sliding window; used for failed logins so a burst of guesses is cut off. */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, SlidingWindow>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    return this.hits.get(key)?.waitMs() ?? 0;
  }

  record(key: string): void {
    let window = this.hits.get(key);
    if (!window) this.hits.set(key, (window = new SlidingWindow(this.limit, this.windowMs, this.now)));
    window.record();
    if (this.hits.size > PRUNE_AT) this.prune();
  }

  private prune(): void {
    for (const [key, window] of [...this.hits]) if (window.isEmpty()) this.hits.delete(key);
  }
}

/** Allows bursts up to `perMinute` and a steady `perMinute` rate; generous enough for a console paging a resync. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the key's bucket; returns 0 when allowed, else milliseconds until one is available. */
  take(key: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > PRUNE_AT) this.prune(now);
    if (b.tokens < 1) return Math.ceil((1 - b.tokens) / rate);
    b.tokens -= 1;
    return 0;
  }

  private prune(now: number): void {
    const full = 60_000;
    for (const [key, b] of this.buckets) if (now - b.at > full) this.buckets.delete(key);
  }
}
