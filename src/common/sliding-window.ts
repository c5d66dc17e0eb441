// "At most `limit` events in any `windowMs`", written once: the hub's failed logins per address and the
// outbox's retries both count this way.

export class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until one more event fits in the window; 0 when it fits now. */
  waitMs(): number {
    const t = this.forget();
    if (this.times.length < this.limit) return 0;
    return this.times[this.times.length - this.limit]! + this.windowMs - t;
  }

  record(): void {
    this.times.push(this.now());
  }

  /** No event left in the window (the key can be forgotten). */
  isEmpty(): boolean {
    this.forget();
    return this.times.length === 0;
  }

  clear(): void {
    this.times.length = 0;
  }

  private forget(): number {
    const t = this.now();
    while (this.times.length > 0 && t - this.times[0]! >= this.windowMs) this.times.shift();
    return t;
  }
}
