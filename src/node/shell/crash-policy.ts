// When to re-create a wall window whose renderer died. A single crash (a GPU hiccup, an out-of-memory tab) is
// repaired at once so the room barely notices; a page that crashes again and again is retried ever more
// slowly so it does not starve the other eight walls, but never abandoned: an unattended wall stays black
// otherwise until someone walks to the operator desk.
import { exponentialMs } from '../../common/backoff';
import type { Clock } from '../ports/clock';

export interface CrashPolicyOptions {
  /** Delay before the first restart; the brief for the room is "back within 2 s". */
  firstDelayMs: number;
  /** Crashes further apart than this are unrelated: the count starts again. */
  windowMs: number;
  /** Ceiling of the back-off, so a wall whose cause went away comes back within this long. */
  maxDelayMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = { firstDelayMs: 1000, windowMs: 60_000, maxDelayMs: 60_000 };

export interface RestartDecision {
  delayMs: number;
  /** Crashes of this window within the current window of time, this one included. */
  crashes: number;
}

export class CrashPolicy<K = string | number> {
  private readonly history = new Map<K, { count: number; last: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly options: CrashPolicyOptions = DEFAULT_CRASH_POLICY,
  ) {}

  /** Records a crash of `key` and says how long to wait before re-creating it: 1 s, 2 s, 4 s ... capped. */
  crashed(key: K): RestartDecision {
    const now = this.clock.now();
    const prev = this.history.get(key);
    const count = prev && now - prev.last <= this.options.windowMs ? prev.count + 1 : 1;
    this.history.set(key, { count, last: now });
    const delayMs = exponentialMs(count - 1, this.options.firstDelayMs, this.options.maxDelayMs);
    return { delayMs, crashes: count };
  }

  crashes(key: K): number {
    const prev = this.history.get(key);
    return prev && this.clock.now() - prev.last <= this.options.windowMs ? prev.count : 0;
  }

  /** The window is gone for another reason (display unplugged, re-planned): its history no longer applies. */
  forget(key: K): void {
    this.history.delete(key);
  }
}
