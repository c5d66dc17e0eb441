// Time as a port, so back-off and debounce decisions are tested without waiting. The only place in src/node/{store,
// sync,host} that reads the machine's clock: everything else is handed `now` (HostOptions.now) or a Clock.
export interface Clock {
  now(): number;
  /** Runs `fn` once after `ms`; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** The machine's time, as a Date: the default of every `now` option. */
export const systemNow = (): Date => new Date();

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** A clock that moves only when told: tests advance it and due timers fire in order. */
export class ManualClock implements Clock {
  private t = 0;
  private timers: { at: number; fn: () => void; seq: number }[] = [];
  private seq = 0;

  now(): number {
    return this.t;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.t + Math.max(0, ms), fn, seq: this.seq++ };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = due.at;
      due.fn();
    }
    this.t = end;
  }

  pending(): number {
    return this.timers.length;
  }
}

/** Runs `fn` once things have been quiet for `ms`: a wall controller waking brings nine display events at once. */
export function debounce(clock: Clock, ms: number, fn: () => void): () => void {
  let cancel: (() => void) | null = null;
  return () => {
    cancel?.();
    cancel = clock.after(ms, () => {
      cancel = null;
      fn();
    });
  };
}
