// The whole path for end-to-end tests: a real hub, a real `nawa serve`, Debian's Chromium.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { startHub, type Hub } from '../../src/node/hub/hub';
import { startServe, type Serving } from '../../src/node/serve/serve';
import { closeGuide, guideDecided } from './console-nav';

export const CHROMIUM = process.env.NAWA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--test-type',
];

export interface Stack {
  hub: Hub;
  serving: Serving;
  browser: Browser;
  dir: string;
  close(): Promise<void>;
  /** Stops the hub (the console goes offline); the function returned brings it back on the same file and port. */
  stopHub(): Promise<() => Promise<void>>;
}

export async function startStack(opts: { simulate?: number; chromiumArgs?: string[] } = {}): Promise<Stack> {
  const dist = resolve(import.meta.dirname, '../../dist');
  if (!existsSync(join(dist, 'console/index.html')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set NAWA_CHROMIUM).`);
  const dir = mkdtempSync(join(tmpdir(), 'nawa-e2e-'));
  let hub = await startHub({
    dbPath: join(dir, 'hub.db'),
    seed: 'demo',
    simulate: opts.simulate ?? 0,
    port: 0,
    heartbeatMs: 500,
  });
  const serving = await startServe({
    hubUrl: hub.url,
    dataDir: join(dir, 'console'),
    distDir: dist,
    port: 0,
    syncAccount: { username: 'viewer', password: 'demo' },
    heartbeatMs: 500,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...(opts.chromiumArgs ?? [])],
    headless: true,
  });
  return {
    get hub() {
      return hub;
    },
    serving,
    browser,
    dir,
    async stopHub() {
      const port = Number(new URL(hub.url).port);
      await hub.close();
      return async () => {
        hub = await startHub({ dbPath: join(dir, 'hub.db'), port, heartbeatMs: 500 });
      };
    },
    async close() {
      await browser.close();
      await serving.close();
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function centralToken(hub: Hub, username = 'supervisor'): Promise<string> {
  const res = await fetch(`${hub.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/**
 * Logs a demo account into the console as a person would, and waits until the console is there. The first-run
 * guide (shown at each operator's first login on a console) is closed unless `keepGuide`.
 */
export async function loginConsole(
  page: Page,
  url: string,
  username: string,
  password = 'demo',
  opts: { keepGuide?: boolean } = {},
): Promise<void> {
  await page.goto(url + '/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  await guideDecided(page);
  if (!opts.keepGuide) await closeGuide(page);
}

export { closeGuide, guideDecided, openView } from './console-nav';
