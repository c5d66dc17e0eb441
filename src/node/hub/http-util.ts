// HTTP plumbing for the hub: the error envelope, bounded JSON bodies, and strict query strings.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { issueDetails, MAX_BODY_BYTES } from '../../common/central-api';

/** Past this much, a too-large body is no longer read to its end before the 413. */
const DRAIN_CAP_BYTES = 16 * MAX_BODY_BYTES;

export type FieldIssue = { field: string; message: string };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

/** issueDetails, with an unknown key named as its own field instead of as its parent object. */
export function fieldDetails(issues: readonly Issue[]): FieldIssue[] {
  return issueDetails(
    issues.flatMap((i) =>
      i.code === 'unrecognized_keys' && i.keys?.length
        ? i.keys.map((k) => ({ path: [...i.path, k], message: 'unknown field' }))
        : [i],
    ),
  );
}

export const badRequest = (code: string, message: string, details: FieldIssue[]) =>
  new HttpError(400, code, message, details);

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (err.details !== undefined) error.details = err.details;
  sendJson(res, err.status, { error }, err.headers);
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES. A larger body is still read to its end (up to a cap) before
 * the 413, so the client finishes sending and can read the answer instead of seeing a reset connection.
 */
export function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!isJsonMediaType(req.headers['content-type'])) {
    // A form or text/plain post is what a page of another site can send without asking: never read it.
    req.resume();
    return Promise.reject(
      new HttpError(
        415,
        'unsupported_media_type',
        'the body must be sent as Content-Type: application/json',
        {
          contentType: req.headers['content-type'] ?? null,
        },
        { connection: 'close' },
      ),
    );
  }
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > DRAIN_CAP_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_CAP_BYTES) reject(tooLarge());
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(tooLarge());
      try {
        resolve(parseJson(Buffer.concat(chunks)));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

/** application/json, with parameters (a charset) allowed; nothing else, and no header at all is not JSON either. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  return header.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function tooLarge(): HttpError {
  // Closing the connection after the answer stops whatever of the body is still on its way.
  return new HttpError(
    413,
    'payload_too_large',
    `the body exceeds ${MAX_BODY_BYTES} bytes`,
    { limit: MAX_BODY_BYTES },
    { connection: 'close' },
  );
}

function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('malformed_json', 'the body is not valid UTF-8', [
      { field: '(body)', message: 'not valid UTF-8' },
    ]);
  }
  if (text.trim() === '')
    throw badRequest('malformed_json', 'the body is empty; a JSON object is expected', [
      { field: '(body)', message: 'empty' },
    ]);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : 'not JSON';
    throw badRequest('malformed_json', 'the body is not valid JSON', [{ field: '(body)', message }]);
  }
}

/** The query's parameters, refusing unknown and repeated names as the body schemas refuse unknown fields. */
export function strictQuery(url: URL, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const issues: FieldIssue[] = [];
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name))
      issues.push({ field: name, message: `unknown query parameter (allowed: ${allowed.join(', ') || 'none'})` });
    else if (out.has(name)) issues.push({ field: name, message: 'given more than once' });
    else out.set(name, value);
  }
  if (issues.length) throw badRequest('invalid_query', 'the query string is invalid', issues);
  return out;
}

/** A non-negative integer parameter written in plain digits (no sign, no exponent, no fraction). */
export function intParam(query: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === undefined) return fallback;
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw badRequest('invalid_query', `${name} must be an integer from ${min} to ${max}`, [
      { field: name, message: `expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}` },
    ]);
  }
  return n;
}

const plainAddress = (a: string) => (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a);

/**
 * The client's address as the socket sees it. Only a configured proxy (such as a console host, whose operators
 * all reach the hub from its one address) is believed when it names the client in X-Forwarded-For: then the
 * last entry, the one that proxy added, is the client.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[] = []): string {
  const socket = plainAddress(req.socket.remoteAddress ?? 'unknown');
  const forwarded = req.headers['x-forwarded-for'];
  if (typeof forwarded !== 'string' || !trustedProxies.includes(socket)) return socket;
  const last = forwarded.split(',').pop()?.trim() ?? '';
  return isIP(last) ? plainAddress(last) : socket;
}
