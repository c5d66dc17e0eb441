/// <reference lib="dom" />
// The incident workflow in Chromium through `nawa serve` against a real hub: the lifecycle offered as next steps
// only, dispatch to an OPD, notes and the timeline; and the same offline, with decisions on the incident, arriving
// exactly once when the hub returns, the timeline in order and the decision chain verified.
import { mkdirSync } from 'node:fs';
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

const SHOTS = process.env.NAWA_SHOTS;

type FeedChange = { seq: number; entity: string; data: Record<string, unknown> };
async function centralFeed(entities: string): Promise<FeedChange[]> {
  const token = await centralToken(stack.hub, 'viewer');
  const res = await fetch(`${stack.hub.url}/api/v1/changes?since=0&limit=5000&entities=${entities}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { changes: FeedChange[] }).changes;
}

async function reportIncident(page: Page, title: string) {
  await page.getByRole('button', { name: 'Insiden baru' }).click();
  await page.getByLabel('Judul insiden').fill(title);
  await page.getByLabel('Sektor', { exact: true }).selectOption('disaster');
  await page.getByRole('combobox', { name: 'Kecamatan', exact: true }).selectOption({ label: 'Sumbermanjing Wetan' });
  // A new incident starts as reported: the only choice an operator has.
  expect(await page.getByLabel('Status', { exact: true }).locator('option').allTextContents()).toEqual(['Dilaporkan']);
  await page.getByLabel('Tingkat', { exact: true }).selectOption({ label: 'Kritis' });
  await page.getByRole('button', { name: 'Laporkan', exact: true }).click();
  const item = page.getByTestId('incident-item').filter({ hasText: title });
  await item.waitFor({ timeout: 5_000 });
  // The console selects what it just reported.
  await expect.poll(() => item.getAttribute('aria-pressed')).toBe('true');
  return item;
}

async function step(page: Page, label: string, opd?: string) {
  await page.getByLabel('Status', { exact: true }).selectOption({ label });
  if (opd) await page.getByLabel('OPD penanggung jawab').selectOption(opd);
  await page.getByRole('button', { name: 'Simpan perubahan' }).click();
}

const kinds = (page: Page) =>
  page
    .getByTestId('timeline-entry')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-state')}`));

