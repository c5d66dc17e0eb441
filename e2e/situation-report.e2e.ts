/// <reference lib="dom" />
// The printable situation report in Chromium through `nawa serve` against a real hub with seeded incidents and
// decisions: opened from the decision log's export area for a date range, printed by Chromium itself
// (Playwright's page.pdf(), the print CSS of the console page), read back with pdftotext, in both languages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerFor } from '../src/node/signing/signing-test-kit';
import { centralToken, loginConsole, openView, startStack, type Stack } from './support/stack';

let stack: Stack;
let work: string;
beforeAll(async () => {
  stack = await startStack();
  work = mkdtempSync(join(tmpdir(), 'nawa-report-'));
  await seed();
});
afterAll(async () => {
  await stack?.close();
  rmSync(work, { recursive: true, force: true });
});

const SHOTS = process.env.NAWA_SHOTS;
// The briefing's period: 10 and 11 November 2026 (WIB), well before the demo seed's own incidents of today.
const IN = (day: number, hourWib: number) => new Date(Date.UTC(2026, 10, day, hourWib - 7, 15)).toISOString();
const uuid = () => crypto.randomUUID();

async function mutate(username: string, consoleId: string, mutations: unknown[]) {
  const token = await centralToken(stack.hub, username);
  const res = await fetch(`${stack.hub.url}/api/v1/mutations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ consoleId, mutations }),
  });
  const { results } = (await res.json()) as { results: { status: string; seq?: number; error?: unknown }[] };
  for (const r of results) expect(r.status, JSON.stringify(r)).toBe('applied');
  return results;
}

const incident = (title: string, sector: string, reportedAt: string, severity = 3) => ({
  id: uuid(),
  title,
  sector,
  severity,
  status: 'reported',
  districtCode: '35.07.13',
  lat: -8.16,
  lon: 112.48,
  reportedAt,
});
/** The incident's mutations: created as reported, then walked along the lifecycle to `to`. */
function lifecycle(inc: ReturnType<typeof incident>, to: string[], assignedOpd?: string) {
  const clientTime = new Date().toISOString();
  const ms = [{ id: uuid(), entity: 'incident', op: 'upsert', clientTime, data: inc }];
  to.forEach((status, i) =>
    ms.push({
      id: uuid(),
      entity: 'incident',
      op: 'upsert',
      clientTime,
      baseVersion: i + 1,
      data: { ...inc, status, ...(assignedOpd && status !== 'verified' ? { assignedOpd } : {}) },
    } as never),
  );
  return ms;
}

let correctionSeq = 0;
async function seed() {
  // Five incidents in the period (disaster 3: two still open; transport 1; health 1), one the day before.
  await mutate('operator', 'posko-bpbd', [
    ...lifecycle(incident('Banjir Desa Sitiarjo', 'disaster', IN(10, 9), 4), []),
    ...lifecycle(incident('Longsor Desa Kedungsalam', 'disaster', IN(10, 14), 3), ['verified', 'dispatched'], 'BPBD'),
    ...lifecycle(incident('Pohon tumbang Jalan Kepanjen', 'disaster', IN(11, 8), 2), ['closed']),
    ...lifecycle(incident('Lampu lalu lintas mati Gondanglegi', 'transport', IN(11, 10), 2), ['verified']),
    ...lifecycle(
      incident('Puskesmas Dampit kekurangan oksigen', 'health', IN(11, 16), 3),
      ['verified', 'dispatched', 'resolved'],
      'DINKES',
    ),
    ...lifecycle(incident('Banjir kemarin Pagak', 'disaster', IN(9, 12), 4), []),
  ]);
  // Two decisions in the period from another console, the second correcting the first, and one the day before.
  const signer = signerFor('supervisor', 'posko-bpbd');
  const first = signer.sign({
    id: uuid(),
    decidedAt: IN(10, 15),
    summary: 'Evakuasi warga Sitiarjo',
    rationale: 'Air naik 1 m',
    action: 'BPBD dan TNI evakuasi ke balai desa',
    wall: { stateVersion: 41, layout: { id: uuid(), name: 'Darurat banjir', version: 2 } },
  });
  const fix = signer.sign({
    id: uuid(),
    decidedAt: IN(11, 9),
    summary: 'Evakuasi Sitiarjo ke SDN 2',
    rationale: 'Balai desa ikut tergenang',
    action: 'Pindahkan pengungsi ke SDN 2 Sitiarjo',
    supersedes: first.id,
  });
  const before = signer.sign({
    id: uuid(),
    decidedAt: IN(9, 13),
    summary: 'Keputusan hari sebelumnya',
    rationale: '-',
    action: '-',
  });
  const now = new Date().toISOString();
  const results = await mutate('supervisor', 'posko-bpbd', [
    {
      id: uuid(),
      entity: 'signing_key',
      op: 'upsert',
      clientTime: now,
      data: { id: signer.keyId, publicKey: signer.publicKey },
    },
    ...[before, first, fix].map((data) => ({ id: uuid(), entity: 'decision', op: 'upsert', clientTime: now, data })),
  ]);
  correctionSeq = results[3]?.seq ?? 0;
}

async function openReport(page: Page) {
  await page.getByLabel('Dari tanggal').fill('2026-11-10');
  await page.getByLabel('Sampai tanggal').fill('2026-11-11');
  await page.getByRole('button', { name: 'Laporan situasi (PDF)' }).click();
  const report = page.getByTestId('situation-report');
  await report.waitFor({ timeout: 10_000 });
  return report;
}

/** Chromium prints the page (print media, A4 from @page); the text comes back through poppler's pdftotext. */
async function printed(page: Page, name: string) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, `report-${name}`)]);
    writeFileSync(join(SHOTS, `report-${name}.pdf`), pdf);
  }
  return { text, pages, squashed: text.replace(/\s+/g, ' ') };
}

describe('situation report', () => {
  it('prints the period’s incidents by status and sector, the decisions verified, and the KPIs, in Indonesian and English', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    const page = await context.newPage();
    await loginConsole(page, stack.serving.url, 'operator');
    // The report is asked for under the decision log, in the Keputusan view.
    await openView(page, 'Keputusan');
    // The console holds the seeded correction (the feed brought it and it verified).
    const status = page.getByTestId('decision-verified');
    await expect
      .poll(async () => Number((await status.getAttribute('data-seq')) ?? 0), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(correctionSeq);
    const report = await openReport(page);
    await expect
      .poll(() => report.getByTestId('report-incident-total').textContent())
      .toBe('5 insiden dilaporkan dalam periode ini');
    const axe = await new AxeBuilder({ page }).include('.report-layer').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-preview-1366x768.png` });

    const id = await printed(page, 'id');
    expect(id.pages).toBeGreaterThanOrEqual(1);
    expect(id.squashed).toContain('Laporan Situasi');
    expect(id.squashed).toContain('Periode: 10 November 2026 s.d. 11 November 2026 (WIB)');
    expect(id.squashed).toContain('5 insiden dilaporkan dalam periode ini');
    // By status (now): reported 1, verified 1, dispatched 1, resolved 1, closed 1.
    for (const row of ['Dilaporkan 1', 'Terverifikasi 1', 'Ditangani 1', 'Selesai 1', 'Ditutup 1'])
      expect(id.text).toMatch(new RegExp(`^\\s*${row.replace(' ', '\\s+')}\\b`, 'm'));
    // By sector: total and still open.
    expect(id.text).toMatch(/Kebencanaan\s+3\s+2\b/);
    expect(id.text).toMatch(/Transportasi\s+1\s+1\b/);
    expect(id.text).toMatch(/Kesehatan\s+1\s+0\b/);
    expect(id.squashed).toContain('Banjir Desa Sitiarjo');
    expect(id.squashed).not.toContain('Banjir kemarin Pagak');
    expect(id.text).toMatch(/Ditangani\s+BPBD/);
    // Decisions: the two of the period, verified, the correction linked both ways, the wall of the first.
    expect(id.squashed).toContain('2 keputusan dalam periode ini');
    expect(id.squashed).toMatch(/Rantai keputusan terverifikasi sampai #\d+/);
    expect(id.squashed).toContain('Evakuasi warga Sitiarjo');
    expect(id.squashed).toContain('Dikoreksi oleh: Evakuasi Sitiarjo ke SDN 2');
    expect(id.squashed).toContain('Koreksi atas: Evakuasi warga Sitiarjo');
    expect(id.squashed).toContain('Alasan koreksi: Balai desa ikut tergenang');
    expect(id.squashed).toContain('Dinding: Darurat banjir (v41)');
    expect(id.squashed).not.toContain('Keputusan hari sebelumnya');
    expect(id.text).toMatch(/#\d+\s+10 Nov 2026[^\n]*Terverifikasi/);
    expect(id.text).toMatch(/#\d+\s+11 Nov 2026[^\n]*Terverifikasi/);
    // KPIs as they are now (the demo series), with the page numbers of @page.
    expect(id.squashed).toContain('Indikator sektor');
    // Each KPI in words by its series' thresholds (the demo's, for the power load); a series with none says so.
    expect(id.text).toMatch(/Beban listrik\s+\S+\s+MW\s+(Normal|Waspada|Kritis)\b/);
    expect(id.text).toMatch(/Penumpang bus\s+\S+\s+orang\/jam\s+tanpa ambang/);
    expect(id.text).toMatch(/^\s*1\s*\/\s*\d+\s*$/m);

    // English: the same report in the other language.
    await page
      .getByRole('dialog', { name: 'Pratinjau laporan situasi' })
      .getByRole('button', { name: 'Tutup' })
      .click();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Situation report (PDF)' }).click();
    await page.getByTestId('situation-report').waitFor();
    const en = await printed(page, 'en');
    expect(en.squashed).toContain('Situation Report');
    expect(en.squashed).toContain('Period: 10 November 2026 to 11 November 2026 (WIB)');
    expect(en.squashed).toContain('5 incidents reported in this period');
    for (const row of ['Reported 1', 'Verified 1', 'Dispatched 1', 'Resolved 1', 'Closed 1'])
      expect(en.text).toMatch(new RegExp(`^\\s*${row.replace(' ', '\\s+')}\\b`, 'm'));
    expect(en.text).toMatch(/Disaster\s+3\s+2\b/);
    expect(en.squashed).toContain('2 decisions in this period');
    expect(en.squashed).toMatch(/Decision chain verified to #\d+/);
    expect(en.squashed).toContain('Corrected by: Evakuasi Sitiarjo ke SDN 2');
    expect(en.squashed).toContain('Wall: Darurat banjir (v41)');
    expect(en.squashed).toContain('Sector indicators');
    expect(en.text).toMatch(/Beban listrik\s+\S+\s+MW\s+(Normal|Warning|Critical)\b/);
    expect(en.text).toMatch(/Penumpang bus\s+\S+\s+orang\/jam\s+no threshold/);
    expect(en.squashed).not.toContain('insiden dilaporkan');

    // In a browser the button is the browser's own print (headless Chromium shows no dialog: counted instead).
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed++;
      };
    });
    await page.getByRole('button', { name: 'Print / save PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    if (SHOTS) {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.screenshot({ path: `${SHOTS}/report-preview-1920x1080.png` });
      expect(readdirSync(SHOTS).some((f) => f.startsWith('report-id'))).toBe(true);
    }
    await context.close();
  });
});
