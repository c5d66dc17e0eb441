// `nawa serve` as a user starts it (what `npm run web` runs): a child process, a fresh data folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../../bin/nawa.mjs');
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('nawa serve (CLI)', () => {
  it('starts with an embedded demo hub in a folder that does not exist yet, prints the URLs and accounts, stops on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nawa-cli-'));
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--simulate', '0', '--data', join(dir, 'new', 'data')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const deadline = Date.now() + 20_000;
    while (!out.includes('Demo accounts') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    expect(out).toMatch(/Nawa console: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/operator \/ demo \(operator\)/);
    const url = /Nawa console: +(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const status = (await (await fetch(`${url}/status`)).json()) as { walls: unknown[] };
    expect(status.walls).toHaveLength(9);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad option with a message instead of a stack trace', async () => {
    dir = mkdtempSync(join(tmpdir(), 'nawa-cli-'));
    const child = spawn(process.execPath, [BIN, 'serve', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    expect(err).toContain('--port must be a port number');
  });
});
