// The 390 desa/kelurahan of the regency (cahyadsn/wilayah_boundaries, MIT). Names and centroids are small and
// load with the page; the polygons (1.3 MB) load on first use, from the bundle, so they work offline too.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import desaCsv from '../../../resources/data/desa_kelurahan.csv?raw';

export interface Desa {
  kode: string;
  nama: string;
  jenis: 'desa' | 'kelurahan';
  kecamatanKode: string;
  kecamatanNama: string;
  lat: number;
  lon: number;
}
export interface DesaProps {
  kode: string;
  nama: string;
  kecamatan_kode: string;
  jenis: string;
}
export type DesaCollection = FeatureCollection<Polygon | MultiPolygon, DesaProps>;

function parseDesa(csv: string): Desa[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const cols = (header ?? '').split(',');
  const at = (name: string) => cols.indexOf(name);
  const idx = {
    code: at('code'),
    name: at('name'),
    type: at('type'),
    kec: at('kecamatan_code'),
    kecName: at('kecamatan_name'),
    lat: at('lat'),
    lon: at('lon'),
  };
  return lines
    .map((line) => {
      // No field of this file is quoted (checked when it was bundled), so a plain split is exact.
      const f = line.split(',');
      return {
        kode: f[idx.code] ?? '',
        nama: f[idx.name] ?? '',
        jenis: f[idx.type] === 'kelurahan' ? 'kelurahan' : 'desa',
        kecamatanKode: f[idx.kec] ?? '',
        kecamatanNama: f[idx.kecName] ?? '',
        lat: Number(f[idx.lat]),
        lon: Number(f[idx.lon]),
      } satisfies Desa;
    })
    .filter((d) => d.kode && Number.isFinite(d.lat) && Number.isFinite(d.lon));
}

export const desaList: readonly Desa[] = parseDesa(desaCsv);

let boundaries: Promise<DesaCollection> | null = null;

export function loadDesaBoundaries(): Promise<DesaCollection> {
  boundaries ??= import('../../../resources/data/desa_kelurahan_kab_malang.geojson?raw')
    .then((m) => JSON.parse(m.default) as DesaCollection)
    .catch((e: unknown) => {
      boundaries = null;
      throw e;
    });
  return boundaries;
}
