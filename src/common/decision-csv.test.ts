import { describe, expect, it } from 'vitest';
import { csvCell, decisionsCsv, type CsvDecision } from './decision-csv';

const d = (over: Partial<CsvDecision> = {}): CsvDecision => ({
  seq: 12,
  decidedAt: '2026-12-01T03:00:00.000Z',
  operatorId: 'operator',
  consoleId: 'posko',
  summary: 'Kirim tim BPBD',
  rationale: 'Air naik',
  action: 'Evakuasi',
  hash: 'ab'.repeat(32),
  ...over,
});

describe('decision CSV', () => {
  it('starts with a BOM and a header, ends rows with CRLF', () => {
    const csv = decisionsCsv([d()]);
    expect(
      csv.startsWith(
        '\uFEFFseq,decidedAt,operatorId,consoleId,incidentId,incidentTitle,summary,rationale,action,supersedes,hash,wallLayoutId,wallLayout,wallStateVersion\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith(`${'ab'.repeat(32)},,,\r\n`)).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('makes formulas inert and quotes separators, quotes and line breaks', () => {
    expect(csvCell('=HYPERLINK("http://x")', ',')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+62 812', ',')).toBe("'+62 812");
    expect(csvCell('-1', ',')).toBe("'-1");
    expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvCell('Air naik, hujan deras', ',')).toBe('"Air naik, hujan deras"');
    expect(csvCell('Air naik, hujan deras', ';')).toBe('Air naik, hujan deras');
    expect(csvCell('satu; dua', ';')).toBe('"satu; dua"');
    expect(csvCell('baris 1\nbaris 2', ',')).toBe('"baris 1\nbaris 2"');
    expect(csvCell(null, ',')).toBe('');
    expect(csvCell('Ketinggian 50 cm', ',')).toBe('Ketinggian 50 cm');
  });

  it('writes semicolons between cells with the Indonesian option', () => {
    const csv = decisionsCsv([d({ rationale: 'Air naik, 1,5 m' })], ';');
    expect(csv.split('\r\n')[1]).toBe(
      `12;2026-12-01T03:00:00.000Z;operator;posko;;;Kirim tim BPBD;Air naik, 1,5 m;Evakuasi;;${'ab'.repeat(32)};;;`,
    );
  });

  it('ends a row with the wall layout the decision recorded', () => {
    const csv = decisionsCsv([
      d({ wallLayoutId: '7f000000-0000-4000-8000-000000000001', wallLayout: 'Banjir; Dampit', wallStateVersion: 14 }),
    ]);
    expect(
      csv.split('\r\n')[1]!.endsWith(`${'ab'.repeat(32)},7f000000-0000-4000-8000-000000000001,Banjir; Dampit,14`),
    ).toBe(true);
    expect(decisionsCsv([d({ wallLayout: 'Banjir; Dampit' })], ';')).toContain(';"Banjir; Dampit";');
  });
});
