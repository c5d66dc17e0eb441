/// <reference lib="dom" />
// A critical incident reported anywhere in the regency reaches the console as a suggestion; the presenter puts
// Darurat on the wall with one action, and ending emergency mode brings back what the wall showed before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralToken, loginConsole, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const DARURAT = '6e1f0a52-0000-4000-8000-000000000003';
const FOKUS_PETA = '6e1f0a52-0000-4000-8000-000000000002';

async function reportCritical(title: string) {
  // v1.1: only a supervisor may create an incident already verified.
  const token = await centralToken(stack.hub, 'supervisor');
  const now = new Date().toISOString();
  const res = await fetch(`${stack.hub.url}/api/v1/mutations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      consoleId: 'posko-bpbd',
      mutations: [
        {
          id: crypto.randomUUID(),
          entity: 'incident',
          op: 'upsert',
          clientTime: now,
          data: {
            id: crypto.randomUUID(),
            title,
            sector: 'disaster',
            severity: 4,
            status: 'verified',
            districtCode: '35.07.13',
            lat: -8.13,
            lon: 112.57,
            reportedAt: now,
          },
        },
      ],
    }),
  });
  expect(((await res.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');
}

describe('wall suggestions', () => {
  it('suggests Darurat for a critical incident, takes it with one action, and restores the wall when it ends', async () => {
    const ctx = await stack.browser.newContext({ viewport: { width: 480, height: 270 } });
    const wall = await ctx.newPage();
    await wall.goto(`${stack.serving.url}/wall/1`);
    const page = await stack.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await loginConsole(page, stack.serving.url, 'presenter');
    const panel = page.getByRole('region', { name: 'Dinding layar' });
    await panel.getByRole('button', { name: 'Tampilkan Fokus Peta', exact: true }).click();
    await expect.poll(() => wall.evaluate(() => document.body.dataset.layoutId), { timeout: 10_000 }).toBe(FOKUS_PETA);

    await reportCritical('Banjir bandang Kali Lesti di Kepanjen');
    const take = panel.getByRole('button', { name: 'Tampilkan Darurat sekarang' });
    await take.waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('wall-advice').textContent()).toContain('Banjir bandang Kali Lesti');
    await take.click();
    await expect.poll(() => wall.evaluate(() => document.body.dataset.layoutId), { timeout: 10_000 }).toBe(DARURAT);

    const end = panel.getByRole('button', { name: 'Akhiri mode darurat' });
    await end.waitFor();
    expect(await panel.getByTestId('wall-advice').textContent()).toContain('Fokus Peta');
    await end.click();
    await expect.poll(() => wall.evaluate(() => document.body.dataset.layoutId), { timeout: 10_000 }).toBe(FOKUS_PETA);
    await end.waitFor({ state: 'detached' });
    // The incident was acted on: no suggestion comes back for it.
    expect(await take.count()).toBe(0);
    await ctx.close();
    await page.close();
  });
});
