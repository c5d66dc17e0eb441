// A typed client of central-api.md v1. Every answer is validated; failures become CentralError or NetworkError.
import { z } from 'zod';
import {
  API_PREFIX, ChangesResponse, ErrorBody, HealthResponse, MutationsResponse,
  SessionResponse, type MutationsRequest,
} from '../../common/central-api';
import { readEventStream, toStreamEvent, type StreamEnd, type StreamEvent } from './sse-reader';

/** The central API answered, with an error. */
export class CentralError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
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

export class CentralClient {
  constructor(readonly baseUrl: string, private readonly timeoutMs = 15_000) {}

  health() {
    return this.call('GET', '/health', undefined, null, HealthResponse);
  }

  session(username: string, password: string) {
    return this.call('POST', '/session', { username, password }, null, SessionResponse);
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
  async stream(since: number, token: string, signal: AbortSignal, onEvent: (e: StreamEvent) => void): Promise<StreamEnd> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${API_PREFIX}/stream?since=${since}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal,
      });
    } catch (e) {
      throw new NetworkError(`stream: ${(e as Error).message}`);
    }
    if (!res.ok || !res.body) throw await this.failure(res);
    try {
      return await readEventStream(res.body as unknown as AsyncIterable<Uint8Array>, (message) => {
        const event = toStreamEvent(message);
        if (event) onEvent(event);
      });
    } catch (e) {
      if (signal.aborted) return {};
      throw new NetworkError(`stream: ${(e as Error).message}`);
    }
  }

  private async call<T>(method: string, path: string, body: unknown, token: string | null, schema: z.ZodType<T>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${API_PREFIX}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new NetworkError(`${method} ${path}: ${(e as Error).message}`);
    }
    if (!res.ok) throw await this.failure(res);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new NetworkError(`${method} ${path}: the answer is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new NetworkError(`${method} ${path}: the answer does not follow the contract (${parsed.error.issues[0]?.message})`);
    return parsed.data;
  }

  private async failure(res: Response): Promise<Error> {
    const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
    if (parsed.success) return new CentralError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details);
    if (res.status >= 500 || res.status === 404) return new NetworkError(`the central API answered ${res.status}`);
    return new CentralError(res.status, 'http_error', `the central API answered ${res.status}`);
  }
}
