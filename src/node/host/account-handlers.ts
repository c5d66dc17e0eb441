// A supervisor's account view (v1.1): list, create, disable, reset password, change role, through the
// central API with the supervisor's own token. Nothing is kept here; the central side owns accounts.
import { isHostErrorCode } from '../../common/host-errors';
import { CentralError } from '../sync/central-client';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

type AccountRequest = 'accounts.list' | 'accounts.create' | 'accounts.update';

export function accountHandlers(ctx: HostContext): HandlersOf<AccountRequest> {
  /** Runs `call` with the supervisor's token; central errors keep their code (weak_password, username_taken...). */
  async function asSupervisor<T>(
    conn: Parameters<typeof requireRole>[0],
    request: AccountRequest,
    call: (token: string) => Promise<T>,
  ): Promise<T> {
    const op = requireRole(conn, request);
    const token = ctx.tokens.forOperator(op.id);
    if (!token) throw new HostFailure('central_login_required', 'accounts are managed only with an online login');
    try {
      return await call(token);
    } catch (e) {
      if (!(e instanceof CentralError))
        throw new HostFailure('central_unreachable', 'the central API cannot be reached');
      if (e.status === 401) ctx.tokens.drop(token);
      // The central side's codes that the room words itself; any other is named as the central side's.
      if (isHostErrorCode(e.code)) throw new HostFailure(e.code, e.message, e.details);
      throw new HostFailure('central_error', `${e.code}: ${e.message}`, e.details, { code: e.code, status: e.status });
    }
  }
  return {
    'accounts.list': (_input, conn) => asSupervisor(conn, 'accounts.list', (token) => ctx.client.accounts(token)),
    'accounts.create': (input, conn) =>
      asSupervisor(conn, 'accounts.create', (token) => ctx.client.createAccount(input, token)),
    'accounts.update': ({ username, changes }, conn) =>
      asSupervisor(conn, 'accounts.update', (token) => ctx.client.updateAccount(username, changes, token)),
  };
}
