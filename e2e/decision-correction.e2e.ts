/// <reference lib="dom" />
// Correcting a decision in Chromium through `nawa serve` against a real hub: the entry shows the wall layout
// live when it was made; "Koreksi" opens the form prefilled with a required reason; the old entry is struck
// through with a link to its correction and the correction links back; a viewer is offered no correction.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralToken, loginConsole, openView, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const SHOTS = process.env.NAWA_SHOTS;

async function centralDecision(id: string) {
  const token = await centralToken(stack.hub, 'viewer');
  const res = await fetch(`${stack.hub.url}/api/v1/changes?since=0&limit=5000&entities=decision`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { changes } = (await res.json()) as { changes: { data: Record<string, unknown> }[] };
  return changes.map((c) => c.data).find((d) => d.id === id);
}

const entry = (page: Page, id: string) => page.locator(`[data-testid="decision-item"][data-id="${id}"]`);

describe('decision correction', () => {
  it('records the wall on the entry, corrects it with a reason, strikes the old one through, links both ways', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const page = await context.newPage();
    await loginConsole(page, stack.serving.url, 'supervisor');
    // The wall shows Darurat when the decision is made (switched in the Dinding view, recorded in Keputusan).
    await openView(page, 'Dinding');
    await page
      .getByRole('region', { name: 'Dinding layar' })
      .getByRole('button', { name: 'Tampilkan Darurat' })
      .click();
    await expect.poll(() => stack.serving.host.wall.state().layout?.name).toBe('Darurat');
    const wallVersion = stack.serving.host.wall.status().stateVersion;
    await openView(page, 'Keputusan');

    const summary = 'Tutup jalan Dampit–Tirtoyudo';
    await page.getByLabel('Ringkasan').fill(summary);
    await page.getByLabel('Alasan').fill('Longsor di km 12');
    await page.getByLabel('Tindakan').fill('DPUBM menutup jalan');
    await page.getByRole('button', { name: 'Catat keputusan' }).click();
    const first = page.getByTestId('decision-item').filter({ hasText: summary });
    await expect.poll(() => first.getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
    const oldId = (await first.getAttribute('data-id'))!;
    const old = entry(page, oldId);
    expect(await old.getByTestId('decision-wall').textContent()).toBe(`Dinding: Darurat (v${wallVersion})`);
    // The hub published what the console recorded.
    expect((await centralDecision(oldId))?.wall).toMatchObject({
      stateVersion: wallVersion,
      layout: { name: 'Darurat', id: '6e1f0a52-0000-4000-8000-000000000003' },
    });

    await old.getByRole('button', { name: `Koreksi keputusan: ${summary}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Koreksi keputusan' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Ringkasan').inputValue()).toBe(summary);
    expect(await dialog.getByLabel('Tindakan').inputValue()).toBe('DPUBM menutup jalan');
    expect(await dialog.getByText('Alasan semula: Longsor di km 12').count()).toBe(1);
    const reason = dialog.getByLabel('Alasan koreksi');
    expect(await reason.evaluate((e) => document.activeElement === e)).toBe(true);
    // Without a reason the form does not go: the browser holds it at the required field.
    await dialog.getByRole('button', { name: 'Catat koreksi' }).click();
    expect(await reason.evaluate((e) => (e as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    expect(await reason.evaluate((e) => (e as HTMLTextAreaElement).validationMessage)).toBe('Tulis alasan koreksi.');
    expect(await dialog.isVisible()).toBe(true);
    const axe = await new AxeBuilder({ page }).include('.correction-dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/correction-dialog-1920x1080.png` });

    await reason.fill('Material sudah dibersihkan separuh');
    await dialog.getByLabel('Ringkasan').fill('Buka-tutup jalan Dampit–Tirtoyudo');
    await dialog.getByLabel('Tindakan').fill('DPUBM mengatur buka-tutup satu lajur');
    await dialog.getByRole('button', { name: 'Catat koreksi' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The old entry struck through, linked to its correction; the correction linked back, with its reason.
    await expect.poll(() => old.getAttribute('data-superseded'), { timeout: 15_000 }).toBe('true');
    expect(await old.locator('s').textContent()).toBe(summary);
    const toFix = old.getByRole('link', { name: 'Dikoreksi oleh: Buka-tutup jalan Dampit–Tirtoyudo' });
    const fixId = (await toFix.getAttribute('href'))!.replace('#decision-', '');
    const fix = entry(page, fixId);
    await expect.poll(() => fix.getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
    expect(await fix.getByRole('link', { name: `Koreksi atas: ${summary}` }).getAttribute('href')).toBe(
      `#decision-${oldId}`,
    );
    expect(await fix.getByText('Alasan koreksi: Material sudah dibersihkan separuh').count()).toBe(1);
    expect(await fix.getByTestId('decision-wall').textContent()).toBe(`Dinding: Darurat (v${wallVersion})`);
    // Only the newest may be corrected again.
    expect(await old.getByRole('button', { name: /^Koreksi keputusan/ }).count()).toBe(0);
    expect(await fix.getByRole('button', { name: /^Koreksi keputusan/ }).count()).toBe(1);
    await toFix.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#decision-${fixId}`);
    expect(await centralDecision(fixId)).toMatchObject({
      supersedes: oldId,
      rationale: 'Material sudah dibersihkan separuh',
      summary: 'Buka-tutup jalan Dampit–Tirtoyudo',
    });
    await expect
      .poll(() => page.getByTestId('decision-verified').textContent(), { timeout: 10_000 })
      .toMatch(/^terverifikasi sampai #\d+$/);
    if (SHOTS) {
      await page.locator('.decision-log').screenshot({ path: `${SHOTS}/decision-log-corrected-1920.png` });
      await page.setViewportSize({ width: 1366, height: 768 });
      await fix.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/decision-log-corrected-1366x768.png` });
    }

    // In English, the same entries and the form in its words.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    expect(await old.getByRole('link', { name: 'Corrected by: Buka-tutup jalan Dampit–Tirtoyudo' }).count()).toBe(1);
    expect(await fix.getByTestId('decision-wall').textContent()).toBe(`Wall: Darurat (v${wallVersion})`);
    await fix.getByRole('button', { name: 'Correct the decision: Buka-tutup jalan Dampit–Tirtoyudo' }).click();
    const en = page.getByRole('dialog', { name: 'Correct a decision' });
    await en.waitFor();
    expect(await en.getByLabel('Reason for the correction').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/correction-dialog-en-1366x768.png` });
    await en.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => en.isVisible()).toBe(false);
    await context.close();

    // A viewer reads the same log and is offered no correction.
    const viewer = await stack.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginConsole(viewer, stack.serving.url, 'viewer');
    await openView(viewer, 'Keputusan');
    await entry(viewer, fixId).waitFor();
    expect(await viewer.getByRole('button', { name: /^Koreksi keputusan/ }).count()).toBe(0);
    await viewer.close();
  });
});
