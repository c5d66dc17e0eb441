/// <reference lib="dom" />
// The nine-screen wall end to end: nine wall pages (each in its own browser context, so their animation frames
// run as on visible screens) and a presenter's console, through `nawa serve` against a real hub.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright';
import { PRESET_LAYOUTS } from '../src/common/presets';
import { startServe } from '../src/node/serve/serve';
import { loginConsole, openView, startStack, type Stack } from './support/stack';

declare global {
  interface Window {
    __nawaLoadId?: string;
    __nawaMaps?: Record<number, { screenPoint(lat: number, lng: number): { x: number; y: number } }>;
  }
}

const [IKHTISAR, FOKUS, DARURAT, RAPAT] = PRESET_LAYOUTS.map((l) => l.id) as [string, string, string, string];
const SCREEN = { width: 480, height: 270 };
const KEPANJEN = { lat: -8.13, lng: 112.57 };
const POLL = { timeout: 15_000, interval: 50 };

let stack: Stack;
let walls: Page[] = [];
let panel: ReturnType<Page['getByRole']>;
let desk: Page;

async function openWall(path: string, viewport = SCREEN): Promise<Page> {
  const ctx: BrowserContext = await stack.browser.newContext({ viewport });
  const page = await ctx.newPage();
  await page.goto(stack.serving.url + path);
  return page;
}

beforeAll(async () => {
  stack = await startStack();
  for (let n = 1; n <= 9; n++) walls.push(await openWall(`/wall/${n}`));
  desk = await (await stack.browser.newContext({ viewport: { width: 1400, height: 1600 } })).newPage();
  // A presenter lands on the Dinding view (the first-run guide closed by the helper).
  await loginConsole(desk, stack.serving.url, 'presenter');
  panel = desk.getByRole('region', { name: 'Dinding layar' });
});
afterAll(async () => {
  await stack?.close();
});

const layoutOn = (w: Page) => w.evaluate(() => document.body.dataset.layoutId ?? '');
const versionOn = (w: Page) => w.evaluate(() => Number(document.body.dataset.stateVersion ?? -1));

/** Waits until every open wall page shows `layoutId` at one state version, and the host has all nine acknowledgements. */
async function wallShows(layoutId: string): Promise<number> {
  await expect
    .poll(async () => (await Promise.all(walls.map(layoutOn))).every((id) => id === layoutId), POLL)
    .toBe(true);
  const versions = new Set(await Promise.all(walls.map(versionOn)));
  expect(versions.size).toBe(1);
  const [version] = versions;
  await expect
    .poll(async () => {
      const s = (await (await fetch(`${stack.serving.url}/status`)).json()) as {
        walls: { connected: boolean; paintedVersion: number | null }[];
      };
      return s.walls.filter((w) => w.connected && w.paintedVersion === version).length;
    }, POLL)
    .toBe(9);
  return version!;
}

