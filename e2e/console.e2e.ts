/// <reference lib="dom" />
// The foundation's path end to end: login, the map of the 33 kecamatan, a decision that reaches the hub
// with a valid chain, and a wall switch that all nine wall pages paint without reloading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { verifyDecisionChain } from '../src/node/hub/decision-chain';
import { centralToken, loginConsole, openView, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const login = (page: Page, username: string) => loginConsole(page, stack.serving.url, username);

describe('console', () => {
  it('refuses a wrong password with a message the operator can read', async () => {
    const page = await stack.browser.newPage();
    await page.goto(stack.serving.url + '/');
    await page.getByLabel('Nama pengguna').fill('operator');
    await page.getByLabel('Kata sandi').fill('salah');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/salah/i);
    await page.close();
  });

  it('logs in, shows the 33 kecamatan, records a decision that reaches the hub with a valid chain', async () => {
    const page = await stack.browser.newPage();
    await login(page, 'operator');
    // Every panel says how old its data is (it comes from the cache, whether or not the hub answers): the incident
    // list here, the decision log and the overview in their views (a view is built when first opened).
    await expect.poll(() => page.getByTestId('data-age').first().textContent()).toMatch(/diperbarui \d+ dtk lalu/);
    await openView(page, 'Sektor');
    await openView(page, 'Keputusan');
    await expect.poll(() => page.getByTestId('data-age').count()).toBeGreaterThanOrEqual(3);
    await openView(page, 'Peta & Insiden');
    const map = page.getByRole('region', { name: 'Peta Kabupaten Malang' });
    await map.waitFor();
    await expect.poll(() => page.locator('path.kecamatan').count(), { timeout: 10_000 }).toBe(33);
    const codes = await page
      .locator('path.kecamatan')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kode')));
    expect(new Set(codes).size).toBe(33);
    expect(codes).toContain('35.07.13'); // Kepanjen

    const summary = `Evakuasi warga Desa Sitiarjo ${Date.now()}`;
    await openView(page, 'Keputusan');
    await page.getByLabel('Ringkasan').fill(summary);
    await page.getByLabel('Alasan').fill('Banjir rob setinggi 50 cm di permukiman pesisir');
    await page.getByLabel('Tindakan').fill('BPBD dan Tagana dikerahkan, posko di balai desa');
    await page.getByRole('button', { name: 'Catat keputusan' }).click();

    const item = page.getByTestId('decision-item').filter({ hasText: summary });
    await item.waitFor({ timeout: 3_000 });
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');

    const token = await centralToken(stack.hub);
    const feed = (await (
      await fetch(`${stack.hub.url}/api/v1/changes?since=0&entities=decision&limit=5000`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { changes: { data: Record<string, unknown> }[] };
    const decisions = feed.changes.map((c) => c.data);
    const ours = decisions.filter((d) => d.summary === summary);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ operatorId: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyDecisionChain(decisions as never)).toMatchObject({ ok: true });
    await page.close();
  });

  it('lets an operator move an incident on, and the hub gets the new status exactly once', async () => {
    const page = await stack.browser.newPage();
    await login(page, 'operator');
    const item = page.getByTestId('incident-item').filter({ hasText: 'Kecelakaan lalu lintas di Jalan Raya Kepanjen' });
    await item.click();
    // v1.1 lifecycle: a reported incident is verified before it is dispatched.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Terverifikasi' });
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Terverifikasi');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Ditangani' });
    await page.getByLabel('OPD penanggung jawab').selectOption('BPBD');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Ditangani');

    const token = await centralToken(stack.hub);
    const central = async () => {
      const feed = (await (
        await fetch(`${stack.hub.url}/api/v1/changes?since=0&entities=incident&limit=5000`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as {
        changes: { data: { title: string; status: string; assignedOpd?: string | null; version: number } }[];
      };
      return feed.changes
        .map((c) => c.data)
        .filter((d) => d.title.startsWith('Kecelakaan lalu lintas di Jalan Raya Kepanjen'));
    };
    await expect
      .poll(async () => (await central()).some((d) => d.status === 'dispatched'), { timeout: 15_000 })
      .toBe(true);
    const versions = (await central()).filter((d) => d.status === 'dispatched');
    expect(versions).toHaveLength(1);
    expect(versions[0]?.assignedOpd).toBe('BPBD');
    await page.close();
  });

  it('switches the wall layout and all nine wall pages paint it without reloading', async () => {
    // Each wall in its own context: background tabs throttle animation frames (toolchain.md).
    const walls: Page[] = [];
    for (let n = 1; n <= 9; n++) {
      const ctx = await stack.browser.newContext({ viewport: { width: 480, height: 270 } });
      const page = await ctx.newPage();
      await page.goto(`${stack.serving.url}/wall/${n}`);
      walls.push(page);
    }
    const loadIds = await Promise.all(
      walls.map((w) =>
        w
          .waitForFunction(() => (window as unknown as { __nawaLoadId?: string }).__nawaLoadId)
          .then((h) => h.jsonValue()),
      ),
    );

    const console = await stack.browser.newPage();
    await login(console, 'presenter');
    const panel = console.getByRole('region', { name: 'Dinding layar' });
    await expect
      .poll(() => panel.locator('[data-testid^="wall-cell-"][data-connected="true"]').count(), { timeout: 10_000 })
      .toBe(9);

    await panel.getByRole('button', { name: 'Tampilkan Darurat' }).click();
    const status = async () =>
      (await (await fetch(`${stack.serving.url}/status`)).json()) as {
        stateVersion: number;
        walls: { connected: boolean; paintedVersion: number | null }[];
      };
    await expect
      .poll(
        async () => {
          const s = await status();
          return s.walls.filter((w) => w.connected && w.paintedVersion === s.stateVersion).length;
        },
        { timeout: 10_000 },
      )
      .toBe(9);
    const { stateVersion } = await status();

    for (const [i, w] of walls.entries()) {
      expect(await w.evaluate(() => document.body.dataset.stateVersion)).toBe(String(stateVersion));
      expect(await w.evaluate(() => (window as unknown as { __nawaLoadId?: string }).__nawaLoadId)).toBe(loadIds[i]);
    }
    // The emergency layout: the map covers the two left columns, so walls 1, 2, 4, 5, 7 and 8 show the same tile.
    const layoutIds = await Promise.all(walls.map((w) => w.evaluate(() => document.body.dataset.layoutId)));
    expect(new Set(layoutIds)).toEqual(new Set(['6e1f0a52-0000-4000-8000-000000000003']));
    await expect
      .poll(() => panel.locator(`[data-testid^="wall-cell-"][data-painted-version="${stateVersion}"]`).count())
      .toBe(9);
    for (const w of walls) await w.context().close();
    await console.close();
  });
});
