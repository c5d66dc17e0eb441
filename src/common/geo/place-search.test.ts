import { describe, expect, it } from 'vitest';
import { createPlaceIndex, normaliseName, type PlaceEntry } from './place-search';

const e = (id: string, kind: PlaceEntry['kind'], name: string, context?: string): PlaceEntry => ({
  id,
  kind,
  name,
  context,
  lat: -8,
  lon: 112,
});
const entries: PlaceEntry[] = [
  e('35.07.12', 'kecamatan', 'Sumberpucung'),
  e('35.07.12.2006', 'desa', 'Sumberpucung', 'Kec. Sumberpucung'),
  e('35.07.12.2007', 'desa', 'Karangkates', 'Kec. Sumberpucung'),
  e('35.07.13', 'kecamatan', 'Kepanjen'),
  e('35.07.13.1007', 'desa', 'Penarukan', 'Kec. Kepanjen'),
  e('35.07.24', 'kecamatan', 'Sumbermanjing Wetan'),
  e('DINKES', 'opd', 'Dinas Kesehatan Kabupaten Malang'),
  e('candi_jago', 'place', 'Candi Jago'),
];
const index = createPlaceIndex(entries);
const ids = (q: string) => index.search(q).map((h) => h.entry.id);

describe('place search', () => {
  it('forgives a dropped letter: "sumbrpucung" finds the kecamatan Sumberpucung first, then its desa', () => {
    expect(ids('sumbrpucung').slice(0, 2)).toEqual(['35.07.12', '35.07.12.2006']);
  });

  it('forgives a swapped and a wrong letter', () => {
    expect(ids('kepnajen')[0]).toBe('35.07.13');
    expect(ids('karangkatez')[0]).toBe('35.07.12.2007');
  });

  it('matches inside a name, any case, with or without the Desa/Kecamatan prefix', () => {
    expect(ids('PUCUNG')).toContain('35.07.12');
    expect(ids('Desa Penarukan')[0]).toBe('35.07.13.1007');
    expect(ids('kesehatan')[0]).toBe('DINKES');
    expect(ids('candi jago')[0]).toBe('candi_jago');
  });

  it('finds nothing for a query unlike every name, and nothing for one letter', () => {
    expect(ids('xyzzyqq')).toEqual([]);
    expect(ids('s')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('normalises accents, prefixes and punctuation', () => {
    expect(normaliseName('  Kelurahan  Pagentán, ')).toBe('pagentan');
    expect(normaliseName('Kec. Dau')).toBe('dau');
  });
});
