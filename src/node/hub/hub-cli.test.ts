import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./hub-cli.ts', import.meta.url));
const RUN = `const { hubMain } = await import(${JSON.stringify(CLI)}); await hubMain(JSON.parse(process.env.HUB_ARGS));`;

let dir: string;
const children: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-hub-cli-'));
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function run(args: string[], env: Record<string, string | undefined> = {}): Run {
  const { NAWA_ADMIN_PASSWORD: _drop, ...base } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUN], {
    env: { ...base, ...env, HUB_ARGS: JSON.stringify(args) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function waitFor(r: Run, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = r.out().match(pattern);
    if (m) return m;
    if (Date.now() > deadline || r.child.exitCode !== null)
      throw new Error(`no ${pattern} in output:\n${r.out()}\n${r.err()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

describe('nawa hub (CLI)', () => {
  it('refuses to start without --seed demo when there is no account and no NAWA_ADMIN_PASSWORD', async () => {
    const r = run(['--db', join(dir, 'hub.db'), '--port', '0']);
    expect(await r.exit).toBe(2);
    expect(r.err()).toContain('NAWA_ADMIN_PASSWORD');
  });

  it('refuses unknown or malformed options with exit code 2', async () => {
    for (const args of [['--port', 'abc'], ['--seed', 'prod'], ['--simulate', '-1'], ['--frobnicate']]) {
      const r = run(['--db', join(dir, 'hub.db'), ...args]);
      expect(await r.exit, args.join(' ')).toBe(2);
      expect(r.err()).toContain('Usage: nawa hub');
    }
  });

  it('prints the URL and the demo accounts, serves, and stops cleanly on SIGTERM', async () => {
    const r = run(['--db', join(dir, 'hub.db'), '--port', '0', '--seed', 'demo', '--simulate', '60']);
    const [, url] = await waitFor(r, /listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/);
    await waitFor(r, /viewer\s+demo\s+viewer/);
    for (const name of ['supervisor', 'operator', 'presenter'])
      expect(r.out()).toMatch(new RegExp(`${name}\\s+demo\\s+${name}`));
    const res = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: 'demo' }),
    });
    expect(res.status).toBe(200);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(r.out()).toContain('stopped');
  });

  it('creates the first supervisor from NAWA_ADMIN_PASSWORD and prints no demo accounts', async () => {
    const r = run(['--db', join(dir, 'hub.db'), '--port', '0'], { NAWA_ADMIN_PASSWORD: 'kepanjen-lantai-9' });
    const [, url] = await waitFor(r, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(r.out()).not.toContain('Demo accounts');
    const res = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'kepanjen-lantai-9' }),
    });
    expect(res.status).toBe(200);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
  });

  it('serves --updates DIR under /updates/, and refuses a folder that does not exist', async () => {
    const missing = run(['--db', join(dir, 'hub.db'), '--seed', 'demo', '--updates', join(dir, 'no-such-folder')]);
    expect(await missing.exit).toBe(2);
    expect(missing.err()).toContain('--updates must name a folder that exists');
    const releases = join(dir, 'releases');
    mkdirSync(releases);
    writeFileSync(join(releases, 'latest-linux.yml'), 'version: 0.2.0\n');
    const r = run(['--db', join(dir, 'hub.db'), '--port', '0', '--seed', 'demo', '--updates', releases]);
    const [, url] = await waitFor(r, /Update feed: (http:\/\/127\.0\.0\.1:\d+)\/updates\//);
    expect(await (await fetch(`${url}/updates/latest-linux.yml`)).text()).toBe('version: 0.2.0\n');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });
});
