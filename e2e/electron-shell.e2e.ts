/// <reference lib="dom" />
// The Electron shell itself: the built app launched by Playwright's _electron, with a simulated room (a
// primary display and a 3 x 3 wall) so nine wall windows open on any machine. Runs only where an Electron
// binary exists (ELECTRON_OVERRIDE_DIST_PATH or a downloaded node_modules/electron/dist); skipped otherwise.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Where `require('electron')` would point, worked out without requiring it: in plain Node that require starts a
 * download when the binary is missing, and Playwright pointed at a file that is not Electron crashes the test
 * process. So the binary must exist and answer as Electron (in a child process) before launch() is called.
 */
function findElectron(): { path: string } | { skip: string } {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathTxt = join(pkgDir, 'path.txt');
  const fallback =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  const exe = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : fallback;
  const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), exe);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { skip: `no Electron binary at ${path} (set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron)` };
  }
  const probe = spawnSync(path, ['-p', 'process.versions.electron'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.status !== 0 || !/^\d+\.\d+\.\d+/.test(probe.stdout.trim()))
    return { skip: `${path} does not run as Electron` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'no display for Electron windows (run under xvfb-run)' };
  }
  return { path };
}

const electron = findElectron();
const skip = 'skip' in electron ? electron.skip : null;
if (skip) console.info(`electron-shell.e2e: skipped: ${skip}`);

describe.skipIf(skip !== null)(`Electron shell${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: ElectronApplication;
  let dataDir: string;

  beforeAll(async () => {
    for (const built of [
      'dist/console/index.html',
      'dist-main/main/main.js',
      'dist-main/main/host-worker.mjs',
      'dist-main/main/preload.cjs',
    ]) {
      if (!existsSync(join(ROOT, built)))
        throw new Error(`${built} is missing: run \`vite build && vite build -c vite.main.config.ts\` first.`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'nawa-electron-'));
    app = await _electron.launch({
      executablePath: 'path' in electron ? electron.path : '',
      // As root (CI containers) Chromium refuses to start its sandbox.
      args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: {
        ...process.env,
        NAWA_SIMULATE_WALL: '3x3',
        NAWA_DATA_DIR: dataDir,
        // A closed port: the test must not sync with whatever hub runs on this machine.
        NAWA_HUB_URL: 'http://127.0.0.1:9',
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const titles = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));

  it('opens the console window with its title', async () => {
    const console = await app.firstWindow();
    await console.waitForLoadState('domcontentloaded');
    expect(console.url()).toBe('app://nawa/');
    await expect.poll(() => console.title()).toMatch(/^Nawa/);
    await expect.poll(titles).toContain(await console.title());
  });

  it('opens nine wall windows, numbered 1 to 9', async () => {
    await expect
      .poll(async () => (await titles()).filter((t) => /^Nawa — Layar \d$/.test(t)).sort(), { timeout: 30_000 })
      .toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Nawa — Layar ${n}`));
  });

  it('gives the pages the host contract and nothing of Node', async () => {
    await expect.poll(() => app.windows().length, { timeout: 30_000 }).toBe(10);
    const wall5 = app.windows().find((p) => p.url() === 'app://nawa/wall/5');
    expect(wall5).toBeDefined();
    const seen = await wall5!.evaluate(async () => ({
      state: await (window as unknown as { nawa: { request(n: string, i: unknown): Promise<unknown> } }).nawa.request(
        'wall.state',
        {},
      ),
      node: typeof (window as unknown as { process?: unknown }).process,
      require: typeof (window as unknown as { require?: unknown }).require,
    }));
    expect(seen).toMatchObject({ state: { ok: true }, node: 'undefined', require: 'undefined' });
  });
});