describe('the wall', () => {
  it('switches by click and by hotkey, undoes with Ctrl+Z, U and the Urungkan button, never reloading a wall', async () => {
    await expect.poll(() => panel.locator('[data-testid^="wall-cell-"][data-connected="true"]').count(), POLL).toBe(9);
    const loadIds = await Promise.all(walls.map((w) => w.evaluate(() => window.__nawaLoadId)));
    await wallShows(IKHTISAR);

    await panel.getByRole('button', { name: 'Tampilkan Darurat' }).click();
    const v1 = await wallShows(DARURAT);
    await expect
      .poll(() => panel.getByTestId('wall-switch-time').textContent(), POLL)
      .toMatch(/^9\/9 layar menampilkan dalam \d+ ms$/);
    expect(await panel.getByTestId('wall-switch-time').getAttribute('data-state-version')).toBe(String(v1));

    // The presets come first in the list, so key 2 is "Fokus Peta"; the key is shown beside its button.
    expect(await panel.getByTestId('layout-item').nth(1).locator('kbd').textContent()).toBe('2');
    await desk.keyboard.press('2');
    expect(await wallShows(FOKUS)).toBeGreaterThan(v1);

    // Typing a digit into a text field is typing, not a switch: the next undo goes back to Fokus Peta, not Darurat.
    await panel.getByLabel('Kompensasi bingkai (px)').press('3');
    await panel.getByRole('button', { name: 'Tampilkan Rapat Pimpinan' }).click();
    await wallShows(RAPAT);
    await desk.keyboard.press('Control+z');
    await wallShows(FOKUS);
    await desk.keyboard.press('u');
    await wallShows(DARURAT);
    await expect.poll(() => panel.getByText('Kembali ke Ikhtisar').count(), POLL).toBe(1);
    await panel.getByRole('button', { name: 'Urungkan' }).click();
    await wallShows(IKHTISAR);
    await expect.poll(() => panel.getByRole('button', { name: 'Urungkan' }).isDisabled(), POLL).toBe(true);

    expect(await Promise.all(walls.map((w) => w.evaluate(() => window.__nawaLoadId)))).toEqual(loadIds);
  });

  it('draws the map of "Fokus Peta" over walls 1, 2, 4 and 5 as one picture, with and without bezel compensation', async () => {
    await panel.getByRole('button', { name: 'Tampilkan Fokus Peta' }).click();
    await wallShows(FOKUS);
    const spanning = [walls[0]!, walls[1]!, walls[3]!, walls[4]!];

    const measure = () =>
      Promise.all(
        spanning.map(async (w) =>
          w.evaluate(({ lat, lng }) => {
            const n = Number(document.body.dataset.wall);
            const probe = window.__nawaMaps?.[n];
            const win = document.querySelector<HTMLElement>('[data-active="true"] .wall-window');
            if (!probe || !win) return null;
            return {
              point: probe.screenPoint(lat, lng),
              offsetX: Number(win.dataset.offsetX),
              offsetY: Number(win.dataset.offsetY),
            };
          }, KEPANJEN),
        ),
      );
    const continuous = async (bezel: number) => {
      let seen: Awaited<ReturnType<typeof measure>> = [];
      await expect
        .poll(async () => {
          seen = await measure();
          return seen.map((m) => (m ? [m.offsetX, m.offsetY] : null));
        }, POLL)
        .toEqual([
          [0, 0],
          [SCREEN.width + bezel, 0],
          [0, SCREEN.height + bezel],
          [SCREEN.width + bezel, SCREEN.height + bezel],
        ]);
      // The same place lands exactly one screen step apart: each wall draws its own offset part of one canvas.
      const [a, b, c, d] = seen.map((m) => m!.point);
      expect(a!.x - b!.x).toBe(SCREEN.width + bezel);
      expect(a!.y - c!.y).toBe(SCREEN.height + bezel);
      expect([d!.x, d!.y]).toEqual([a!.x - SCREEN.width - bezel, a!.y - SCREEN.height - bezel]);
      expect(a!.y).toBe(b!.y);
      expect(a!.x).toBe(c!.x);
    };
    await continuous(0);
    expect(
      await walls[2]!.evaluate(
        () => document.querySelector<HTMLElement>('[data-active="true"] .wall-window')?.dataset.tileKind,
      ),
    ).toBe('incidents');

    const bezel = panel.getByLabel('Kompensasi bingkai (px)');
    await bezel.fill('24');
    await panel.getByRole('button', { name: 'Terapkan' }).click();
    await continuous(24);
    await bezel.fill('0');
    await panel.getByRole('button', { name: 'Terapkan' }).click();
    await continuous(0);
  });

  it('shows every screen its number large while identify is on', async () => {
    const identify = panel.getByRole('button', { name: 'Identifikasi layar' });
    await identify.click();
    await expect.poll(() => identify.getAttribute('aria-pressed'), POLL).toBe('true');
    for (const [i, w] of walls.entries()) {
      await expect.poll(() => w.getByTestId('wall-identify').textContent(), POLL).toBe(String(i + 1));
    }
    await identify.click();
    for (const w of walls) await expect.poll(() => w.getByTestId('wall-identify').count(), POLL).toBe(0);
  });

  it('shows a closed wall page as disconnected within 3 s, and connected again when it comes back', async () => {
    const cell = panel.getByTestId('wall-cell-9');
    expect(await cell.getAttribute('data-stale')).toBe('false');
    await walls[8]!.context().close();
    await expect.poll(() => cell.getAttribute('data-connected'), { timeout: 3_000, interval: 50 }).toBe('false');
    expect(await cell.getAttribute('data-stale')).toBe('true');
    await expect.poll(() => panel.getByTestId('wall-summary').textContent(), POLL).toBe('8/9 layar menampilkan');

    walls[8] = await openWall('/wall/9');
    await expect.poll(() => cell.getAttribute('data-connected'), POLL).toBe('true');
    await expect.poll(() => cell.getAttribute('data-stale'), POLL).toBe('false');
  });

  it('draws all nine cells in one window with ?cells=all and acknowledges each of them', async () => {
    for (const w of walls) await w.context().close();
    walls = [];
    await expect.poll(() => panel.locator('[data-testid^="wall-cell-"][data-connected="true"]').count(), POLL).toBe(0);
    expect((await fetch(`${stack.serving.url}/wall/all`)).status).toBe(200);

    const all = await openWall('/wall/1?cells=all', { width: SCREEN.width * 3, height: SCREEN.height * 3 });
    walls = [all];
    await expect.poll(() => panel.locator('[data-testid^="wall-cell-"][data-connected="true"]').count(), POLL).toBe(9);
    await panel.getByRole('button', { name: 'Tampilkan Darurat' }).click();
    const version = await wallShows(DARURAT);
    await expect
      .poll(() => panel.locator(`[data-testid^="wall-cell-"][data-painted-version="${version}"]`).count(), POLL)
      .toBe(9);
    expect(await all.locator('.wall-screen').count()).toBe(9);
    expect(await all.evaluate(() => document.body.dataset.wall)).toBe('all');

    // Darurat's map covers the two left columns of all three rows: one picture across six cells of this window.
    const points = await all.evaluate(
      ({ lat, lng }) => [1, 2, 4, 5, 7, 8].map((n) => window.__nawaMaps?.[n]?.screenPoint(lat, lng) ?? null),
      KEPANJEN,
    );
    expect(points.every((p) => p !== null)).toBe(true);
    const [p1, p2, p4, , p7] = points as { x: number; y: number }[];
    expect(p1!.x - p2!.x).toBe(SCREEN.width);
    expect(p1!.y - p4!.y).toBe(SCREEN.height);
    expect(p1!.y - p7!.y).toBe(2 * SCREEN.height);
  });
});