describe('incident workflow', () => {
  it('moves reported -> verified -> dispatched (OPD) -> resolved -> closed, with a note and the timeline in order', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await loginConsole(page, stack.serving.url, 'operator');
    const title = `Tanah longsor Desa Sitiarjo ${Date.now()}`;
    const item = await reportIncident(page, title);
    const status = page.getByLabel('Status', { exact: true });
    await expect
      .poll(() => status.locator('option').allTextContents())
      .toEqual(['Dilaporkan', 'Terverifikasi', 'Ditutup']);
    // Closing a report as false asks why.
    await status.selectOption({ label: 'Ditutup' });
    await page.getByLabel('Alasan menutup laporan palsu').waitFor();
    await status.selectOption({ label: 'Terverifikasi' });
    expect(await page.getByLabel('Alasan menutup laporan palsu').count()).toBe(0);
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Terverifikasi');
    await expect
      .poll(() => status.locator('option').allTextContents())
      .toEqual(['Terverifikasi', 'Ditangani', 'Ditutup']);
    // The SLA clock: a critical report waits for dispatch within 15 minutes.
    await expect.poll(() => item.getByTestId('sla-clock').textContent()).toMatch(/penugasan/);
    await step(page, 'Ditangani', 'BPBD');
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Ditangani');
    await expect.poll(() => status.locator('option').allTextContents()).toEqual(['Ditangani', 'Selesai']);
    await page.getByLabel('Catatan baru').fill('Tim BPBD tiba di lokasi; jalan desa tertutup material');
    await page.getByRole('button', { name: 'Tambah catatan' }).click();
    await step(page, 'Selesai');
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Selesai');
    await expect.poll(() => status.locator('option').allTextContents()).toEqual(['Selesai', 'Ditutup', 'Ditangani']);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/incidents-1920x1080.png` });
    }
    await step(page, 'Ditutup');
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Ditutup');

    const expected = ['created', 'status', 'status', 'assigned', 'note', 'status', 'status'];
    await expect.poll(() => kinds(page), { timeout: 15_000 }).toEqual(expected.map((k) => `${k}:synced`));
    const lines = await page.getByTestId('timeline-entry').allTextContents();
    expect(lines[1]).toContain('Dilaporkan → Terverifikasi');
    expect(lines[3]).toContain('Badan Penanggulangan Bencana Daerah');
    expect(lines[4]).toContain('jalan desa tertutup material');
    expect(lines[6]).toContain('Selesai → Ditutup');

    // The hub holds the same timeline, each event once, in seq order.
    const incident = (await centralFeed('incident')).find((c) => c.data.title === title);
    expect(incident).toBeDefined();
    const events = (await centralFeed('incident_event')).filter((c) => c.data.incidentId === incident!.data.id);
    expect(events.map((e) => e.data.kind)).toEqual(expected);
    expect(events.map((e) => e.data.to ?? null)).toEqual([
      'reported',
      'verified',
      'dispatched',
      'BPBD',
      null,
      'resolved',
      'closed',
    ]);

    // The same timeline reads in English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect
      .poll(async () => (await page.getByTestId('timeline-entry').allTextContents())[6])
      .toContain('changed the status: Resolved → Closed');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await page.close();
  });

  it('filters, and finds an incident by the words of its note (FTS5)', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await loginConsole(page, stack.serving.url, 'operator');
    const items = page.getByTestId('incident-item');
    await expect.poll(() => items.count()).toBeGreaterThan(5);
    await page.getByLabel('Cari insiden').fill('material');
    await expect.poll(() => items.allTextContents()).toEqual([expect.stringContaining('Tanah longsor Desa Sitiarjo')]);
    await page.getByLabel('Cari insiden').fill('');
    await page.getByLabel('Saring sektor').selectOption('traffic');
    await expect.poll(async () => (await items.allTextContents()).every((t) => t.includes('Lalu lintas'))).toBe(true);
    await page.getByLabel('Saring sektor').selectOption('');
    await page.getByLabel('Saring OPD').selectOption('BPBD');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    await page.getByLabel('Saring status').selectOption('dispatched');
    const dispatched = await items.allTextContents();
    expect(dispatched.length).toBeGreaterThan(0);
    for (const t of dispatched) expect(t).toContain('Ditangani');
    if (SHOTS) {
      await page.getByRole('button', { name: 'Hapus saringan' }).click();
      await items.first().click();
      await page.getByTestId('timeline-entry').first().waitFor();
      await page.screenshot({ path: `${SHOTS}/incidents-1366x768.png` });
      await page.locator('.incidents-column').screenshot({ path: `${SHOTS}/incidents-panel-1366x768.png` });
    }
    await page.close();
  });

  it('offline: creates an incident, moves it along, adds a note and records decisions; after the hub returns everything is there once, in order, the chain verified', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await loginConsole(page, stack.serving.url, 'operator');
    const restart = await stack.stopHub();
    await page.getByText('Luring — data dari cache lokal').waitFor({ timeout: 15_000 });
    const title = `Banjir luring Desa Tambakrejo ${Date.now()}`;
    const item = await reportIncident(page, title);
    await step(page, 'Terverifikasi');
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Terverifikasi');
    await step(page, 'Ditangani', 'DPUBM');
    await expect.poll(() => item.textContent(), { timeout: 5_000 }).toContain('Ditangani');
    await page.getByLabel('Catatan baru').fill('Warga diungsikan ke balai desa (luring)');
    await page.getByRole('button', { name: 'Tambah catatan' }).click();
    const expected = ['created', 'status', 'status', 'assigned', 'note'];
    await expect.poll(() => kinds(page), { timeout: 5_000 }).toEqual(expected.map((k) => `${k}:pending`));
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/incidents-offline-1920x1080.png` });

    // Two decisions on the incident, still offline (the form offers the incident picked in the list).
    const summaries = [`Ungsikan warga Tambakrejo ${Date.now()}`, `Buka posko di balai desa ${Date.now()}`];
    await openView(page, 'Keputusan');
    for (const summary of summaries) {
      await page.getByLabel('Ringkasan').fill(summary);
      await page.getByLabel('Alasan').fill('Air naik 40 cm dalam satu jam');
      await page.getByLabel('Tindakan').fill('BPBD dan Tagana dikerahkan');
      expect(await page.getByLabel('Insiden terkait').locator('option:checked').textContent()).toContain(title);
      await page.getByRole('button', { name: 'Catat keputusan' }).click();
      const entry = page.getByTestId('decision-item').filter({ hasText: summary });
      await entry.waitFor({ timeout: 5_000 });
      expect(await entry.getAttribute('data-state')).toBe('pending');
    }
    await openView(page, 'Peta & Insiden');

    await restart();
    await expect.poll(() => kinds(page), { timeout: 30_000 }).toEqual(expected.map((k) => `${k}:synced`));
    const incidents = (await centralFeed('incident')).filter((c) => c.data.title === title);
    expect(new Set(incidents.map((c) => c.data.id)).size).toBe(1);
    expect(incidents.map((c) => c.data.status)).toEqual(['reported', 'verified', 'dispatched']);
    const id = incidents[0]!.data.id;
    const events = (await centralFeed('incident_event')).filter((c) => c.data.incidentId === id);
    expect(events.map((e) => e.data.kind)).toEqual(expected);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    const notes = (await centralFeed('incident_note')).filter((c) => c.data.incidentId === id);
    expect(notes.map((n) => n.data.text)).toEqual(['Warga diungsikan ke balai desa (luring)']);
    await expect.poll(() => page.getByTestId('incident-item').filter({ hasText: title }).count()).toBe(1);

    // Each decision once, tied to the incident, on one chain that verifies; the console says so too.
    await openView(page, 'Keputusan');
    for (const summary of summaries)
      await expect
        .poll(() => page.getByTestId('decision-item').filter({ hasText: summary }).getAttribute('data-state'), {
          timeout: 30_000,
        })
        .toBe('synced');
    const decisions = (await centralFeed('decision')).map((c) => c.data);
    const ours = decisions.filter((d) => summaries.includes(d.summary as string));
    expect(ours.map((d) => d.summary)).toEqual(summaries);
    for (const d of ours) expect(d.incidentId).toBe(id);
    expect(verifyDecisionChain(decisions as never)).toMatchObject({ ok: true });
    const last = Math.max(...ours.map((d) => d.seq as number));
    await expect
      .poll(async () => Number((await page.getByTestId('decision-verified').getAttribute('data-seq')) ?? 0), {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(last);
    expect(await page.getByTestId('decision-verified').textContent()).toMatch(/^terverifikasi sampai #\d+$/);
    await page.close();
  });
});
