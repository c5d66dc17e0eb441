// A loopback TCP balancer in front of several hub processes, as a regency would put one in front of its hubs:
// each new connection goes to the next backend in turn, skipping one that refuses (killed, not back yet); when a
// backend dies its connections drop, and the client's next connection lands on a live one.
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export class Balancer {
  private next = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  /** Connections sent to each backend, by its port. */
  readonly routed = new Map<number, number>();

  constructor(private readonly ports: readonly number[]) {}

  async start(): Promise<string> {
    this.server = createServer((client) => this.route(client, 0));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private track(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }

  private route(client: Socket, tried: number): void {
    if (tried === 0) {
      this.track(client);
      client.pause();
      client.on('error', () => client.destroy());
    }
    if (tried >= this.ports.length || client.destroyed) return void client.destroy();
    const port = this.ports[this.next++ % this.ports.length]!;
    const upstream = connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.track(upstream);
      this.routed.set(port, (this.routed.get(port) ?? 0) + 1);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
      // Either side gone: both gone, as when a process dies under a real balancer.
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    upstream.on('error', () => {
      upstream.destroy();
      if (!connected) this.route(client, tried + 1);
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
