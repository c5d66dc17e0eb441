// Shared by the hub's tests: a real hub on a free port with a temp database, and plain fetch against it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ErrorBody } from '../../common/central-api';
import { startHub, type Hub, type HubOptions } from './hub';

export interface TestHub {
  hub: Hub;
  dir: string;
  dbPath: string;
  /** fetch under /api/v1; fails the test on any 5xx, which the contract calls a bug. */
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  login(username: string, password?: string): Promise<string>;
  restart(opts?: Partial<HubOptions>): Promise<void>;
  close(): Promise<void>;
}

export async function startTestHub(opts: Partial<HubOptions> = {}): Promise<TestHub> {
  const dir = mkdtempSync(join(tmpdir(), 'nawa-hub-test-'));
  const dbPath = join(dir, 'hub.db');
  const base = { dbPath, seed: 'demo' as const, heartbeatMs: 200, port: 0 };
  let hub = await startHub({ ...base, ...opts });
  const t: TestHub = {
    get hub() {
      return hub;
    },
    dir,
    dbPath,
    async api(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      let body = rest.body;
      if (json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(json);
      } else if (body !== undefined && !headers.has('content-type')) {
        // A raw body is sent as JSON unless the test says otherwise (v1.1 refuses other media types with 415).
        headers.set('content-type', 'application/json');
      }
      const res = await fetch(`${hub.url}/api/v1${path}`, { ...rest, headers, body });
      expect(res.status, `${rest.method ?? 'GET'} ${path} answered a 5xx`).toBeLessThan(500);
      return res;
    },
    async login(username, password = 'demo') {
      const res = await t.api('/session', { method: 'POST', json: { username, password } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    },
    async restart(next = {}) {
      await hub.close();
      hub = await startHub({ ...base, ...opts, ...next });
    },
    async close() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Asserts the status and that the body is exactly the error envelope; returns the error for further checks. */
export async function expectError(
  res: Response,
  status: number,
  code?: string,
): Promise<{ code: string; message: string; details?: unknown }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ErrorBody.parse(await res.json());
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

/** The fields a 400's details name. */
export function detailFields(error: { details?: unknown }): string[] {
  expect(Array.isArray(error.details)).toBe(true);
  return (error.details as { field: string }[]).map((d) => d.field);
}

export interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** Reads Server-Sent Events from a fetch response until `until` is satisfied or the timeout passes. */
export async function readEvents(
  res: Response,
  until: (events: SseEvent[]) => boolean,
  timeoutMs = 5000,
): Promise<SseEvent[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!until(events)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`stream: condition not met in ${timeoutMs} ms; got ${events.map((e) => e.event).join(',')}`);
      const next = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), left)),
      ]);
      if (next === 'timeout') continue;
      if (next.done) break;
      buffer += decoder.decode(next.value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        if (fields.has('data'))
          events.push({
            event: fields.get('event') ?? 'message',
            id: fields.get('id'),
            data: JSON.parse(fields.get('data') as string),
          });
      }
    }
  } finally {
    reader.releaseLock();
  }
  return events;
}

export const uuid = () => crypto.randomUUID();
export const nowIso = () => new Date().toISOString();
