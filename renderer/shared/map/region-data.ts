// Bundled boundaries of Kabupaten Malang (cahyadsn/wilayah_boundaries, MIT): the base map of an offline room.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import kecamatanRaw from '../../../resources/data/kecamatan_kab_malang.geojson?raw';
import boundaryRaw from '../../../resources/data/kabupaten_malang_boundary.geojson?raw';

export interface KecamatanProps {
  kode: string;
  nama: string;
}
export type KecamatanFeature = Feature<Polygon | MultiPolygon, KecamatanProps>;

export const kecamatan = JSON.parse(kecamatanRaw) as FeatureCollection<Polygon | MultiPolygon, KecamatanProps>;
export const regencyBoundary = JSON.parse(boundaryRaw) as FeatureCollection<Polygon | MultiPolygon>;

const names = new Map(kecamatan.features.map((f) => [f.properties.kode, f.properties.nama]));

/** Name of a kecamatan by its Kemendagri code (35.07.xx); the code itself when unknown. */
export function kecamatanName(kode: string): string {
  return names.get(kode) ?? kode;
}
