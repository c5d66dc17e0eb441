// The host API over one WebSocket (`nawa serve`): request/response frames by id, pushed events, and a link
// that comes back by itself. Requests made while the link is down wait for it, up to their timeout.
import { equalJitter } from '../../src/common/backoff';
import type { EventName, EventPayload, RequestInput, RequestName, RequestOutput } from '../../src/common/host-api';
import { RequestChannel, type ChannelFailures } from '../../src/common/request-channel';
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

const OPEN = 1;

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });
/** The renderer's own answers when the host cannot give one; unwrapResult raises them like the host's. */
const FAILURES: ChannelFailures<unknown> = {
  timeout: (name, sent) =>
    sent
      ? failure(CLIENT_ERRORS.timeout, `${name}: the host did not answer in time`)
      : failure(CLIENT_ERRORS.unreachable, `${name}: the host is not reachable`),
  lost: (name) => failure(CLIENT_ERRORS.connectionLost, `${name}: connection to the host was lost`),
  closed: () => failure(CLIENT_ERRORS.connectionLost, 'host client closed'),
  unsendable: (name, reason) => failure('bad_input', `${name}: ${reason}`),
};
const OWN_CODES = new Set<string>(Object.values(CLIENT_ERRORS));
/** False for a timeout or a lost link: the host never saw the request, or its answer never came. */
const fromHost = (result: unknown) => !OWN_CODES.has(String((result as { error?: { code?: unknown } }).error?.code));

/** Delay before reconnect attempt `attempt` (0-based): doubling, capped, with jitter so nine walls do not stampede. */
export const backoffDelay = equalJitter;

export class WebSocketHost implements NawaHost {
  connected = false;
  private socket: SocketLike | null = null;
  private readonly channel: RequestChannel<unknown>;
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly url: string,
    private readonly options: WsHostOptions,
  ) {
    this.channel = new RequestChannel({
      send: (frame) => {
        if (!this.socket || this.socket.readyState !== OPEN) return false;
        this.socket.send(JSON.stringify(frame));
        return true;
      },
      failures: FAILURES,
      timeoutMs: options.requestTimeoutMs ?? 15_000,
    });
    this.minBackoffMs = options.minBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.open();
  }

  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    return this.channel.request(name, input).then((result) => {
      if (fromHost(result)) this.noteSession(name, result);
      return unwrapResult(name, result);
    });
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
    this.channel.close();
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
      this.channel.flush();
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    socket.onerror = () => socket.close();
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      // A request already on the wire may or may not have run; only the caller can decide to retry it.
      this.channel.dropSent();
      this.setConnected(false);
      this.scheduleReconnect();
    };
  }

  /** First frame on a new link: take the login back, before anything that depends on it. */
  private resume(): void {
    const key = this.options.resumeKeys?.get();
    if (!key || !this.socket) return;
    void this.channel.request('session.resume', { resumeKey: key }).then((result) => {
      // Only the host's refusal forgets the key: a timeout or a dropped link says nothing about the login.
      if (!(result as { ok?: boolean }).ok && fromHost(result)) this.options.resumeKeys?.set(null);
    });
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

  private receive(data: unknown): void {
    let frame: unknown;
    try {
      frame = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null || this.channel.receive(frame)) return;
    const f = frame as { t?: unknown; name?: unknown; payload?: unknown };
    if (f.t === 'evt' && typeof f.name === 'string' && isEventName(f.name)) {
      const payload = parseEvent(f.name, f.payload);
      if (payload === null) return;
      for (const l of [...(this.listeners.get(f.name) ?? [])]) l(payload);
    }
  }
}
