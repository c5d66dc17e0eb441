// The wall: what it shows, switching it, and what each wall display reports back.
import type { HostContext } from './host-context';
import type { Connection } from './host-service';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

type WallRequest =
  | 'wall.state'
  | 'wall.switch'
  | 'wall.undo'
  | 'wall.setBezel'
  | 'wall.identify'
  | 'wall.hello'
  | 'wall.painted'
  | 'wall.status'
  | 'wall.pairing';

/** The walls a connection speaks for: its own, or every wall for a window that draws all cells. */
export function wallsOf(conn: Connection): number[] {
  return conn.wallsShown ?? (conn.wall === null ? [] : [conn.wall]);
}

export function wallHandlers(ctx: HostContext): HandlersOf<WallRequest> {
  const { store, wall } = ctx;
  return {
    'wall.state': () => wall.state(),
    'wall.switch': ({ layoutId }, conn) => {
      requireRole(conn, 'wall.switch');
      if (!store.layout(layoutId)) throw new HostFailure('not_found', 'unknown layout', undefined, { what: 'layout' });
      return wall.switchTo(layoutId);
    },
    'wall.undo': (_input, conn) => {
      requireRole(conn, 'wall.undo');
      const state = wall.undo();
      if (!state) throw new HostFailure('nothing_to_undo', 'nothing to undo');
      return state;
    },
    'wall.setBezel': ({ px }, conn) => {
      requireRole(conn, 'wall.setBezel');
      return wall.setBezel(px);
    },
    'wall.identify': ({ on }, conn) => {
      requireRole(conn, 'wall.identify');
      return wall.setIdentify(on);
    },
    'wall.hello': ({ wall: n, all }, conn) => {
      const next = all ? Array.from({ length: wall.wallCount }, (_, i) => i + 1) : [n];
      const before = wallsOf(conn);
      conn.wall = next[0] ?? n;
      conn.wallsShown = all ? next : undefined;
      wall.displays(before, next);
      return wall.state();
    },
    'wall.painted': ({ wall: n, stateVersion }, conn) => {
      if (!wallsOf(conn).includes(n))
        throw new HostFailure('not_this_wall', 'say wall.hello first', undefined, { wall: n });
      wall.painted(n, stateVersion);
      return {};
    },
    'wall.status': () => wall.status(),
    // The pairing links carry each wall's token: never written to a log, only answered to whoever may see them.
    'wall.pairing': (_input, conn) => {
      requireRole(conn, 'wall.pairing');
      return ctx.wallPairing();
    },
  };
}
