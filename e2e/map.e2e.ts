/// <reference lib="dom" />
// The console map and the connectivity monitor end to end: layers toggled, "sumbrpucung" found and outlined,
// an incident created at a clicked point with its kecamatan from the boundaries (it reaches the hub), and the
// monitor showing four desa down in Sumberpucung as one outage, in Bahasa Indonesia and in English.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright';
import { startHub, type Hub } from '../src/node/hub/hub';
import { SqliteHubStorage } from '../src/node/hub/sqlite-hub-storage';
import { writeStatus } from '../src/node/hub/feed-writer';
import { startServe, type Serving } from '../src/node/serve/serve';
import { CHROMIUM, CHROMIUM_ARGS, centralToken, loginConsole, openView } from './support/stack';

// Four of the seven desa of Kec. Sumberpucung (35.07.12) lose their link, and a tourist site has a slow one.
const SUMBERPUCUNG_DOWN = ['35.07.12.2001', '35.07.12.2002', '35.07.12.2003', '35.07.12.2004'];
const SUMBERPUCUNG_UP = ['35.07.12.2005', '35.07.12.2006', '35.07.12.2007'];
const SLOW_TOURIST_SITE = 'candi_jago';
const SHOTS = process.env.NAWA_SHOTS_DIR;

let dir: string;
let hub: Hub;
let serving: Serving;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-map-e2e-'));
  const dbPath = join(dir, 'hub.db');
  // Seed the demo, then write the statuses after it (newest `at` wins) while the hub is stopped.
  await (await startHub({ dbPath, seed: 'demo', simulate: 0, port: 0 })).close();
  const db = SqliteHubStorage.open(dbPath);
  const at = new Date().toISOString();
  await db.transaction(async (tx) => {
    for (const siteId of SUMBERPUCUNG_DOWN)
      await writeStatus(tx, { siteId, at, state: 'down', latencyMs: null, bandwidthMbps: null });
    for (const siteId of SUMBERPUCUNG_UP)
      await writeStatus(tx, { siteId, at, state: 'up', latencyMs: 25, bandwidthMbps: 40 });
    await writeStatus(tx, { siteId: SLOW_TOURIST_SITE, at, state: 'up', latencyMs: 420, bandwidthMbps: 30 });
  });
  await db.close();
  hub = await startHub({ dbPath, seed: 'demo', simulate: 0, port: 0, heartbeatMs: 500 });
  serving = await startServe({
    hubUrl: hub.url,
    dataDir: join(dir, 'console'),
    distDir: resolve(import.meta.dirname, '../dist'),
    port: 0,
    syncAccount: { username: 'viewer', password: 'demo' },
    heartbeatMs: 500,
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await serving?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function mapPicture(page: Page): Promise<Buffer> {
  return page.locator('.incident-map').screenshot({ animations: 'disabled' });
}

describe('console map', () => {
  it('toggles layers, finds "sumbrpucung", outlines it and creates an incident there that reaches the hub', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await loginConsole(page, serving.url, 'operator');
    await page.getByRole('region', { name: 'Peta Kabupaten Malang' }).waitFor();
    await expect.poll(() => page.locator('path.kecamatan').count(), { timeout: 10_000 }).toBe(33);
    await page.getByRole('group', { name: 'Lapisan peta' }).or(page.locator('.map-legend')).first().waitFor();
    await shot(page, 'map-1920-overview');

    // Kecamatan off and on again: the 33 shapes go and come back.
    const kecamatanSwitch = page.getByRole('checkbox', { name: 'Kecamatan' });
    await kecamatanSwitch.uncheck();
    await expect.poll(() => page.locator('path.kecamatan').count()).toBe(0);
    await kecamatanSwitch.check();
    await expect.poll(() => page.locator('path.kecamatan').count()).toBe(33);

    // Incidents and sites are canvas: the picture changes when they are switched off.
    const mapEl = page.locator('.incident-map');
    const drawn = async () =>
      Number(await mapEl.getAttribute('data-incident-clusters')) +
      Number(await mapEl.getAttribute('data-incidents-shown'));
    await expect.poll(drawn, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await mapPicture(page);
    await page.getByRole('checkbox', { name: 'Insiden' }).uncheck();
    await expect.poll(drawn).toBe(0);
    await page.getByRole('checkbox', { name: 'Desa/kelurahan', exact: true }).uncheck();
    const without = await mapPicture(page);
    expect(Buffer.compare(before, without)).not.toBe(0);
    await page.getByRole('checkbox', { name: 'Insiden' }).check();
    await page.getByRole('checkbox', { name: 'Desa/kelurahan', exact: true }).check();
    await expect.poll(drawn).toBeGreaterThan(0);

    // A typo still finds the kecamatan; Enter flies there and outlines it.
    const search = page.getByRole('combobox', { name: 'Cari desa, kecamatan, tempat atau OPD' });
    await search.fill('sumbrpucung');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toMatch(/^Sumberpucung.*Kecamatan/);
    await search.press('Enter');
    const outline = page.locator('path.search-outline[data-kode="35.07.12"]');
    await outline.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1_200); // the fly animation
    // At this zoom the desa lines are drawn: the desa switch changes the picture.
    const withDesa = await mapPicture(page);
    await page.getByRole('checkbox', { name: 'Desa/kelurahan', exact: true }).uncheck();
    expect(Buffer.compare(withDesa, await mapPicture(page))).not.toBe(0);
    await page.getByRole('checkbox', { name: 'Desa/kelurahan', exact: true }).check();
    await page.waitForTimeout(300);
    await shot(page, 'map-1920-sumberpucung');

    // A click inside the outline (its bounding box centre lies in Sumberpucung) names the kecamatan.
    const box = (await outline.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 7, box.y + box.height / 2 + 9);
    const popup = page.locator('.point-popup');
    await popup.waitFor();
    expect(await popup.textContent()).toContain('Kecamatan: Sumberpucung');
    await page.waitForTimeout(300); // the popup's fade-in, for the picture
    await shot(page, 'map-1920-point');
    await popup.getByRole('button', { name: 'Buat insiden di sini' }).click();
    const form = page.getByRole('form', { name: 'Insiden baru di Kec. Sumberpucung' });
    await form.waitFor();
    const title = `Pohon tumbang menutup jalan ${Date.now()}`;
    await form.getByLabel('Judul insiden').fill(title);
    await form.getByLabel('Tingkat', { exact: true }).selectOption('3');
    await shot(page, 'map-1920-create');
    await form.getByRole('button', { name: 'Laporkan' }).click();
    await form.waitFor({ state: 'detached' });

    const token = await centralToken(hub);
    await expect
      .poll(
        async () => {
          const feed = (await (
            await fetch(`${hub.url}/api/v1/changes?since=0&entities=incident&limit=5000`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as { changes: { data: { title: string; districtCode: string; severity: number; lat: number } }[] };
          const mine = feed.changes.map((c) => c.data).find((d) => d.title === title);
          return mine
            ? { districtCode: mine.districtCode, severity: mine.severity, inRegency: mine.lat < -8 && mine.lat > -8.3 }
            : null;
        },
        { timeout: 15_000 },
      )
      .toEqual({ districtCode: '35.07.12', severity: 3, inRegency: true });
    await page.close();
  });

  it('says so when a search finds nothing, and finds a desa and an OPD office by part of the name', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginConsole(page, serving.url, 'viewer');
    const search = page.getByRole('combobox', { name: 'Cari desa, kecamatan, tempat atau OPD' });
    await search.fill('qqqzzx');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Tidak ada yang cocok' }).count()).toBe(1);
    await search.fill('karangkates');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Karangkates.*Kec\. Sumberpucung/);
    await search.press('Enter');
    await page.locator('path.search-outline[data-kode="35.07.12.2007"]').waitFor({ timeout: 10_000 });
    await search.fill('kesehatan');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/Dinas Kesehatan.*OPD/);
    // A viewer may look but not report: the clicked point offers no "create" button.
    await page.waitForTimeout(800);
    const m = (await page.locator('.incident-map').boundingBox())!;
    await page.mouse.click(m.x + m.width * 0.3, m.y + m.height * 0.55);
    await page.locator('.point-popup').waitFor();
    expect(await page.locator('.point-popup button').count()).toBe(0);
    await shot(page, 'map-1366-karangkates');
    await page.close();
  });
});

describe('connectivity monitor', () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    it(`groups the four desa down in Sumberpucung as one outage, flags the slow tourist site, filters (${size.width})`, async () => {
      const page = await browser.newPage({ viewport: size });
      await loginConsole(page, serving.url, 'operator');
      // The monitor is a view of its own now (it was a dialog over the dashboard).
      await openView(page, 'Konektivitas');
      const dialog = page.getByRole('region', { name: 'Pemantau konektivitas' });
      await dialog.waitFor();
      const group = dialog.locator('.outage-item[data-scope="kecamatan"]');
      await expect
        .poll(() => group.allTextContents())
        .toEqual([expect.stringMatching(/^4 desa padam di Kec\. Sumberpucung sejak/)]);
      // The four desa are not listed again as outages of their own.
      const singles = await dialog.locator('.outage-item[data-scope="site"]').allTextContents();
      expect(singles.some((s) => /Ternyang|Senggreng|Sambigede|Ngebruk/.test(s))).toBe(false);
      expect(await dialog.locator(`tr[data-site="${SLOW_TOURIST_SITE}"] .weak-badge`).textContent()).toBe(
        'Sinyal lemah',
      );
      // Every watched site has a row: 390 desa, the OPD offices and the tourist sites (facilities are not watched).
      const rows = dialog.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(400);
      await shot(page, `connectivity-${size.width}-id`);

      await dialog.getByLabel('Kecamatan').selectOption({ label: 'Sumberpucung' });
      await dialog.getByLabel('Jenis').selectOption({ label: 'Desa/kelurahan' });
      await expect.poll(() => rows.count()).toBe(7);
      // Sorted by outage length: the four down desa first.
      const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')));
      expect(states.slice(0, 4)).toEqual(['down', 'down', 'down', 'down']);
      expect(states.slice(4)).not.toContain('down');

      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await openView(page, 'Connectivity');
      const en = page.getByRole('region', { name: 'Connectivity monitor' });
      await en.waitFor();
      // The view keeps its filters (it stays built): back to every site.
      await en.getByLabel('Kecamatan').selectOption('');
      await en.getByLabel('Kind').selectOption('');
      await expect
        .poll(() => en.locator('.outage-item[data-scope="kecamatan"]').allTextContents())
        .toEqual([expect.stringMatching(/^4 villages down in Kec\. Sumberpucung since/)]);
      expect(await en.locator(`tr[data-site="${SLOW_TOURIST_SITE}"] .weak-badge`).textContent()).toBe('Weak link');
      await shot(page, `connectivity-${size.width}-en`);
      // "Show on map" opens the map view there.
      await en.locator(`tr[data-site="${SLOW_TOURIST_SITE}"]`).getByRole('button').click();
      await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^Map & Incidents/);
      // Back to Bahasa Indonesia for the next test (the choice is kept in the browser).
      await page.getByRole('button', { name: 'ID', exact: true }).click();
      await page.close();
    });
  }
});
