// GET /stream: Server-Sent Events with the backlog after `since`, then each change live, and heartbeats.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { changeJson, type HubDb } from './hub-db';

const PAGE = 500;

class StreamClient {
  private pumping = false;
  private again = false;
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  /** `cursor` is the last seq this stream has written, so a heartbeat never claims more than was sent. */
  constructor(private readonly hub: HubDb, private readonly res: ServerResponse, private cursor: number, heartbeatMs: number, private readonly onEnd: () => void) {
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    res.on('close', () => this.end());
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
        const { rows, more } = this.hub.readChanges(this.cursor, PAGE);
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
    this.res.write(`event: heartbeat\ndata: ${JSON.stringify({ time: new Date().toISOString(), lastSeq: this.cursor })}\n\n`);
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
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

  constructor(private readonly hub: HubDb, private readonly heartbeatMs: number) {
    this.unsubscribe = hub.onChanges(() => {
      for (const c of this.clients) void c.pump();
    });
  }

  get size(): number {
    return this.clients.size;
  }

  /** Starts a stream after `since` (already checked against the feed's floor). */
  open(req: IncomingMessage, res: ServerResponse, since: number): void {
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
    const client: StreamClient = new StreamClient(this.hub, res, since, this.heartbeatMs, () => this.clients.delete(client));
    this.clients.add(client);
    void client.pump().then(() => client.beat());
  }

  closeAll(): void {
    this.unsubscribe();
    for (const c of [...this.clients]) c.end();
  }
}
