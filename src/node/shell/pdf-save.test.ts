// The shell's "save as PDF": fakes stand in for Electron's webContents and save dialog only; the file is real.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportFileName } from '../../common/pdf-save';
import { PDF_OPTIONS, mayPrint, savePagePdf, type PdfPrintOptions, type PdfSaveDeps } from './pdf-save';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-pdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PDF = new TextEncoder().encode('%PDF-1.7\n% a printed page\n%%EOF\n');

class FakeContents {
  calls: PdfPrintOptions[] = [];
  constructor(private readonly fail = false) {}
  printToPDF(options: PdfPrintOptions): Promise<Uint8Array> {
    this.calls.push(options);
    return this.fail ? Promise.reject(new Error('renderer gone')) : Promise.resolve(PDF);
  }
}

function deps(answer: { canceled: boolean; filePath?: string }) {
  const asked: Parameters<PdfSaveDeps['dialog']['show']>[0][] = [];
  const d: PdfSaveDeps = {
    dialog: {
      show: (options) => {
        asked.push(options);
        return Promise.resolve(answer);
      },
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    documentsDir: '/home/operator/Dokumen',
  };
  return { d, asked };
}

const request = { fileName: reportFileName('2026-12-01', '2026-12-02'), title: 'Simpan laporan situasi' };

describe('saving the console page as a PDF', () => {
  it('prints with the page’s own page size, asks where, and writes the bytes', async () => {
    const contents = new FakeContents();
    const target = join(dir, 'briefing');
    const { d, asked } = deps({ canceled: false, filePath: target });
    const result = await savePagePdf('app://nawa/', contents, request, d);
    expect(result).toEqual({ status: 'saved', path: `${target}.pdf`, bytes: PDF.byteLength });
    expect(readFileSync(`${target}.pdf`)).toEqual(Buffer.from(PDF));
    expect(contents.calls).toEqual([PDF_OPTIONS]);
    expect(contents.calls[0]?.preferCSSPageSize).toBe(true);
    expect(asked).toEqual([
      {
        title: 'Simpan laporan situasi',
        defaultPath: '/home/operator/Dokumen/laporan-situasi-2026-12-01_2026-12-02.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      },
    ]);
  });

  it('writes nothing when the operator cancels, and says so', async () => {
    const { d } = deps({ canceled: true, filePath: '' });
    expect(await savePagePdf('app://nawa/', new FakeContents(), request, d)).toEqual({ status: 'cancelled' });
    expect(existsSync(join(dir, 'briefing.pdf'))).toBe(false);
  });

  it('refuses pages other than the console, and names that are not plain file names', async () => {
    for (const url of ['app://nawa/wall/3', 'https://evil.example/', 'file:///etc/passwd', undefined]) {
      const contents = new FakeContents();
      const { d, asked } = deps({ canceled: false, filePath: join(dir, 'x.pdf') });
      expect(await savePagePdf(url, contents, request, d)).toMatchObject({ status: 'failed' });
      expect(contents.calls).toHaveLength(0);
      expect(asked).toHaveLength(0);
    }
    expect(mayPrint('app://nawa/?lang=en')).toBe(true);
    for (const fileName of ['../../.bashrc.pdf', '/tmp/x.pdf', 'laporan.exe', '.pdf', 'a'.repeat(120) + '.pdf', 7]) {
      const contents = new FakeContents();
      const { d } = deps({ canceled: false, filePath: join(dir, 'x.pdf') });
      const r = await savePagePdf('app://nawa/', contents, { ...request, fileName }, d);
      expect(r, String(fileName)).toMatchObject({ status: 'failed' });
      expect(contents.calls).toHaveLength(0);
    }
    const { d } = deps({ canceled: false, filePath: join(dir, 'x.pdf') });
    expect(await savePagePdf('app://nawa/', new FakeContents(), { ...request, title: 'a\u202Eb' }, d)).toMatchObject({
      status: 'failed',
    });
  });

  it('reports a print or write failure instead of throwing', async () => {
    const printing = deps({ canceled: false, filePath: join(dir, 'x.pdf') });
    expect(await savePagePdf('app://nawa/', new FakeContents(true), request, printing.d)).toEqual({
      status: 'failed',
      reason: 'printing failed: renderer gone',
    });
    expect(printing.asked).toHaveLength(0);
    const { d } = deps({ canceled: false, filePath: join(dir, 'no-such-folder', 'x.pdf') });
    const r = await savePagePdf('app://nawa/', new FakeContents(), request, d);
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.reason).toMatch(/^writing .*x\.pdf failed: ENOENT/);
  });

  it('names the file after the period, open ends in words', () => {
    expect(reportFileName('', '')).toBe('laporan-situasi-awal_kini.pdf');
    expect(reportFileName('2026-12-01', '')).toBe('laporan-situasi-2026-12-01_kini.pdf');
    expect(reportFileName('2026-12-01/../x', '2026-12-02')).toBe('laporan-situasi-awal_2026-12-02.pdf');
  });
});
