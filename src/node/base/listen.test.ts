import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, serverUrl, urlHost } from './listen';

const servers: Server[] = [];
afterEach(() => Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r())))));

describe('listen and serverUrl', () => {
  it('listens on a free port and names a URL that answers', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    servers.push(server);
    await listen(server, 0, '127.0.0.1');
    const url = serverUrl(server, '127.0.0.1');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(url)).text()).toBe('ok');
  });

  it('rejects with the bind error when the port is taken, and leaves no error listener behind', async () => {
    const first = createServer();
    servers.push(first);
    await listen(first, 0, '127.0.0.1');
    const second = createServer();
    const port = Number(new URL(serverUrl(first, '127.0.0.1')).port);
    await expect(listen(second, port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(first.listenerCount('error')).toBe(0);
    expect(second.listenerCount('error')).toBe(0);
  });

  it('puts a wildcard bind behind loopback and IPv6 in brackets', () => {
    expect(['0.0.0.0', '', '::', '::1', 'fe80::1', '192.168.1.20', 'nawa.local'].map(urlHost)).toEqual([
      '127.0.0.1',
      '127.0.0.1',
      '[::1]',
      '[::1]',
      '[fe80::1]',
      '192.168.1.20',
      'nawa.local',
    ]);
  });
});
