/// <reference lib="dom" />
// Signed decisions in the browser: the decision log says how far it is verified, and a decision rewritten in the
// hub's database (chain recomputed, published again) shows the tamper alarm in the header while the log keeps
// the original text.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteInHubDb } from '../src/node/signing/signing-test-kit';
import { centralToken, loginConsole, openView, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('decision log trust', () => {
  it('shows "terverifikasi sampai #N", then the tamper alarm to a viewer, keeping the original decision', async () => {
    const page = await stack.browser.newPage();
    await loginConsole(page, stack.serving.url, 'viewer');
    await openView(page, 'Keputusan');
    const verified = page.getByTestId('decision-verified');
    await expect.poll(() => verified.textContent(), { timeout: 15_000 }).toMatch(/^terverifikasi sampai #\d+$/);
    expect(await page.getByTestId('tamper-alarm').count()).toBe(0);

    const token = await centralToken(stack.hub, 'operator');
    const feed = (await (
      await fetch(`${stack.hub.url}/api/v1/changes?since=0&entities=decision&limit=5000`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { changes: { data: { id: string; summary: string } }[] };
    const target = feed.changes[1]!.data;
    await expect.poll(() => page.getByTestId('decision-item').filter({ hasText: target.summary }).count()).toBe(1);

    await rewriteInHubDb(join(stack.dir, 'hub.db'), target.id, 'Teks yang dipalsukan');
    // Any later write of the hub's own wakes its streams, which then carry the forged change too.
    const incident = {
      id: crypto.randomUUID(),
      title: 'Pohon tumbang di Jalan Kepanjen',
      sector: 'disaster',
      severity: 2,
      status: 'reported',
      districtCode: '35.07.13',
      lat: -8.13,
      lon: 112.57,
      assignedOpd: 'BPBD',
      reportedAt: new Date().toISOString(),
    };
    const res = await fetch(`${stack.hub.url}/api/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        consoleId: 'e2e',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'incident',
            op: 'upsert',
            data: incident,
            clientTime: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(res.status).toBe(200);

    const alarm = page.getByTestId('tamper-alarm');
    await expect.poll(() => alarm.count(), { timeout: 15_000 }).toBe(1);
    expect(await alarm.getAttribute('role')).toBe('alert');
    expect(await alarm.textContent()).toMatch(/log keputusan tidak cocok/);
    expect(await page.getByTestId('decision-item').filter({ hasText: target.summary }).count()).toBe(1);
    expect(await page.getByTestId('decision-item').filter({ hasText: 'Teks yang dipalsukan' }).count()).toBe(0);
    await page.close();
  });
});