describe('pairing a wall PC', () => {
  it('shows a presenter the nine pairing links beyond loopback; one, opened in another browser, pairs and shows its wall', async () => {
    // The console host as the room runs it for wall PCs: bound beyond loopback, so every client needs a token.
    const access = 'e2e-pairing-access-token';
    const paired = await startServe({
      hubUrl: stack.hub.url,
      dataDir: join(stack.dir, 'paired-console'),
      distDir: resolve(import.meta.dirname, '../dist'),
      port: 0,
      host: '0.0.0.0',
      accessToken: access,
      syncAccount: { username: 'viewer', password: 'demo' },
      heartbeatMs: 500,
    });
    const contexts: BrowserContext[] = [];
    try {
      const consoleCtx = await stack.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      contexts.push(consoleCtx);
      await consoleCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: paired.url });
      const presenter = await consoleCtx.newPage();
      // The access token rides in once; the tab keeps it and the login page follows.
      await presenter.goto(`${paired.url}/?token=${access}`);
      await loginConsole(presenter, paired.url, 'presenter');
      const pairing = presenter.getByRole('region', { name: 'Pasangkan layar dinding' });
      await expect.poll(() => pairing.getByTestId('pairing-url').count(), POLL).toBeGreaterThanOrEqual(9);
      const tokens = paired.wallTokens!;
      for (let n = 1; n <= 9; n++) {
        const shown = (await pairing.getByTestId(`pairing-wall-${n}`).textContent()) ?? '';
        expect(shown).toMatch(new RegExp(`^Layar ${n}.*/wall/${n}\\?token=••••••`));
        // Hidden until asked for: no token on screen.
        expect(shown).not.toContain(tokens[n - 1]);
      }
      await pairing.getByRole('button', { name: 'Tampilkan token' }).click();
      const link = (await pairing.getByTestId('pairing-wall-5').getByTestId('pairing-url').first().textContent())!;
      expect(new URL(link).searchParams.get('token')).toBe(tokens[4]);
      expect(new URL(link).pathname).toBe('/wall/5');
      // The copy button puts the whole link on the clipboard.
      await pairing.getByRole('button', { name: 'Salin tautan layar 5' }).first().click();
      await expect.poll(() => pairing.getByRole('status').textContent(), POLL).toBe('Tautan layar 5 tersalin.');
      expect(await presenter.evaluate(() => navigator.clipboard.readText())).toBe(link);

      // A wall PC (another browser context, nothing shared) opens the link: it pairs as wall 5 and draws it.
      const wallCtx = await stack.browser.newContext({ viewport: SCREEN });
      contexts.push(wallCtx);
      const wall5 = await wallCtx.newPage();
      await wall5.goto(link);
      await expect.poll(() => wall5.evaluate(() => document.body.dataset.wall ?? ''), POLL).toBe('5');
      await expect.poll(() => layoutOn(wall5), POLL).not.toBe('');
      // The token left the address bar.
      expect(new URL(wall5.url()).search).toBe('');
      const mirror = presenter.getByRole('region', { name: 'Dinding layar' });
      await expect.poll(() => mirror.getByTestId('wall-cell-5').getAttribute('data-connected'), POLL).toBe('true');
      expect(await mirror.getByTestId('wall-cell-4').getAttribute('data-connected')).toBe('false');
      // It follows a switch, and its acknowledgement counts.
      await mirror.getByRole('button', { name: 'Tampilkan Darurat' }).click();
      await expect.poll(() => layoutOn(wall5), POLL).toBe(DARURAT);
      const version = await versionOn(wall5);
      await expect
        .poll(() => mirror.getByTestId('wall-cell-5').getAttribute('data-painted-version'), POLL)
        .toBe(String(version));

      // An operator's Dinding view has no pairing links at all (the host refuses them the request too).
      const operatorCtx = await stack.browser.newContext({ viewport: { width: 1920, height: 1080 } });
      contexts.push(operatorCtx);
      const operator = await operatorCtx.newPage();
      await operator.goto(`${paired.url}/?token=${access}`);
      await loginConsole(operator, paired.url, 'operator');
      const operatorWall = await openView(operator, 'Dinding');
      await operatorWall.getByTestId('wall-cell-5').waitFor();
      expect(await operator.getByTestId('wall-pairing').count()).toBe(0);
      expect(await operator.content()).not.toContain(tokens[4]);
    } finally {
      for (const c of contexts) await c.close();
      await paired.close();
    }
  });
});
