// A wall PC that loses power sends no close frame: the transport's pings find it and let the host know.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Connection, HostService } from '../host/host-service';
import { WsTransport } from './ws-transport';

let server: Server | null = null;
let transport: WsTransport | null = null;
afterEach(async () => {
  transport?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = transport = null;
});

async function start(): Promise<{ url: string; gone: Connection[] }> {
  const gone: Connection[] = [];
  const host: HostService = {
    dispatch: async () => ({ ok: true, value: {} }),
    onEvent: () => () => {},
    disconnected: (conn) => {
      gone.push(conn);
    },
    close: async () => {},
  };
  transport = new WsTransport(host, { pingMs: 100, missedPings: 2 });
  server = createServer();
  server.on('upgrade', (req, socket, head) => transport!.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/host`, gone };
}

function open(url: string, autoPong: boolean): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { autoPong });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

describe('WebSocket liveness', () => {
  it('drops a peer that stopped answering pings after the missed ones, and keeps one that answers', async () => {
    const { url, gone } = await start();
    const alive = await open(url, true);
    const silent = await open(url, false);
    // Two missed pings at 100 ms and the check that notices take about 300 ms; the wait is generous for a busy machine.
    const deadline = Date.now() + 5_000;
    while (gone.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(gone).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(gone).toHaveLength(1);
    expect(alive.readyState).toBe(WebSocket.OPEN);
    alive.close();
    silent.terminate();
  });
});
