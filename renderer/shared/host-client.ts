// Picks the transport: Electron's preload bridge when present, else the WebSocket of `nawa serve`.
import { PreloadHost } from './preload-host';
import type { NawaHost } from './host-types';
import { WebSocketHost } from './ws-host';

export type { NawaHost } from './host-types';

const TOKEN_KEY = 'nawa.token';

/** Splits `?token=` out of a query string, keeping every other parameter. */
export function splitToken(search: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  params.delete('token');
  const rest = params.toString();
  return { token: token || null, rest: rest ? `?${rest}` : '' };
}

export function hostSocketUrl(loc: { protocol: string; host: string }, token: string | null): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}/host${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

let pageToken: string | null = null;

/** `?token=…` for a same-origin URL the page loads by itself (the map's tiles), when this tab has a token. */
export function tokenQuery(): string {
  return pageToken ? `?token=${encodeURIComponent(pageToken)}` : '';
}

/** The token leaves the address bar (and so screenshots and history) and lives for this tab only. */
function takeToken(): string | null {
  pageToken = readToken();
  return pageToken;
}

function readToken(): string | null {
  const { token, rest } = splitToken(location.search);
  if (token) {
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage can be off (private mode, some TV browsers); the token still works for this page load.
    }
    history.replaceState(history.state, '', `${location.pathname}${rest}${location.hash}`);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

const RESUME_KEY = 'nawa.resume';

/** Per-tab storage that tolerates browsers where storage is off. */
function sessionKeyStore(name: string) {
  let memory: string | null = null;
  return {
    get(): string | null {
      try {
        return sessionStorage.getItem(name) ?? memory;
      } catch {
        return memory;
      }
    },
    set(key: string | null): void {
      memory = key;
      try {
        if (key === null) sessionStorage.removeItem(name);
        else sessionStorage.setItem(name, key);
      } catch {
        /* memory only */
      }
    },
  };
}

let host: NawaHost | null = null;

export function getHost(): NawaHost {
  if (host) return host;
  if (window.nawa) {
    host = new PreloadHost(window.nawa);
  } else {
    host = new WebSocketHost(hostSocketUrl(location, takeToken()), {
      createSocket: (url) => new WebSocket(url),
      resumeKeys: sessionKeyStore(RESUME_KEY),
    });
  }
  return host;
}
