// One connection state for the whole sync engine: the stream's heartbeats, every answer and every failed call
// feed it, and a silence timer turns it offline when nothing was heard for two heartbeat intervals.
import { systemNow } from '../ports/clock';
import { CentralError } from './central-client';

export interface ConnectionSnapshot {
  online: boolean;
  lastError: string | null;
  lastSyncAt: string | null;
}

export class ConnectionState {
  private online = false;
  private lastError: string | null = null;
  private lastSyncAt: string | null = null;
  private silence: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly listeners = new Set<(s: ConnectionSnapshot, cameOnline: boolean) => void>();

  private keptAt = 0;

  /**
   * `lastSyncAt`: the last successful sync known from before (a restart), so the age shown stays true; `keep`
   * writes it down, now and then rather than at every heartbeat, and at stop.
   */
  constructor(
    private readonly silenceMs: number,
    private readonly now: () => Date = systemNow,
    lastSyncAt: string | null = null,
    private readonly keep: (lastSyncAt: string) => void = () => {},
  ) {
    this.lastSyncAt = lastSyncAt;
  }

  snapshot(): ConnectionSnapshot {
    return { online: this.online, lastError: this.lastError, lastSyncAt: this.lastSyncAt };
  }

  /** The central API answered (a heartbeat, a page, a push result). `synced`: the cache or the outbox moved with it. */
  heard(synced = false): void {
    this.arm();
    const changed = !this.online || this.lastError !== null;
    if (synced) {
      this.lastSyncAt = this.now().toISOString();
      const t = this.now().getTime();
      if (!this.stopped && t - this.keptAt >= 30_000) {
        this.keptAt = t;
        this.keep(this.lastSyncAt);
      }
    }
    this.set(true, null, changed || synced);
  }

  /**
   * A call failed. Not reaching the central API (network, timeout, 5xx) makes the console offline; an answer
   * that refuses (429, 401, 410 ...) proves it reachable and is only reported.
   */
  failed(error: unknown): void {
    const reachable = error instanceof CentralError;
    if (!reachable) this.disarm();
    this.set(reachable ? this.online : false, describe(error), true);
  }

  /** Something to tell that says nothing about the link (writes waiting for their operator's login). */
  note(reason: string): void {
    this.set(this.online, reason, this.lastError !== reason);
  }

  /** Nothing to talk with (no token): offline, with the reason. */
  idle(reason: string): void {
    this.disarm();
    this.set(false, reason, this.online || this.lastError !== reason);
  }

  /** Listeners hear every change; `cameOnline` is true on the step from offline to online. */
  onChange(listener: (s: ConnectionSnapshot, cameOnline: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Silent from now on: no timer, no listener called (the store behind them is closing). */
  stop(): void {
    if (!this.stopped && this.lastSyncAt) this.keep(this.lastSyncAt);
    this.stopped = true;
    this.disarm();
  }

  private set(online: boolean, error: string | null, notify: boolean): void {
    const cameOnline = online && !this.online;
    this.online = online;
    this.lastError = error;
    if (this.stopped || (!notify && !cameOnline)) return;
    for (const l of [...this.listeners]) l(this.snapshot(), cameOnline);
  }

  private arm(): void {
    this.disarm();
    if (this.stopped) return;
    this.silence = setTimeout(() => {
      this.silence = null;
      this.set(false, 'the central API went silent (no heartbeat)', true);
    }, this.silenceMs);
    this.silence.unref();
  }

  private disarm(): void {
    if (this.silence) clearTimeout(this.silence);
    this.silence = null;
  }
}

export function describe(e: unknown): string {
  if (e instanceof CentralError) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
