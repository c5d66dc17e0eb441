// What the map's search box looks through: the bundled kecamatan and desa, and the sites the host knows
// (places, OPD offices). Kecamatan of a clicked point come from the same boundaries.
import { createPlaceIndex, type PlaceEntry, type PlaceIndex } from '../../../src/common/geo/place-search';
import { findContaining, type AreaFeature, type AreaGeometry } from '../../../src/common/geo/point-in-polygon';
import type { Site } from '../../../src/common/entities';
import { desaList } from './desa-data';
import { kecamatan, kecamatanName, type KecamatanProps } from './region-data';

const kecamatanEntries: PlaceEntry[] = kecamatan.features.map((f) => {
  const p = f.properties as KecamatanProps & { centroid_lat?: number; centroid_lon?: number };
  return { id: p.kode, kind: 'kecamatan', name: p.nama, lat: Number(p.centroid_lat), lon: Number(p.centroid_lon) };
});

const desaEntries: PlaceEntry[] = desaList.map((d) => ({
  id: d.kode,
  kind: 'desa',
  name: d.nama,
  context: `${d.jenis === 'kelurahan' ? 'Kel.' : 'Desa'} · Kec. ${d.kecamatanNama}`,
  lat: d.lat,
  lon: d.lon,
}));

export function sitePlaceEntries(sites: readonly Site[]): PlaceEntry[] {
  return sites
    .filter((s) => s.kind !== 'village')
    .map((s) => ({
      id: s.id,
      kind: s.kind === 'opd' ? 'opd' : 'place',
      name: s.name,
      context: s.districtCode ? kecamatanName(s.districtCode) : undefined,
      lat: s.lat,
      lon: s.lon,
    }));
}

export function buildPlaceIndex(sites: readonly Site[]): PlaceIndex {
  return createPlaceIndex([...kecamatanEntries, ...desaEntries, ...sitePlaceEntries(sites)]);
}

const kecamatanAreas = kecamatan.features as unknown as AreaFeature<KecamatanProps>[];

/** The kecamatan whose boundary holds the point, or null outside the regency. */
export function kecamatanAt(lat: number, lon: number): KecamatanProps | null {
  return findContaining(kecamatanAreas, lon, lat)?.properties ?? null;
}

export type { AreaGeometry };
