// Who may use the console host over the network, and for what (issue 10, item 4):
// - the Host header must name this host (so a DNS-rebound name fails) and Origin must match it;
// - a client that has not logged in gets what a wall page needs and nothing more;
// - beyond loopback, a wall page pairs with its own token, and only a paired wall may say hello and
//   acknowledge paints for that wall.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { RequestName } from '../../common/host-api';
import type { HostErrorCode } from '../../common/host-errors';
import type { TileSource } from '../../common/layout';
import type { Connection } from '../host/host-service';

export const WALL_COUNT = 9;

/** What a wall page asks for, whatever its layout shows; the login page's three requests beside them. */
const WALL_READS = new Set<RequestName>([
  'wall.hello',
  'wall.state',
  'wall.painted',
  'sync.status',
  'overview.get',
  'sites.list',
]);
const LOGIN = new Set<RequestName>(['session.login', 'session.resume', 'session.current']);
/** Reads a wall makes only when a tile of the layout on the wall shows them. */
const TILE_READS: Partial<Record<RequestName, readonly TileSource['kind'][]>> = {
  'incidents.list': ['incidents', 'map'],
  'decisions.list': ['decisions'],
  'sectors.dashboard': ['sector'],
};

/** What a connection was let in with: everything of this host, or one wall's page. */
export type Grant = { kind: 'full' } | { kind: 'wall'; wall: number };

const isLoopback = (a: string | undefined) => a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';

/** `host:port` spellings that name this host; a bind to every interface takes every local address. */
export function servedHosts(bind: string, port: number, extraNames: readonly string[] = []): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]']);
  const wildcard = bind === '0.0.0.0' || bind === '::' || bind === '';
  if (wildcard) {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
    }
  } else if (!isLoopback(bind) && bind !== 'localhost') {
    names.add(bind.includes(':') ? `[${bind}]` : bind);
  }
  for (const n of extraNames) names.add(n.toLowerCase());
  const served = [...names].map((n) => `${n.toLowerCase()}:${port}`);
  // On the scheme's own port a browser leaves the port out of Host (https://cc.malangkab.go.id/).
  if (port === 80 || port === 443) served.push(...[...names].map((n) => n.toLowerCase()));
  return new Set(served);
}

export class ClientGate {
  private hosts = new Set<string>();

  constructor(
    /** null on loopback: no token asked. */
    private readonly accessToken: string | null,
    private readonly pairingSecret: Buffer,
    private readonly layoutOnWall: () => { tiles: { source: TileSource }[] } | null,
    private readonly scheme: 'http' | 'https' = 'http',
  ) {}

  /** Set once the port is known (after listen). */
  serve(hosts: Set<string>): void {
    this.hosts = hosts;
  }

  /** The token a wall page beyond loopback carries (`/wall/N?token=`). */
  wallToken(wall: number): string {
    return createHmac('sha256', this.pairingSecret).update(`nawa-wall:${wall}`).digest('base64url').slice(0, 22);
  }

  hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    return host !== undefined && this.hosts.has(host);
  }

  /** A browser always sends Origin on a WebSocket; it must be this host, as the Host header names it. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return this.hostAllowed(req) && origin.toLowerCase() === `${this.scheme}://${req.headers.host?.toLowerCase()}`;
  }

  /** The grant of a request carrying `token` (query or header), or null when it may not come in. */
  admit(req: IncomingMessage, token: string | null): Grant | null {
    if (this.accessToken === null) return { kind: 'full' };
    if (token !== null && same(token, this.accessToken)) return { kind: 'full' };
    if (token !== null) {
      for (let wall = 1; wall <= WALL_COUNT; wall++)
        if (same(token, this.wallToken(wall))) return { kind: 'wall', wall };
    }
    return null;
  }

  /** Why `name` is refused to this connection, or null when it may run. */
  refusal(
    name: string,
    input: unknown,
    conn: Connection,
    grant: Grant,
  ): { code: HostErrorCode; message: string } | null {
    const wall = (input as { wall?: unknown; all?: unknown } | null) ?? {};
    if (name === 'wall.hello' || name === 'wall.painted') {
      if (grant.kind === 'wall' && (wall.wall !== grant.wall || wall.all === true)) {
        return { code: 'not_paired', message: `This page is paired with wall ${grant.wall} only.` };
      }
      // Only the page that said it shows a wall acknowledges that wall's paints.
      if (
        name === 'wall.painted' &&
        conn.wall !== wall.wall &&
        !(conn.wallsShown ?? []).includes(wall.wall as number)
      ) {
        return {
          code: 'not_this_wall',
          // The input is not checked yet: name the wall only if it is a number (String() of a hostile object
          // with its own toString throws, and the frame went unanswered).
          message: `This page has not said it shows wall ${typeof wall.wall === 'number' ? wall.wall : '(not a number)'} (wall.hello first).`,
        };
      }
      return null;
    }
    if (grant.kind === 'wall') {
      // A wall PC's page: the wall's reads, never a login (that happens at a console).
      return WALL_READS.has(name as RequestName) || this.tileNeeds(name)
        ? null
        : { code: 'wall_only', message: 'A wall page may only read what a wall shows.' };
    }
    if (conn.operator !== null || LOGIN.has(name as RequestName) || WALL_READS.has(name as RequestName)) return null;
    if (conn.wall !== null && this.tileNeeds(name)) return null;
    return { code: 'unauthenticated', message: 'log in first' };
  }

  private tileNeeds(name: string): boolean {
    const kinds = TILE_READS[name as RequestName];
    if (!kinds) return false;
    return (this.layoutOnWall()?.tiles ?? []).some((t) => kinds.includes(t.source.kind));
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
