// A supervisor's account view (v1.1): list, create, disable, reset password, change role, through the
// central API with the supervisor's own token. Nothing is kept here; the central side owns accounts.
import { CentralError } from '../sync/central-client';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

export function accountHandlers(ctx: HostContext): HandlersOf<'accounts.list' | 'accounts.create' | 'accounts.update'> {
  /** Runs `call` with the supervisor's token; central errors keep their code (weak_password, username_taken...). */
  async function asSupervisor<T>(conn: Parameters<typeof requireRole>[0], call: (token: string) => Promise<T>): Promise<T> {
    const op = requireRole(conn, ['supervisor'], 'manage accounts');
    const token = ctx.tokens.forOperator(op.id);
    if (!token) throw new HostFailure('central_login_required', 'Akun hanya dapat dikelola saat terhubung ke server pusat; masuk lagi secara daring.');
    try {
      return await call(token);
    } catch (e) {
      if (!(e instanceof CentralError)) throw new HostFailure('central_unreachable', 'Server pusat tidak terjangkau; akun tidak dapat dikelola sekarang.');
      if (e.status === 401) ctx.tokens.drop(token);
      throw new HostFailure(e.code, e.message, e.details);
    }
  }
  return {
    'accounts.list': (_input, conn) => asSupervisor(conn, (token) => ctx.client.accounts(token)),
    'accounts.create': (input, conn) => asSupervisor(conn, (token) => ctx.client.createAccount(input, token)),
    'accounts.update': ({ username, changes }, conn) => asSupervisor(conn, (token) => ctx.client.updateAccount(username, changes, token)),
  };
}
