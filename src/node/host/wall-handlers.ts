// The wall: what it shows, switching it, and what each wall display reports back.
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

export function wallHandlers(ctx: HostContext): HandlersOf<'wall.state' | 'wall.switch' | 'wall.hello' | 'wall.painted' | 'wall.status'> {
  const { store, wall } = ctx;
  return {
    'wall.state': () => wall.state(),
    'wall.switch': ({ layoutId }, conn) => {
      requireRole(conn, ['presenter', 'supervisor'], 'switch the wall');
      if (!store.layout(layoutId)) throw new HostFailure('not_found', 'Tata letak tidak dikenal / unknown layout.');
      const state = wall.switchTo(layoutId);
      ctx.emit('wall.state', state);
      ctx.emit('wall.status', wall.status());
      return state;
    },
    'wall.hello': ({ wall: n }, conn) => {
      if (conn.wall !== null && conn.wall !== n) wall.disconnected(conn.wall);
      if (conn.wall !== n) wall.connected(n);
      conn.wall = n;
      ctx.emit('wall.status', wall.status());
      return wall.state();
    },
    'wall.painted': ({ wall: n, stateVersion }, conn) => {
      if (conn.wall !== n) throw new HostFailure('not_this_wall', 'Say wall.hello first.');
      wall.painted(n, stateVersion);
      ctx.emit('wall.status', wall.status());
      return {};
    },
    'wall.status': () => wall.status(),
  };
}
