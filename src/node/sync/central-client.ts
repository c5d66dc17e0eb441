// A typed client of central-api.md v1. Every answer is validated; failures become CentralError or NetworkError.
import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { z } from 'zod';
import {
  API_PREFIX,
  ChangesResponse,
  ErrorBody,
  HealthResponse,
  MutationsResponse,
  SessionResponse,
  type MutationsRequest,
} from '../../common/central-api';
import { readEventStream, toStreamEvent, type StreamEnd, type StreamEvent } from './sse-reader';
import {
  AccountsResponse,
  AccountView,
  AuditResponse,
  type CreateAccountRequest,
  type PatchAccountRequest,
} from '../../common/accounts-api';

/** The central API answered, with an error. */
export class CentralError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CentralError';
  }
}

/** The central API could not be reached or answered something that is not the contract. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export type { StreamEnd, StreamEvent } from './sse-reader';

/** Loopback hosts, where plain http carries nothing over a network. */
export function isLoopbackUrl(url: URL): boolean {
  const h = url.hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** v1.1 transport: https, or http on loopback only unless the operator said --insecure-http. Throws a clear error. */
export function checkCentralUrl(raw: string, insecureHttp = false): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`the central API URL ${JSON.stringify(raw)} is not a URL`);
  }
  if (url.protocol === 'https:') return raw;
  if (url.protocol !== 'http:') throw new Error(`the central API URL must be https:// (not ${url.protocol})`);
  if (isLoopbackUrl(url) || insecureHttp) return raw;
  throw new Error(
    `refusing plain http to ${url.host}: passwords and tokens would cross the network in clear; use https:// (with --ca for the regency's CA) or say --insecure-http`,
  );
}

export class CentralClient {
  private readonly fetch: typeof fetch;

  /** `ca`: PEM of the regency's own CA, trusted for this client's https besides the system's. */
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
    opts: { ca?: string | Buffer } = {},
  ) {
    if (opts.ca === undefined) {
      this.fetch = fetch;
    } else {
      const dispatcher = new Agent({ connect: { ca: [...tlsRootCertificates(), opts.ca.toString()] } });
      this.fetch = ((input: string, init?: RequestInit) =>
        undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
    }
  }

  health() {
    return this.call('GET', '/health', undefined, null, HealthResponse);
  }

  /**
   * `clientAddress` is the operator's own address (their browser's, as this host sees it): a hub that trusts
   * this host as a proxy then limits failed logins per desk, not for the whole room behind the host.
   */
  session(username: string, password: string, clientAddress?: string) {
    const headers: Record<string, string> = clientAddress ? { 'x-forwarded-for': clientAddress } : {};
    return this.call('POST', '/session', { username, password }, null, SessionResponse, headers);
  }

  /** DELETE /session (v1.1): the token answers 401 from now on. */
  logout(token: string) {
    return this.call('DELETE', '/session', undefined, token, z.null());
  }

  accounts(token: string) {
    return this.call('GET', '/accounts', undefined, token, AccountsResponse);
  }

  createAccount(body: CreateAccountRequest, token: string) {
    return this.call('POST', '/accounts', body, token, AccountView);
  }

  updateAccount(username: string, body: PatchAccountRequest, token: string) {
    return this.call('PATCH', `/accounts/${encodeURIComponent(username)}`, body, token, AccountView);
  }

  audit(token: string, limit = 100) {
    return this.call('GET', `/audit?limit=${limit}`, undefined, token, AuditResponse);
  }

  changes(since: number, token: string, limit = 1000) {
    return this.call('GET', `/changes?since=${since}&limit=${limit}`, undefined, token, ChangesResponse);
  }

  mutations(body: MutationsRequest, token: string) {
    return this.call('POST', '/mutations', body, token, MutationsResponse);
  }

  /**
   * Follows the SSE stream until `signal` aborts or the connection ends; resolves then (with the stream's last
   * `id:` and `retry:`), rejects on failure to connect.
   */
  async stream(
    since: number,
    token: string,
    signal: AbortSignal,
    onEvent: (e: StreamEvent) => void,
  ): Promise<StreamEnd> {
    let res: Response;
    try {
      res = await this.fetch(`${this.baseUrl}${API_PREFIX}/stream?since=${since}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal,
      });
    } catch (e) {
      throw new NetworkError(`stream: ${(e as Error).message}`);
    }
    if (!res.ok || !res.body) throw await this.failure(res);
    try {
      return await readEventStream(res.body, (message) => {
        const event = toStreamEvent(message);
        if (event) onEvent(event);
      });
    } catch (e) {
      if (signal.aborted) return {};
      throw new NetworkError(`stream: ${(e as Error).message}`);
    }
  }

  private async call<T>(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
    schema: z.ZodType<T>,
    extra: Record<string, string> = {},
  ): Promise<T> {
    let res: Response;
    try {
      res = await this.fetch(`${this.baseUrl}${API_PREFIX}${path}`, {
        method,
        headers: {
          ...extra,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new NetworkError(`${method} ${path}: ${(e as Error).message}`);
    }
    if (!res.ok) throw await this.failure(res);
    if (res.status === 204) return schema.parse(null);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new NetworkError(`${method} ${path}: the answer is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new NetworkError(
        `${method} ${path}: the answer does not follow the contract (${parsed.error.issues[0]?.message})`,
      );
    return parsed.data;
  }

  private async failure(res: Response): Promise<Error> {
    const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
    if (parsed.success)
      return new CentralError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    if (res.status >= 500 || res.status === 404) return new NetworkError(`the central API answered ${res.status}`);
    return new CentralError(res.status, 'http_error', `the central API answered ${res.status}`);
  }
}

function tlsRootCertificates(): string[] {
  return [...rootCertificates];
}
