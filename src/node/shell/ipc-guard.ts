// The gate between a renderer and the host. The preload is exposed to whatever page a window shows, so a
// request is honoured only from Nawa's own pages (served on app://nawa/) and only for names in the contract;
// anything else is answered as data, like every other host error, and never reaches the host.
import { isRequestName, type RequestName, type Result } from '../../common/host-api';
import { isAppUrl } from './app-origin';

/** `senderUrl` is the URL of the frame that sent the request (`event.senderFrame.url`), null when it is gone. */
export function guardRequest(senderUrl: string | null | undefined, name: unknown): Result<RequestName> {
  if (!isAppUrl(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: 'Requests are accepted only from Nawa pages.' } };
  }
  if (typeof name !== 'string' || !isRequestName(name)) {
    // Named without String(): an object without a prototype would make String() throw (found by ipc-guard-fuzz).
    const shown = typeof name === 'string' ? name.slice(0, 64) : `(a ${name === null ? 'null' : typeof name})`;
    return { ok: false, error: { code: 'unknown_request', message: `Unknown request: ${shown}` } };
  }
  return { ok: true, value: name };
}
