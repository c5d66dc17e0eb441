// `npm run dist` / `dist:dir` where Electron, its headers or the packaging tools cannot be had: the script stops
// at once with one sentence saying what is missing and how to provide it, before building anything.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./dist.ts', import.meta.url));
let dir: string;
let refused: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-dist-'));
  // A port that was free a moment ago and now refuses: every download "fails" the same way on any machine.
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  refused = `http://127.0.0.1:${port}/`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dist(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const { ELECTRON_OVERRIDE_DIST_PATH: _a, NAWA_WIN_PUBLISHER: _b, NAWA_WIN_UNSIGNED: _c, ...base } = process.env;
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    env: {
      ...base,
      HOME: dir,
      ELECTRON_MIRROR: refused,
      npm_config_disturl: refused,
      ELECTRON_BUILDER_BINARIES_MIRROR: refused,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err, ms: Date.now() - started })));
}

function expectOneSentence(r: { code: number | null; out: string; err: string; ms: number }, ...words: string[]) {
  expect(r.code).not.toBe(0);
  expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
  expect(r.err).toMatch(/^nawa dist: /);
  expect(r.err).not.toMatch(/\n\s+at /);
  for (const w of words) expect(r.err).toContain(w);
  // Stopped before building anything.
  expect(r.out).not.toContain('building');
  expect(r.ms).toBeLessThan(60_000);
}

describe('dist without Electron', () => {
  it('dist:dir names ELECTRON_OVERRIDE_DIST_PATH and electronDist when Electron cannot be downloaded', async () => {
    const r = await dist(['--dir'], {});
    expectOneSentence(
      r,
      'Electron 45.5.0',
      'cannot be downloaded',
      'ELECTRON_OVERRIDE_DIST_PATH',
      'electronDist',
      'ECONNREFUSED',
    );
  });

  it('an override folder without the binary is named as such', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await dist(['--dir'], { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expectOneSentence(r, `ELECTRON_OVERRIDE_DIST_PATH=${empty} holds no electron`);
  });

  it('an Electron of another version is refused', async () => {
    const other = join(dir, 'electron-44');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'electron'), '');
    writeFileSync(join(other, 'version'), '44.0.0');
    const r = await dist(['--dir', '--electron-dist', other], {});
    expectOneSentence(r, 'holds Electron 44.0.0', 'built for Electron 45.5.0');
  });

  it('with Electron at hand, missing headers stop it (better-sqlite3 must be rebuilt against them)', async () => {
    const unpacked = join(dir, 'electron-45');
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(join(unpacked, 'electron'), '');
    writeFileSync(join(unpacked, 'version'), '45.5.0');
    const r = await dist(['--dir'], { ELECTRON_OVERRIDE_DIST_PATH: unpacked });
    expectOneSentence(r, "Electron 45.5.0's headers", 'better-sqlite3', 'npm_config_disturl');
  });

  it('the installers need their tools, and the Windows one a publisher', async () => {
    const headers = join(dir, '.electron-gyp', '45.5.0', 'include', 'node');
    mkdirSync(headers, { recursive: true });
    writeFileSync(join(headers, 'node_version.h'), '');
    const unpacked = join(dir, 'electron-45');
    const r = await dist(['--linux'], { ELECTRON_OVERRIDE_DIST_PATH: unpacked });
    expectOneSentence(r, 'AppImage, deb and NSIS tools', 'ELECTRON_BUILDER_BINARIES_MIRROR', 'npm run dist:dir');
    const win = await dist(['--win'], {});
    expectOneSentence(win, 'NAWA_WIN_PUBLISHER');
  });

  it('an unknown option is one sentence too', async () => {
    expectOneSentence(await dist(['--frobnicate'], {}), "Unknown option '--frobnicate'");
  });
});
