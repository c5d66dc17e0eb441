// The URLs a wall PC opens its page at: under each name the host is reached by from the room's network, with
// the wall's own pairing token beyond loopback. `nawa serve` prints them and the console shows them
// (`wall.pairing`, to presenters and supervisors only). The tokens are secrets: nothing here logs.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { WallPairing } from '../../common/wall-pairing-api';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const WILDCARD = new Set(['0.0.0.0', '::', '']);

const bracket = (a: string) => (a.includes(':') ? `[${a}]` : a);
/** fe80::/10 needs a zone (`%eth0`) that a browser's address bar does not take. */
const linkLocal = (a: string) => /^fe[89ab]/i.test(a);

/**
 * `scheme://name:port` of each name a wall PC can reach this host by, best first: the public names
 * (`--public-host`), then the bound address, or for a wildcard bind each network address (IPv4 first). Bound to
 * loopback, or with no network at all, only this machine reaches it: its loopback address alone.
 */
export function wallOrigins(
  bind: string,
  port: number,
  scheme: 'http' | 'https',
  publicHosts: readonly string[] = [],
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const names: string[] = [];
  if (!LOOPBACK.has(bind)) {
    names.push(...publicHosts.map((h) => h.toLowerCase()));
    if (WILDCARD.has(bind)) {
      const found = Object.values(interfaces)
        .flatMap((list) => list ?? [])
        .filter((a) => !a.internal && !(a.family === 'IPv6' && linkLocal(a.address)))
        .sort((a, b) => (a.family === b.family ? 0 : a.family === 'IPv4' ? -1 : 1));
      names.push(...found.map((a) => bracket(a.address.split('%')[0]!)));
    } else {
      names.push(bracket(bind));
    }
  }
  if (names.length === 0) names.push(bind === 'localhost' ? 'localhost' : bind === '::1' ? '[::1]' : '127.0.0.1');
  // Through URL, so a scheme's own port is left out (https://cc.malangkab.go.id, as a browser would send it).
  return [...new Set(names)].map((n) => new URL(`${scheme}://${n}:${port}`).origin);
}

/** What `wall.pairing` answers: per wall its URLs, each with the wall's token when the host asks for one. */
export function wallPairing(
  origins: readonly string[],
  wallCount: number,
  tokenOf: ((wall: number) => string) | null,
): WallPairing {
  return {
    reason: tokenOf ? null : 'loopback',
    walls: Array.from({ length: wallCount }, (_, i) => {
      const wall = i + 1;
      const query = tokenOf ? `?token=${encodeURIComponent(tokenOf(wall))}` : '';
      return { wall, urls: origins.map((o) => `${o}/wall/${wall}${query}`) };
    }),
  };
}
