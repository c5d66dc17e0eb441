// Which boundary holds a point: even-odd ray casting over GeoJSON rings ([lon, lat]), holes included.
// Pure so the console, the host and tests agree on the kecamatan of a clicked point.
export type Ring = readonly (readonly number[])[];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: readonly Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: readonly (readonly Ring[])[];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(lon, lat, outer)) return false;
  return !holes.some((h) => inRing(lon, lat, h));
}

export function pointInGeometry(lon: number, lat: number, g: AreaGeometry): boolean {
  if (g.type === 'Polygon') return inPolygon(lon, lat, g.coordinates);
  return g.coordinates.some((p) => inPolygon(lon, lat, p));
}

export interface AreaFeature<P> {
  geometry: AreaGeometry;
  properties: P;
}

/** The first feature whose boundary holds the point, or null when it lies outside all of them. */
export function findContaining<P>(
  features: readonly AreaFeature<P>[],
  lon: number,
  lat: number,
): AreaFeature<P> | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  for (const f of features) if (pointInGeometry(lon, lat, f.geometry)) return f;
  return null;
}
