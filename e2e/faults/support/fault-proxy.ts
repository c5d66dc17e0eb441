// A loopback HTTP proxy between the console host and the hub that misbehaves on purpose:
// - drops a response after the hub committed it (the request is forwarded, the answer thrown away, the client's
//   socket reset), so the console cannot know its write arrived;
// - duplicates a request (the hub sees it twice);
// - blackholes traffic both ways for a while: nothing is forwarded in either direction until it heals, as when
//   a route drops every packet and TCP delivers them once it is back (the stream goes silent, calls hang).
import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FaultPlan {
  /** Share of requests whose response is dropped after the hub answered (0..1). */
  dropResponse: number;
  /** Share of requests sent to the hub twice (0..1). */
  duplicate: number;
  /** Only requests whose path matches are faulted (the stream is never dropped or duplicated). */
  paths?: RegExp;
}

export const NO_FAULTS: FaultPlan = { dropResponse: 0, duplicate: 0 };

export interface ProxyStats {
  requests: number;
  dropped: number;
  duplicated: number;
  held: number;
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export class FaultProxy {
  readonly stats: ProxyStats = { requests: 0, dropped: 0, duplicated: 0, held: 0 };
  private plan: FaultPlan = NO_FAULTS;
  private healed: Promise<void> = Promise.resolve();
  private heal: (() => void) | null = null;
  private readonly streams = new Set<IncomingMessage>();
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private readonly target: URL;

  constructor(
    target: string,
    private readonly random: () => number = Math.random,
  ) {
    this.target = new URL(target);
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  setPlan(plan: FaultPlan): void {
    this.plan = plan;
  }

  get blackholed(): boolean {
    return this.heal !== null;
  }

  /** Nothing passes either way until healed. */
  blackhole(): void {
    if (this.heal) return;
    this.healed = new Promise((resolve) => {
      this.heal = resolve;
    });
    for (const s of this.streams) s.pause();
  }

  /** Ends the blackhole and every fault: held traffic flows on. */
  healAll(): void {
    this.plan = NO_FAULTS;
    const heal = this.heal;
    this.heal = null;
    heal?.();
    for (const s of this.streams) s.resume();
  }

  async close(): Promise<void> {
    this.healAll();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async gate(): Promise<void> {
    while (this.heal) {
      this.stats.held++;
      await this.healed;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readAll(req);
      await this.gate();
      this.stats.requests++;
      const path = req.url ?? '/';
      if (path.includes('/stream')) return this.pipeStream(req, res);
      const faulted = this.plan.paths ? this.plan.paths.test(path) : true;
      const duplicate = faulted && this.random() < this.plan.duplicate;
      const drop = faulted && this.random() < this.plan.dropResponse;
      let answer = await this.forward(req, body);
      if (duplicate) {
        this.stats.duplicated++;
        const second = await this.forward(req, body);
        if (this.random() < 0.5) answer = second;
      }
      await this.gate();
      if (drop) {
        this.stats.dropped++;
        req.socket.resetAndDestroy();
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch {
      req.socket.destroy();
    }
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const up = httpRequest(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: this.target.host, connection: 'close' },
        },
        (r) => {
          readAll(r).then(
            (b) => resolve({ status: r.statusCode ?? 502, headers: withoutHop(r.headers), body: b }),
            reject,
          );
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  private pipeStream(req: IncomingMessage, res: ServerResponse): void {
    const up = httpRequest(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: 'GET',
        path: req.url,
        headers: { ...req.headers, host: this.target.host },
      },
      (r) => {
        this.streams.add(r);
        if (this.heal) r.pause();
        res.writeHead(r.statusCode ?? 502, withoutHop(r.headers));
        r.on('data', (chunk: Buffer) => res.write(chunk));
        r.on('end', () => res.end());
        r.on('close', () => {
          this.streams.delete(r);
          res.destroy();
        });
      },
    );
    up.on('error', () => res.destroy());
    res.on('close', () => up.destroy());
    up.end();
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function withoutHop(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...rest } = headers;
  return rest;
}
