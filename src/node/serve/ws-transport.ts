// The host contract over WebSocket, for browsers: the console, a presenter's tablet, a wall PC.
import { wsText } from '../base/ws-text';
import { randomUUID } from 'node:crypto';
import type { HostErrorCode } from '../../common/host-errors';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, type Result, type ServerFrame } from '../../common/host-api';
import { responseFrame } from '../../common/request-channel';
import type { Connection, HostService } from '../host/host-service';

const MAX_FRAME_BYTES = 256 * 1024;
/**
 * The console's mirror of the wall. Every acknowledgement re-sends it, nine times a switch; a wall display never
 * reads it, and parsing it nine times on each of nine walls was a visible share of a switch's CPU on two cores.
 */
const NOT_FOR_WALLS = new Set<string>(['wall.status']);

/** Decides, per request, whether a connection let in with `grant` may make it (see client-gate.ts). */
export interface RequestGate<G> {
  refusal(name: string, input: unknown, conn: Connection, grant: G): { code: HostErrorCode; message: string } | null;
}

export interface WsTransportOptions {
  /** How often each socket is pinged. A wall PC that lost power or network sends no close frame. */
  pingMs?: number;
  /** Pings left unanswered before the socket is dropped (and its wall shown as disconnected). */
  missedPings?: number;
  gate?: RequestGate<unknown>;
}

export class WsTransport {
  private readonly grants = new Map<WebSocket, unknown>();
  private readonly gate: RequestGate<unknown> | undefined;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly sockets = new Set<WebSocket>();
  private readonly unanswered = new Map<WebSocket, number>();
  private readonly connections = new Map<WebSocket, Connection>();
  private readonly offEvents: () => void;
  private readonly pinger: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: HostService,
    opts: WsTransportOptions = {},
  ) {
    this.gate = opts.gate;
    this.offEvents = host.onEvent((name, payload) => {
      const text = JSON.stringify({ t: 'evt', name, payload } satisfies ServerFrame);
      const skipWalls = NOT_FOR_WALLS.has(name);
      for (const ws of this.sockets) {
        if (ws.readyState !== ws.OPEN || (skipWalls && this.connections.get(ws)?.wall != null)) continue;
        ws.send(text);
      }
    });
    const missedPings = opts.missedPings ?? 2;
    this.pinger = setInterval(() => {
      for (const ws of this.sockets) {
        const missed = this.unanswered.get(ws) ?? 0;
        // terminate(), not close(): a dead peer never answers a closing handshake; 'close' follows at once.
        if (missed >= missedPings) {
          ws.terminate();
          continue;
        }
        this.unanswered.set(ws, missed + 1);
        if (ws.readyState === ws.OPEN) ws.ping();
      }
    }, opts.pingMs ?? 1000);
    this.pinger.unref();
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  /** `grant` is what the connection was let in with, handed to the gate with each of its requests. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, grant?: unknown): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.grants.set(ws, grant);
      this.accept(ws, req.socket.remoteAddress);
    });
  }

  private accept(ws: WebSocket, address?: string): void {
    const conn: Connection = { id: randomUUID(), operator: null, wall: null, ...(address ? { address } : {}) };
    this.sockets.add(ws);
    this.connections.set(ws, conn);
    ws.on('pong', () => this.unanswered.set(ws, 0));
    ws.on('message', (raw, isBinary) => {
      void this.onFrame(ws, conn, isBinary ? null : wsText(raw));
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.connections.delete(ws);
      this.grants.delete(ws);
      this.unanswered.delete(ws);
      this.host.disconnected(conn);
    });
    ws.on('error', () => ws.terminate());
  }

  private async onFrame(ws: WebSocket, conn: Connection, text: string | null): Promise<void> {
    let json: unknown;
    try {
      json = text === null ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    const frame = ClientFrame.safeParse(json);
    if (!frame.success) {
      // Not a request of the contract: say so once and close, so a confused client cannot go on guessing.
      ws.close(1008, 'invalid frame');
      return;
    }
    let result: Result<unknown>;
    try {
      const refused = this.gate?.refusal(frame.data.name, frame.data.input, conn, this.grants.get(ws)) ?? null;
      result = refused
        ? { ok: false as const, error: refused }
        : await this.host.dispatch(frame.data.name, frame.data.input, conn);
    } catch {
      // Every request gets an answer: a fault of the gate or the host becomes an error, never silence.
      result = { ok: false, error: { code: 'internal', message: 'The console host failed on this request.' } };
    }
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(responseFrame(frame.data.id, result) satisfies ServerFrame));
  }

  close(): void {
    clearInterval(this.pinger);
    this.offEvents();
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }
}
