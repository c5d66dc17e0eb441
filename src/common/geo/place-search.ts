// Finds desa, kecamatan, places and OPD by name, forgiving typos ("sumbrpucung") and matching inside names
// ("pucung"). fuse.js does the scoring; this file decides what is searched and in what order ties come.
import Fuse from 'fuse.js';

export const PLACE_KINDS = ['kecamatan', 'desa', 'place', 'opd'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceEntry {
  /** Kemendagri code for kecamatan and desa, the site id for places and OPD. */
  id: string;
  kind: PlaceKind;
  name: string;
  /** Shown beside the name, e.g. the kecamatan of a desa; searched too, with less weight. */
  context?: string;
  lat: number;
  lon: number;
}

export interface PlaceHit {
  entry: PlaceEntry;
  score: number;
}

const KIND_ORDER: Record<PlaceKind, number> = { kecamatan: 0, desa: 1, place: 2, opd: 3 };

/** Lower case, no accents, "Desa"/"Kelurahan" prefixes and punctuation dropped, spaces squeezed. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(desa|kelurahan|kecamatan|kec\.?)\s+/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface PlaceIndex {
  search(query: string, limit?: number): PlaceHit[];
}

export function createPlaceIndex(entries: readonly PlaceEntry[]): PlaceIndex {
  const docs = entries.map((entry) => ({
    entry,
    name: normaliseName(entry.name),
    squeezed: normaliseName(entry.name).replace(/ /g, ''),
    context: normaliseName(entry.context ?? ''),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'squeezed', weight: 2 },
      { name: 'context', weight: 0.5 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.34,
    minMatchCharLength: 2,
  });
  return {
    search(query, limit = 8) {
      const q = normaliseName(query);
      if (q.length < 2) return [];
      const hits = fuse.search(q).map((r) => ({ entry: r.item.entry, name: r.item.name, score: r.score ?? 1 }));
      // A kecamatan and its desa of the same name rank together (at the better score), the larger area first.
      const best = new Map<string, number>();
      for (const h of hits) best.set(h.name, Math.min(best.get(h.name) ?? 1, h.score));
      return hits
        .sort(
          (a, b) =>
            best.get(a.name)! - best.get(b.name)! ||
            a.name.localeCompare(b.name) ||
            KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind],
        )
        .map(({ entry, score }) => ({ entry, score }))
        .slice(0, limit);
    },
  };
}
