import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv-parser';
import { loadReferenceData } from './reference-data';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\r\n,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['', '', ''],
    ]);
  });

  it('handles a BOM, a missing final newline and rejects an unterminated quote', () => {
    expect(parseCsv('\ufeffa,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('a\n"open')).toThrow(/quoted/);
  });

  it('keys rows by the header and refuses ragged rows', () => {
    expect(parseCsvRecords('id,name\n1,"Desa, Satu"\n')).toEqual([{ id: '1', name: 'Desa, Satu' }]);
    expect(() => parseCsvRecords('id,name\n1,a,b\n')).toThrow(/row 2/);
  });
});

describe('the bundled Kabupaten Malang data', () => {
  it('parses into valid sites with the quirks of places.csv handled', () => {
    const ref = loadReferenceData();
    expect(ref.villages).toHaveLength(390);
    expect(ref.places).toHaveLength(37);
    expect(ref.opd).toHaveLength(38);
    expect(ref.places.find((p) => p.id === 'kebun_teh_wonosari')?.name).toBe(
      'Agrowisata Kebun Teh Wonosari (PTPN XII), Toyomarto',
    );
    expect(ref.places.find((p) => p.id === 'pemkab_lama_agus_salim')).toMatchObject({
      districtCode: null,
      kind: 'facility',
    });
    const ids = [...ref.villages, ...ref.opd, ...ref.places].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
