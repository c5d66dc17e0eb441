/// <reference lib="dom" />
// The decision log in Chromium through `nawa serve` against a real hub: how far the console verified it
// ("terverifikasi sampai #N", chain and signatures), a correction from another console shown struck through with its link, and CSV export.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerFor } from '../src/node/signing/signing-test-kit';
import { centralToken, loginConsole, openView, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

async function correctFromAnotherConsole(supersedes: string, summary: string) {
  const token = await centralToken(stack.hub, 'supervisor');
  const now = new Date().toISOString();
  // That console publishes its supervisor's key, then the decision signed with it (v1.1), in one call.
  const signer = signerFor('supervisor', 'posko-bpbd');
  const decision = signer.sign({
    id: crypto.randomUUID(),
    decidedAt: now,
    summary,
    rationale: 'Data BMKG diperbarui',
    action: 'Posko tetap buka',
    supersedes,
  });
  const res = await fetch(`${stack.hub.url}/api/v1/mutations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      consoleId: 'posko-bpbd',
      mutations: [
        {
          id: crypto.randomUUID(),
          entity: 'signing_key',
          op: 'upsert',
          clientTime: now,
          data: { id: signer.keyId, publicKey: signer.publicKey },
        },
        { id: crypto.randomUUID(), entity: 'decision', op: 'upsert', clientTime: now, data: decision },
      ],
    }),
  });
  return ((await res.json()) as { results: { status: string; seq: number }[] }).results[1];
}

describe('decision log', () => {
  it('verifies the chain to the newest decision, strikes through a corrected one, and exports CSV', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await loginConsole(page, stack.serving.url, 'operator');
    await openView(page, 'Keputusan');
    const summary = `=SUM(A1) Tutup jalan Dampit ${Date.now()}`;
    await page.getByLabel('Ringkasan').fill(summary);
    await page.getByLabel('Alasan').fill('Longsor; material di badan jalan');
    await page.getByLabel('Tindakan').fill('DPUBM membersihkan jalan');
    await page.getByRole('button', { name: 'Catat keputusan' }).click();
    const first = page.getByTestId('decision-item').filter({ hasText: summary });
    await expect.poll(() => first.getAttribute('data-state'), { timeout: 15_000 }).toBe('synced');
    // By id from here on: the correction's own entry names this summary too.
    const id = await first.getAttribute('data-id');
    const item = page.locator(`[data-testid="decision-item"][data-id="${id}"]`);
    const seq = (await item.textContent())?.match(/#(\d+)/)?.[1];
    expect(seq).toBeDefined();
    const status = page.getByTestId('decision-verified');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`terverifikasi sampai #${seq}`);

    const fix = await correctFromAnotherConsole(id!, 'Koreksi: jalan Dampit dibuka satu lajur');
    expect(fix?.status).toBe('applied');
    await expect.poll(() => item.getAttribute('data-superseded'), { timeout: 15_000 }).toBe('true');
    expect(await item.locator('s').textContent()).toBe(summary);
    const link = item.getByRole('link', { name: 'Dikoreksi oleh: Koreksi: jalan Dampit dibuka satu lajur' });
    expect(await link.getAttribute('href')).toMatch(/^#decision-/);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(`terverifikasi sampai #${fix?.seq}`);
    const correction = page
      .getByTestId('decision-item')
      .filter({ hasText: 'Koreksi: jalan Dampit dibuka satu lajur' })
      .filter({ has: page.getByRole('link', { name: /^Koreksi atas:/ }) });
    expect(await correction.getByRole('link').getAttribute('href')).toBe(`#decision-${id}`);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor CSV' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'seq;decidedAt;operatorId;consoleId;incidentId;incidentTitle;summary;rationale;action;supersedes;hash;wallLayoutId;wallLayout;wallStateVersion',
    );
    const ours = lines.find((l) => l.includes('Tutup jalan Dampit'));
    expect(ours).toContain(`;'${summary};"Longsor; material di badan jalan";DPUBM membersihkan jalan;`);
    expect(lines.filter((l) => l.startsWith(`${fix?.seq};`))[0]).toContain(`;${id};`);
    if (process.env.NAWA_SHOTS) {
      await page.screenshot({ path: `${process.env.NAWA_SHOTS}/decision-log-1366x900.png` });
      await page.locator('.decision-log').screenshot({ path: `${process.env.NAWA_SHOTS}/decision-log-panel.png` });
    }
    await page.close();
  });
});
