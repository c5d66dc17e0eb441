/// <reference lib="dom" />
// The console's update notice and about box, in Chromium through nawa serve: the shell's report shows as
// "Versi X sudah diunduh, dipasang pada …", a supervisor's "Pasang sekarang" reaches the host, an operator gets
// no such button, and "Tentang" names Nawa's version and the central API's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpdateReport, UpdateStatus } from '../src/common/update-api';
import { SHELL_CONNECTION_ID } from '../src/node/host/update-handlers';
import { NAWA_VERSION } from '../src/node/base/version';
import { loginConsole, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const shell = { id: SHELL_CONNECTION_ID, operator: null, wall: null };
const report: UpdateReport = {
  state: 'downloaded',
  current: NAWA_VERSION,
  channel: 'stable',
  version: '9.9.0',
  // 02:00 WIB on 3 December 2026.
  installAt: '2026-12-02T19:00:00.000Z',
  blockers: ['presentation'],
  lastCheckAt: new Date().toISOString(),
  error: null,
};

describe('update notice', () => {
  it('shows the downloaded version and when it installs; a supervisor agrees, an operator cannot', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await loginConsole(page, stack.serving.url, 'supervisor');
    expect(await page.getByTestId('update-notice').count()).toBe(0);
    const sent = await stack.serving.host.dispatch('updates.report', report, shell);
    expect(sent.ok).toBe(true);
    const notice = page.getByTestId('update-notice');
    await notice.waitFor();
    const text = await notice.textContent();
    expect(text).toContain('Versi 9.9.0 sudah diunduh, dipasang pada 03 Des, 02.00 WIB.');
    expect(text).toContain('Menunggu: presentasi sedang berjalan di dinding layar.');
    await notice.getByRole('button', { name: 'Pasang sekarang' }).click();
    await expect.poll(async () => notice.textContent()).toContain('Disetujui oleh');
    const status = await stack.serving.host.dispatch('updates.status', {}, shell);
    expect(status.ok && (status.value as UpdateStatus).approval?.version).toBe('9.9.0');

    const operator = await stack.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await loginConsole(operator, stack.serving.url, 'operator');
    await operator.getByTestId('update-notice').waitFor();
    expect(await operator.getByRole('button', { name: 'Pasang sekarang' }).count()).toBe(0);
    await operator.close();
    await page.close();
  });

  it("the about box names Nawa's version and the central API's, in English too", async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await loginConsole(page, stack.serving.url, 'viewer');
    await page.getByTestId('about-open').click();
    const dialog = page.getByTestId('about-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('about-nawa-version').textContent()).toBe(NAWA_VERSION);
    await expect
      .poll(async () => dialog.getByTestId('about-central-version').textContent())
      .toMatch(/v1\.1 dipakai konsol ini; server melayani v1(\.1)?/);
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByTestId('about-open').click();
    await expect
      .poll(async () => page.getByTestId('about-update').textContent())
      .toContain('Version 9.9.0 downloaded, installs at');
    await page.close();
  });
});
