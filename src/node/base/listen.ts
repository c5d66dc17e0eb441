// Starting an HTTP server and naming its URL, the same for the hub and `nawa serve`.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Resolves once the server listens; rejects with the bind error (a port in use, an unknown address). */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The address to put in a URL: a wildcard bind is reached through loopback, IPv6 goes in brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** `http://host:port` (or https) of a listening server (its real port when it was asked for port 0). */
export function serverUrl(server: Server, host: string, scheme: 'http' | 'https' = 'http'): string {
  return `${scheme}://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
}
