// Child processes the fault tests start, kill -9 and start again: the hub and the console host.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface Child {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it wrote to stderr (the host's log), for a failure message. */
  log(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `entry` (a .ts file beside this one) with tsx and waits for its `READY <url>` line. */
export async function startChild(entry: string, args: unknown, timeoutMs = 30_000): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, entry), JSON.stringify(args)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-20_000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${entry} did not start in ${timeoutMs} ms: ${err}`));
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
      fail(new Error(`${entry} exited (${code}) before it was ready: ${err}`));
    });
  });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url,
    process: child,
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

/** A port free now, for a child that must come back on the same one. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
