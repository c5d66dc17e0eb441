// Kabupaten Malang reference data bundled in resources/data, read as sites of the central API.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Site } from '../../common/entities';
import { parseCsvRecords } from './csv-parser';

/** Resolved from this file, not the working directory, so `nawa hub` works from anywhere. */
export const DATA_DIR = fileURLToPath(new URL('../../../resources/data/', import.meta.url));

// places.csv kinds that a visitor goes to; the rest (offices, hospitals, stations, dams) are facilities.
const TOURISM_KINDS = new Set([
  'tourism',
  'heritage',
  'religious_tourism',
  'beach',
  'beach_port',
  'nature_reserve',
  'mountain',
  'gateway',
  'gateway_outside',
]);
const GOVERNMENT_COMPLEX = 'setda_kab_malang';

export interface Village extends Site {
  kecamatanName: string;
}
export interface ReferenceData {
  villages: Village[];
  opd: Site[];
  places: Site[];
}

function read(name: string): Record<string, string>[] {
  return parseCsvRecords(readFileSync(DATA_DIR + name, 'utf8'));
}

function num(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n))
    throw new Error(`reference data: ${what} is not a number`);
  return n;
}

export function loadReferenceData(): ReferenceData {
  const villages = read('desa_kelurahan.csv').map((r) => ({
    ...Site.parse({
      id: r.code,
      kind: 'village',
      name: r.type === 'kelurahan' ? `Kelurahan ${r.name}` : `Desa ${r.name}`,
      districtCode: r.kecamatan_code,
      lat: num(r.lat, `lat of ${r.code}`),
      lon: num(r.lon, `lon of ${r.code}`),
    }),
    kecamatanName: r.kecamatan_name ?? '',
  }));

  const places = read('places.csv').map((r) =>
    Site.parse({
      id: r.id,
      kind: TOURISM_KINDS.has(r.kind ?? '') ? 'tourism' : 'facility',
      name: r.name,
      districtCode: r.kecamatan_code || null,
      lat: num(r.lat, `lat of ${r.id}`),
      lon: num(r.lon, `lon of ${r.id}`),
    }),
  );

  const complex = places.find((p) => p.id === GOVERNMENT_COMPLEX);
  if (!complex) throw new Error(`reference data: places.csv has no ${GOVERNMENT_COMPLEX}`);
  // The KECAMATAN row stands for 33 offices across the regency, not one office in Kepanjen.
  const offices = read('opd.csv').filter((r) => r.category !== 'kecamatan');
  const opd = offices.map((r, i) => {
    // Spread on a small spiral (about 100 m apart) so the offices do not hide one another on the map.
    const angle = i * 2.399963;
    const radius = 0.0009 * Math.sqrt(i + 1);
    return Site.parse({
      id: (r.abbrev ?? '').trim().replace(/\s+/g, '-'),
      kind: 'opd',
      name: r.name,
      districtCode: complex.districtCode,
      lat: round6(complex.lat + radius * Math.sin(angle)),
      lon: round6(complex.lon + radius * Math.cos(angle)),
    });
  });
  return { villages, opd, places };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
