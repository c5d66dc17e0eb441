// Which events reach which browser: the console gets everything; a wall display is spared the console's mirror.
import { wsText } from '../base/ws-text';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventName } from '../../common/host-api';
import type { HostService } from '../host/host-service';
import { WsTransport } from './ws-transport';

let server: Server | null = null;
let transport: WsTransport | null = null;
afterEach(async () => {
  transport?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = transport = null;
});

describe('WebSocket events', () => {
  it('sends wall.status to the console but not to wall displays, and wall.state to both', async () => {
    let emit: (name: EventName, payload: unknown) => void = () => {};
    const host: HostService = {
      dispatch: async (name, input, conn) => {
        if (name === 'wall.hello') conn.wall = (input as { wall: number }).wall;
        return { ok: true, value: {} };
      },
      onEvent: (listener) => {
        emit = listener;
        return () => {};
      },
      disconnected: () => {},
      close: async () => {},
    };
    transport = new WsTransport(host);
    server = createServer();
    server.on('upgrade', (req, socket, head) => transport!.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/host`;
    const open = () =>
      new Promise<{ ws: WebSocket; seen: string[] }>((resolve, reject) => {
        const ws = new WebSocket(url);
        const seen: string[] = [];
        ws.on('message', (raw) => {
          const f = JSON.parse(wsText(raw)) as { t: string; name?: string };
          seen.push(f.t === 'evt' ? f.name! : 'res');
        });
        ws.once('open', () => resolve({ ws, seen }));
        ws.once('error', reject);
      });
    const consolePage = await open();
    const wallPage = await open();
    wallPage.ws.send(JSON.stringify({ t: 'req', id: 1, name: 'wall.hello', input: { wall: 4 } }));
    const until = async (f: () => boolean) => {
      for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => wallPage.seen.includes('res'));
    emit('wall.status', {});
    emit('wall.state', {});
    await until(() => consolePage.seen.length >= 2 && wallPage.seen.length >= 2);
    expect(consolePage.seen).toEqual(['wall.status', 'wall.state']);
    expect(wallPage.seen).toEqual(['res', 'wall.state']);
    consolePage.ws.close();
    wallPage.ws.close();
  });
});
