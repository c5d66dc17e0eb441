/// <reference lib="dom" />
// The sector dashboards in Chromium through `nawa serve` against a real hub: a supervisor sees each sector's
// KPIs with their level as a word and their 24-hour and 7-day trends drawn by uPlot; sets thresholds that put a
// KPI past critical, which raises an alert in the Sektor view and the header and reaches the hub as the series'
// thresholds; marks it seen. An operator reads the same dashboards without the editor. A wall showing a sector
// tile draws its trends. Both languages where the wording matters.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright';
import type { LayoutDraft } from '../src/common/layout-check';
import type { Connection } from '../src/node/host/host-service';
import { centralToken, loginConsole, openView, startStack, type Stack } from './support/stack';

/** Set to a folder to keep screenshots of the Sektor view and the wall tile (for looking at, not for asserting). */
const SHOTS = process.env.NAWA_SECTOR_SHOTS;
const POLL = { timeout: 20_000 };
const SERIES = 'energy.beban-listrik';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await stack?.close();
});

async function newPage(size = { width: 1920, height: 1080 }): Promise<Page> {
  return (await stack.browser.newContext({ viewport: size })).newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Points drawn per chart of the cards shown (uPlot's canvas inside each). */
async function chartsDrawn(scope: Locator): Promise<number[]> {
  return scope
    .locator('.trend-chart')
    .evaluateAll((els) =>
      els.map((el) =>
        el.querySelector('canvas') && el.clientHeight > 20 ? Number(el.getAttribute('data-points')) : 0,
      ),
    );
}

async function hubSeries(id: string): Promise<{ thresholds?: unknown } | undefined> {
  const token = await centralToken(stack.hub);
  const res = await fetch(`${stack.hub.url}/api/v1/changes?since=0&limit=5000&entities=series`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { changes: { id: string; data: { thresholds?: unknown } }[] };
  return body.changes.filter((c) => c.id === id).at(-1)?.data;
}

describe('sector dashboards', () => {
  it('a supervisor reads trends, sets thresholds that raise an alert, and the hub gets them', async () => {
    const page = await newPage();
    await loginConsole(page, stack.serving.url, 'supervisor');
    // A supervisor lands on Sektor.
    const panel = page.getByRole('tabpanel', { name: /^Sektor/ });
    await panel.waitFor();
    const sectors = panel.locator('.sector-choice');
    await expect.poll(() => sectors.count(), POLL).toBeGreaterThanOrEqual(7);
    // Every sector shows its worst level as a word, never colour alone.
    for (const text of await sectors.allTextContents()) expect(text).toMatch(/Normal|Waspada|Kritis/);

    await panel.getByRole('button', { name: /^Energi/ }).click();
    const cards = panel.getByTestId('kpi-card');
    await expect.poll(() => cards.count(), POLL).toBeGreaterThanOrEqual(1);
    // Found by its series, not by the view's name (which changes with the language below).
    const energy = page.locator(`[data-testid="kpi-card"][data-series="${SERIES}"]`);
    await energy.waitFor(POLL);
    // 24 hours: raw readings drawn on a canvas; the thresholds are written out.
    await expect.poll(async () => Math.min(...(await chartsDrawn(energy))), POLL).toBeGreaterThan(10);
    await expect.poll(() => energy.getByTestId('kpi-thresholds').textContent()).toMatch(/Waspada > 600 · Kritis > 660/);

    // 7 days: hourly buckets (a week of them), with the lowest-highest band.
    await panel.getByRole('group', { name: 'Rentang tren' }).getByRole('button', { name: '7 hari' }).click();
    await expect.poll(() => panel.locator('.kpi-cards').getAttribute('data-range'), POLL).toBe('7d');
    await expect.poll(async () => Math.max(...(await chartsDrawn(energy))), POLL).toBeGreaterThan(24 * 5);
    await shot(page, 'sektor-1920-supervisor-7d');

    // The current figure, so the new limits lie below it: the KPI becomes critical.
    const value = Number((await energy.getByTestId('kpi-value').textContent())!.replace(/\./g, '').replace(',', '.'));
    expect(value).toBeGreaterThan(2);
    await energy.getByRole('button', { name: 'Ubah ambang' }).click();
    const form = energy.getByRole('form', { name: /^Ambang batas:/ });
    // A critical limit on the wrong side of the warning one is refused in words, and nothing is sent.
    await form.getByLabel('Batas waspada').fill(String(Math.floor(value / 2)));
    await form.getByLabel('Batas kritis').fill(String(Math.floor(value / 4)));
    await form.getByRole('button', { name: 'Simpan ambang' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/lebih tinggi dari batas waspada/);
    // Indonesian decimal comma accepted.
    await form.getByLabel('Batas waspada').fill(`${Math.floor(value / 4)},5`);
    await form.getByLabel('Batas kritis').fill(String(Math.floor(value / 2)));
    await form.getByRole('button', { name: 'Simpan ambang' }).click();
    await expect.poll(() => energy.getAttribute('data-level'), POLL).toBe('critical');
    await expect.poll(() => energy.getByTestId('kpi-level').textContent()).toBe('Kritis');

    // The alert: in the Sektor view, in the header for every view, and as the tab's count.
    const alert = panel.getByTestId('sector-alert').filter({ hasText: 'Beban' });
    await alert.first().waitFor(POLL);
    await expect.poll(() => page.getByTestId('sector-alarm').textContent()).toMatch(/Peringatan indikator: \d+/);
    await expect.poll(() => page.getByRole('tab', { name: /^Sektor/ }).textContent()).toMatch(/perlu ditinjau/);
    await shot(page, 'sektor-1920-supervisor-alert');

    // Central: the series carries the new thresholds (an upsert through the outbox).
    await expect
      .poll(async () => (await hubSeries(SERIES))?.thresholds, POLL)
      .toEqual({ direction: 'above', warning: Math.floor(value / 4) + 0.5, critical: Math.floor(value / 2) });

    // In English the same words change.
    await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => energy.getByTestId('kpi-level').textContent()).toBe('Critical');
    // What was said on saving follows the language too.
    await expect.poll(() => energy.getByRole('status').textContent()).toMatch(/^Thresholds saved\./);
    await expect.poll(() => page.getByTestId('sector-alarm').textContent()).toMatch(/Indicator alerts: \d+/);
    await shot(page, 'sektor-1920-supervisor-en');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'ID' }).click();

    // Seen: the alert leaves the list and, with no other alert, the header.
    const before = await panel.getByTestId('sector-alert').count();
    await alert.first().getByRole('button', { name: 'Sudah dilihat' }).click();
    await expect.poll(() => panel.getByTestId('sector-alert').count(), POLL).toBe(before - 1);

    // Removing the thresholds puts the KPI back without a level past normal.
    await energy.getByRole('button', { name: 'Ubah ambang' }).click();
    await energy.getByRole('button', { name: 'Hapus ambang' }).click();
    await expect.poll(() => energy.getByTestId('kpi-thresholds').textContent(), POLL).toMatch(/Belum ada ambang batas/);
    await expect.poll(() => energy.getAttribute('data-level')).toBe('normal');
    await page.context().close();
  }, 120_000);

  it('an operator reads the dashboards at 1366 x 768 without the threshold editor', async () => {
    const page = await newPage({ width: 1366, height: 768 });
    await loginConsole(page, stack.serving.url, 'operator');
    const panel = await openView(page, 'Sektor');
    await panel.getByRole('button', { name: /^Kesehatan/ }).click();
    const cards = panel.getByTestId('kpi-card');
    await expect.poll(() => cards.count(), POLL).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => Math.min(...(await chartsDrawn(panel))), POLL).toBeGreaterThan(10);
    expect(await panel.getByRole('button', { name: 'Ubah ambang' }).count()).toBe(0);
    await expect.poll(() => panel.textContent()).toMatch(/Hanya supervisor yang dapat mengubah ambang batas/);
    // One screen: the page does not scroll either way.
    const scroll = await page.evaluate(() => {
      const d = document.scrollingElement!;
      return { x: d.scrollWidth - d.clientWidth, y: d.scrollHeight - d.clientHeight };
    });
    expect(scroll).toEqual({ x: 0, y: 0 });
    await shot(page, 'sektor-1366-operator');
    await page.context().close();
  }, 60_000);

  it('a wall showing a sector tile draws its 24-hour trends, legible at the screen size', async () => {
    const host = stack.serving.host;
    const presenter: Connection = { id: randomUUID(), operator: null, wall: null };
    expect((await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter)).ok).toBe(
      true,
    );
    const layout: LayoutDraft = {
      id: randomUUID(),
      name: 'Energi penuh',
      grid: { cols: 3, rows: 3 },
      // The middle screen (wall 5) shows the energy tile on its own.
      tiles: [{ id: 'energi', x: 1, y: 1, w: 1, h: 1, source: { kind: 'sector', sector: 'energy' } }],
    };
    const saved = await host.dispatch('layouts.save', { layout }, presenter);
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const page = await newPage();
    await page.goto(`${stack.serving.url}/wall/5`);
    const res = await host.dispatch('wall.switch', { layoutId: layout.id }, presenter);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const tile = page.locator('.wall-view[data-active="true"] .sector-tile');
    await tile.waitFor(POLL);
    await expect.poll(async () => Math.min(...(await chartsDrawn(tile))), POLL).toBeGreaterThan(10);
    // The chart's axis labels are drawn at the wall's smallest type: 3 % of the screen's height.
    const fontPx = await tile
      .locator('.trend-chart')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(0.03 * 1080 - 0.5);
    // Each KPI says its level in words where it has thresholds.
    const levels = await tile.locator('.wall-level').allTextContents();
    expect(levels.length).toBeGreaterThan(0);
    for (const l of levels) expect(l).toMatch(/^(Normal|Waspada|Kritis)$/);
    await shot(page, 'wall5-1920-energi');
    await page.context().close();
  }, 60_000);
});
