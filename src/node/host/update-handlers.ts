// What the console shows of updates, and a supervisor's yes to install one. The updater itself runs in the
// Electron shell, which reports over its own connection; under `nawa serve` nobody reports and the status
// says "unmanaged". The about box names Nawa's version and the central API's.
import { API_PREFIX } from '../../common/central-api';
import { CENTRAL_API_SPOKEN } from '../../common/update-api';
import { NAWA_VERSION } from '../base/version';
import type { HostContext } from './host-context';
import { HostFailure, requireRole, type HandlersOf } from './handler-kit';

/** The connection id the shell uses for its own requests; no renderer can get it (IPC and WebSocket ids differ). */
export const SHELL_CONNECTION_ID = 'shell';

type UpdateRequest = 'updates.status' | 'updates.approve' | 'updates.report' | 'app.about';

export function updateHandlers(ctx: HostContext): HandlersOf<UpdateRequest> {
  return {
    'updates.status': () => ctx.updates.status(),
    'updates.approve': ({ version }, conn) => {
      const op = requireRole(conn, 'updates.approve');
      if (!ctx.updates.approve(version, op.name, ctx.now().toISOString())) {
        throw new HostFailure('not_downloaded', `version ${version} is not downloaded here`, undefined, { version });
      }
      return ctx.updates.status();
    },
    'updates.report': (input, conn) => {
      if (conn.id !== SHELL_CONNECTION_ID)
        throw new HostFailure('forbidden', 'only the Electron shell reports updates');
      ctx.updates.reported(input);
      return {};
    },
    'app.about': async () => {
      const url = ctx.client.baseUrl;
      return {
        nawaVersion: NAWA_VERSION,
        centralApi: { url, spoken: CENTRAL_API_SPOKEN, served: await servedApiVersion(url) },
      };
    },
  };
}

/** The `api` field of /health (central-api.md v1.1); a v1 hub names none. Null when the central side cannot be reached. */
export async function servedApiVersion(baseUrl: string, timeoutMs = 3000): Promise<string | null> {
  try {
    const res = await fetch(`${baseUrl}${API_PREFIX}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return null;
    const body = (await res.json()) as { api?: unknown };
    return typeof body.api === 'string' ? body.api.slice(0, 32) : '1';
  } catch {
    return null;
  }
}
