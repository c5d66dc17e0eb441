// One request/response correlator for every transport Nawa has (the WebSocket client, the host worker, the
// secret-store port): numbered frames, a timeout per request, and every failure answered as data, never thrown.

/** A request on the wire; a transport may add its own fields (the worker adds the UI's connection id). */
export interface RequestFrame {
  t: 'req';
  id: number;
  name: string;
  input: unknown;
}
/** The answer to request `id`; `result` is whatever the responder sends (for the host: `{ok, value | error}`). */
export interface ResponseFrame<R = unknown> {
  t: 'res';
  id: number;
  result: R;
}

export const requestFrame = (id: number, name: string, input: unknown): RequestFrame => ({ t: 'req', id, name, input });
export const responseFrame = <R>(id: number, result: R): ResponseFrame<R> => ({ t: 'res', id, result });

export function isResponseFrame(frame: unknown): frame is ResponseFrame<unknown> {
  if (typeof frame !== 'object' || frame === null) return false;
  const f = frame as Partial<ResponseFrame>;
  return f.t === 'res' && Number.isSafeInteger(f.id) && 'result' in f;
}

export function isRequestFrame(frame: unknown): frame is RequestFrame {
  if (typeof frame !== 'object' || frame === null) return false;
  const f = frame as Partial<RequestFrame>;
  return f.t === 'req' && Number.isSafeInteger(f.id) && typeof f.name === 'string';
}

/** The answers the channel gives itself when the responder cannot: each transport words them its own way. */
export interface ChannelFailures<R> {
  /** No answer in time; `sent` tells a request that reached the wire from one that never found a link. */
  timeout(name: string, sent: boolean): R;
  /** The link dropped after the request was sent: it may or may not have run. */
  lost(name: string): R;
  /** The channel was closed (the client disposed, the responder dead). */
  closed(name: string): R;
  /** The transport refused the frame itself (an input that cannot be cloned, for one). */
  unsendable(name: string, reason: string): R;
}

export interface ChannelOptions<R> {
  /** Puts a frame on the wire: false when the link is down now (the request waits for flush()); throws when it never can be sent. */
  send(frame: RequestFrame): boolean;
  failures: ChannelFailures<R>;
  /** The whole life of a request, waiting for a link included; none: as long as the channel is open. */
  timeoutMs?: number;
  /** An answer for no waiting request: one that came after its timeout, or an id never asked. */
  onStray?(id: number): void;
  now?(): number;
}

interface Pending<R> {
  frame: RequestFrame;
  sent: boolean;
  resolve(result: R): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class RequestChannel<R> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<R>>();
  private closedWith: ((name: string) => R) | null = null;

  constructor(private readonly options: ChannelOptions<R>) {}

  get waiting(): number {
    return this.pending.size;
  }

  /** Resolves with the responder's result or one of the failures; never rejects. `extra` fields ride on the frame. */
  request(name: string, input: unknown, extra?: Record<string, unknown>): Promise<R> {
    if (this.closedWith) return Promise.resolve(this.closedWith(name));
    const frame = { ...extra, ...requestFrame(this.nextId++, name, input) };
    return new Promise<R>((resolve) => {
      const ms = this.options.timeoutMs;
      const entry: Pending<R> = { frame, sent: false, resolve, timer: undefined };
      if (ms !== undefined)
        entry.timer = setTimeout(() => this.settle(frame.id, this.options.failures.timeout(name, entry.sent)), ms);
      this.pending.set(frame.id, entry);
      this.trySend(entry);
    });
  }

  /**
   * The same exchange for a caller that cannot wait asynchronously (the worker's synchronous secret store):
   * `next(msLeft)` blocks until a frame arrives or the time is up (then returns undefined).
   */
  requestSync(name: string, input: unknown, next: (msLeft: number) => unknown): R {
    if (this.closedWith) return this.closedWith(name);
    const frame = requestFrame(this.nextId++, name, input);
    const now = () => (this.options.now ? this.options.now() : Date.now());
    const deadline = now() + (this.options.timeoutMs ?? Number.MAX_SAFE_INTEGER);
    try {
      if (!this.options.send(frame)) return this.options.failures.timeout(name, false);
    } catch (e) {
      return this.options.failures.unsendable(name, reasonOf(e));
    }
    for (;;) {
      const left = deadline - now();
      if (left <= 0) return this.options.failures.timeout(name, true);
      const got = next(left);
      if (got === undefined) continue;
      if (!isResponseFrame(got)) continue;
      if (got.id === frame.id) return got.result as R;
      this.options.onStray?.(got.id);
    }
  }

  /** Hands an incoming frame to the request it answers; false when it is not a response frame at all. */
  receive(frame: unknown): boolean {
    if (!isResponseFrame(frame)) return false;
    if (!this.settle(frame.id, frame.result as R)) this.options.onStray?.(frame.id);
    return true;
  }

  /** The link is (back) up: sends every request that waited for it, oldest first. */
  flush(): void {
    for (const p of [...this.pending.values()]) if (!p.sent) this.trySend(p);
  }

  /** The link dropped: requests on the wire are answered `lost`; those not yet sent wait for the next link. */
  dropSent(): void {
    for (const [id, p] of [...this.pending]) if (p.sent) this.settle(id, this.options.failures.lost(p.frame.name));
  }

  /** Answers every waiting request, and every later one, with `answer` (default: the `closed` failure). */
  close(answer: (name: string) => R = (name) => this.options.failures.closed(name)): void {
    this.closedWith ??= answer;
    for (const [id, p] of [...this.pending]) this.settle(id, this.closedWith(p.frame.name));
  }

  private trySend(p: Pending<R>): void {
    try {
      p.sent = this.options.send(p.frame);
    } catch (e) {
      this.settle(p.frame.id, this.options.failures.unsendable(p.frame.name, reasonOf(e)));
    }
  }

  private settle(id: number, result: R): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(result);
    return true;
  }
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
