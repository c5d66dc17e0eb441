// The gate between a renderer and the host. The preload is exposed to whatever page a window shows, so a
// request is honoured only from Nawa's own pages (served on app://nawa/) and only for names in the contract;
// anything else is answered as data, like every other host error, and never reaches the host.
import { isRequestName, type RequestName, type Result } from '../../common/host-api';

export const APP_SCHEME = 'app';
export const APP_HOST = 'nawa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // `URL.origin` is "null" for non-special schemes, so the parts are compared one by one.
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** `senderUrl` is the URL of the frame that sent the request (`event.senderFrame.url`), null when it is gone. */
export function guardRequest(senderUrl: string | null | undefined, name: unknown): Result<RequestName> {
  if (!isAppUrl(senderUrl)) {
    return { ok: false, error: { code: 'forbidden', message: 'Requests are accepted only from Nawa pages.' } };
  }
  if (typeof name !== 'string' || !isRequestName(name)) {
    return { ok: false, error: { code: 'unknown_request', message: `Unknown request: ${String(name).slice(0, 64)}` } };
  }
  return { ok: true, value: name };
}
