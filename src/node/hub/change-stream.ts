// GET /stream: Server-Sent Events with the backlog after `since`, then each change live, and heartbeats.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { changeJson, type HubStorage } from './hub-storage';

const PAGE = 500;
/** setTimeout's longest delay; a session ending later is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The session a stream was opened with: the stream ends when it expires or is revoked. */
export interface StreamOwner {
  username: string;
  tokenHash: string;
  expiresAt: string;
}

class StreamClient {
  private pumping = false;
  private again = false;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;
  private expiry: NodeJS.Timeout | undefined;
  /** Resolves once the response has gone out (or the socket has closed). */
  readonly finished: Promise<void>;

  /** `cursor` is the last seq this stream has written, so a heartbeat never claims more than was sent. */
  constructor(
    private readonly hub: HubStorage,
    private readonly res: ServerResponse,
    private cursor: number,
    heartbeatMs: number,
    private readonly onEnd: () => void,
    readonly owner?: StreamOwner,
  ) {
    this.finished = new Promise((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
    });
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    res.on('close', () => this.end());
    if (owner) this.endAt(Date.parse(owner.expiresAt));
  }

  private endAt(time: number): void {
    const left = time - Date.now();
    if (left <= 0) return this.end();
    this.expiry = setTimeout(() => this.endAt(time), Math.min(left, MAX_TIMER_MS));
    this.expiry.unref();
  }

  /** Writes everything after the cursor; a notification during a pump makes it look again, so nothing is skipped. */
  async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      for (;;) {
        this.again = false;
        if (this.closed) return;
        const { rows, more } = await this.hub.readChanges(this.cursor, PAGE);
        let room = true;
        for (const row of rows) {
          room = this.res.write(`event: change\nid: ${row.seq}\ndata: ${changeJson(row)}\n\n`);
          this.cursor = row.seq;
        }
        if (!room) await this.drained();
        if (!more && !this.again) return;
      }
    } catch {
      // The database closed under us (hub shutting down) or the socket failed: this stream is over.
      this.end();
    } finally {
      this.pumping = false;
    }
  }

  beat(): void {
    if (this.closed) return;
    this.res.write(
      `event: heartbeat\ndata: ${JSON.stringify({ time: new Date().toISOString(), lastSeq: this.cursor })}\n\n`,
    );
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.expiry);
    if (!this.res.writableEnded) this.res.end();
    this.onEnd();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }
}

export class ChangeStreams {
  private readonly clients = new Set<StreamClient>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly hub: HubStorage,
    private readonly heartbeatMs: number,
  ) {
    const changes = hub.onChanges(() => {
      for (const c of this.clients) void c.pump();
    });
    // A logout or revocation through any process on the database ends the streams held here.
    const sessions = hub.onSessionsEnded((ended) => this.closeWhere(ended));
    this.unsubscribe = () => {
      changes();
      sessions();
    };
  }

  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream after `since` (already checked against the feed's floor). */
  open(req: IncomingMessage, res: ServerResponse, since: number, owner?: StreamOwner): void {
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write(`retry: ${this.heartbeatMs}\n\n`);
    const client: StreamClient = new StreamClient(
      this.hub,
      res,
      since,
      this.heartbeatMs,
      () => this.clients.delete(client),
      owner,
    );
    this.clients.add(client);
    void client.pump().then(() => client.beat());
  }

  /** Ends the streams opened with a token (logout) or by an account (its tokens revoked); returns how many. */
  closeWhere(match: { tokenHash?: string; username?: string }): number {
    // An empty match names no session (it must never close every stream).
    if (match.tokenHash === undefined && match.username === undefined) return 0;
    let n = 0;
    for (const c of [...this.clients]) {
      const o = c.owner;
      if (
        !o ||
        (match.tokenHash !== undefined && o.tokenHash !== match.tokenHash) ||
        (match.username !== undefined && o.username !== match.username)
      )
        continue;
      c.end();
      n++;
    }
    return n;
  }

  /**
   * Ends every stream and waits (at most `flushMs`) until their last bytes went out, so a closing hub ends its
   * streams cleanly instead of cutting them mid-event when it drops its connections.
   */
  async closeAll(flushMs = 1000): Promise<void> {
    this.unsubscribe();
    const all = [...this.clients];
    for (const c of all) c.end();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(all.map((c) => c.finished)),
      new Promise((resolve) => (timer = setTimeout(resolve, flushMs))),
    ]);
    clearTimeout(timer);
  }
}
