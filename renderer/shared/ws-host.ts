// The host API over one WebSocket (`nawa serve`): request/response frames by id, pushed events, and a link
// that comes back by itself. Requests made while the link is down wait for it, up to their timeout.
import {
  HostRequestError,
  type ClientFrame, type EventName, type EventPayload, type RequestInput, type RequestName, type RequestOutput,
} from '../../src/common/host-api';
import { CLIENT_ERRORS, isEventName, parseEvent, unwrapResult } from './host-result';
import type { NawaHost } from './host-types';

/** The part of the browser's WebSocket this client uses, so tests can hand in a fake. */
export interface SocketLike {
  readyState: number;
  onopen: ((ev: never) => void) | null;
  onclose: ((ev: never) => void) | null;
  onerror: ((ev: never) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface WsHostOptions {
  createSocket: (url: string) => SocketLike;
  /** Whole life of a request, waiting for the link included. */
  requestTimeoutMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Where this tab keeps its login's resume key, so a reconnect does not log the operator out. */
  resumeKeys?: { get(): string | null; set(key: string | null): void };
}

interface Pending {
  name: RequestName;
  frame: ClientFrame;
  sent: boolean;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const OPEN = 1;

/** Delay before reconnect attempt `attempt` (0-based): doubling, capped, with jitter so nine walls do not stampede. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
  return Math.round(base * (0.5 + random() * 0.5));
}

export class WebSocketHost implements NawaHost {
  connected = false;
  private socket: SocketLike | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly timeoutMs: number;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly url: string, private readonly options: WsHostOptions) {
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.open();
  }

  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    return new Promise<unknown>((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => this.expire(id), this.timeoutMs);
      const entry: Pending = { name, frame: { t: 'req', id, name, input }, sent: false, resolve, reject, timer };
      this.pending.set(id, entry);
      if (this.connected) this.send(entry);
    }).then((result) => unwrapResult(name, result));
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.socket?.close();
    for (const [id, p] of this.pending) this.fail(id, p, CLIENT_ERRORS.connectionLost, 'host client closed');
  }

  private open(): void {
    if (this.disposed) return;
    const socket = this.options.createSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.resume();
      this.setConnected(true);
      for (const p of this.pending.values()) if (!p.sent) this.send(p);
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onerror = () => socket.close();
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      // A request already on the wire may or may not have run; only the caller can decide to retry it.
      for (const [id, p] of this.pending) {
        if (p.sent) this.fail(id, p, CLIENT_ERRORS.connectionLost, `${p.name}: connection to the host was lost`);
      }
      this.setConnected(false);
      this.scheduleReconnect();
    };
  }

  /** First frame on a new link: take the login back, before anything that depends on it. */
  private resume(): void {
    const key = this.options.resumeKeys?.get();
    if (!key || !this.socket) return;
    const id = this.nextId++;
    const timer = setTimeout(() => this.pending.delete(id), this.timeoutMs);
    const entry: Pending = {
      name: 'session.resume', frame: { t: 'req', id, name: 'session.resume', input: { resumeKey: key } }, sent: false,
      resolve: (result) => { if (!(result as { ok?: boolean }).ok) this.options.resumeKeys?.set(null); },
      reject: () => {}, timer,
    };
    this.pending.set(id, entry);
    this.send(entry);
  }

  /** Keeps the resume key in step with the session requests that pass through. */
  private noteSession(name: RequestName, result: unknown): void {
    const keys = this.options.resumeKeys;
    if (!keys) return;
    const r = result as { ok?: boolean; value?: { resumeKey?: unknown } };
    if (name === 'session.login' && r.ok && typeof r.value?.resumeKey === 'string') keys.set(r.value.resumeKey);
    if (name === 'session.logout') keys.set(null);
  }

  private scheduleReconnect(): void {
    if (this.disposed || this.reconnectTimer) return;
    const delay = backoffDelay(this.attempt++, this.minBackoffMs, this.maxBackoffMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.open();
    }, delay);
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    for (const l of [...this.connectionListeners]) l(connected);
  }

  private send(p: Pending): void {
    if (!this.socket || this.socket.readyState !== OPEN) return;
    this.socket.send(JSON.stringify(p.frame));
    p.sent = true;
  }

  private receive(data: unknown): void {
    let frame: unknown;
    try {
      frame = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const f = frame as { t?: unknown; id?: unknown; result?: unknown; name?: unknown; payload?: unknown };
    if (f.t === 'res' && typeof f.id === 'number') {
      const p = this.pending.get(f.id);
      if (!p) return;
      this.pending.delete(f.id);
      clearTimeout(p.timer);
      this.noteSession(p.name, f.result);
      p.resolve(f.result);
    } else if (f.t === 'evt' && typeof f.name === 'string' && isEventName(f.name)) {
      const payload = parseEvent(f.name, f.payload);
      if (payload === null) return;
      for (const l of [...(this.listeners.get(f.name) ?? [])]) l(payload);
    }
  }

  private expire(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    if (p.sent) this.fail(id, p, CLIENT_ERRORS.timeout, `${p.name}: the host did not answer in time`);
    else this.fail(id, p, CLIENT_ERRORS.unreachable, `${p.name}: the host is not reachable`);
  }

  private fail(id: number, p: Pending, code: string, message: string): void {
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.reject(new HostRequestError(code, message));
  }
}
