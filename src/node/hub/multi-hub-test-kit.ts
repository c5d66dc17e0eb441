// Tests only: several hub processes on one database (PostgreSQL), each a child process that can be killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { HubOptions } from './hub';

const CHILD = resolve(import.meta.dirname, 'fixtures/hub-child.ts');

export interface HubProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** What it wrote to stderr, for a failure message. */
  log(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function startHubProcess(
  args: Pick<HubOptions, 'dbPath' | 'heartbeatMs' | 'limits'> & { port?: number },
  timeoutMs = 60_000,
): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`hub process did not start in ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`hub process exited (${code}) before it was ready: ${err}`));
    });
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    child,
    log: () => err,
    async kill9() {
      if (!ended()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!ended()) child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(late);
    },
  };
}

/** fetch under /api/v1 of one hub, JSON in and out. */
export async function call<T = unknown>(
  hubUrl: string,
  path: string,
  init: { method?: string; token?: string; json?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${hubUrl}/api/v1${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function loginTo(hubUrl: string, username: string, password = 'demo'): Promise<string> {
  const r = await call<{ token: string }>(hubUrl, '/session', { json: { username, password } });
  if (r.status !== 200) throw new Error(`login of ${username} at ${hubUrl}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}
