// Every entity the console writes, declared once. The rules that settle a write (outbox.ts) are the same for all;
// what differs per entity is only this: how a second write of a record that still waits names its base version,
// what an applied answer lets the console hold as the central copy before the feed brings it, and where that
// central copy lives. A new synced entity adds one entry here (and its table in a migration).
import { canonicalJson } from '../../common/canonical-json';
import type { Mutation, MutationResult } from '../../common/central-api';
import { Decision, Incident, Layout, Series } from '../../common/entities';

/**
 * none: records are written once (decisions); chain: the next write expects the version the waiting one will
 * produce, so they apply in order or conflict together (incidents); replace: the waiting write is dropped and the
 * new one carries its base (layouts: chained edits sent in one call could apply over someone else's change).
 */
export type BaseRule = 'none' | 'chain' | 'replace';

export interface CentralCopy {
  id: string;
  version?: number;
}

export interface SyncedEntity {
  /** The table of central copies: `id` is the record id. */
  table: string;
  base: BaseRule;
  /** The central record an applied answer describes, or null when only the feed can tell (decisions: the hash chain). */
  made(m: Mutation, result: MutationResult): CentralCopy | null;
  /** A record the central side sent (a conflict's `current`), or null when it is not one. */
  parse(record: unknown): CentralCopy | null;
  /** Upserts a central copy (named parameters: the record and its canonical JSON as `json`). */
  keepSql: string;
  /** A refused write the operator dismissed from review still shows in the entity's own list (the decision log). */
  keepsDismissed?: boolean;
}

const parsed =
  <T extends CentralCopy>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
  (record: unknown): CentralCopy | null => {
    const r = schema.safeParse(record);
    return r.success ? r.data : null;
  };

export const SYNCED = {
  decision: {
    table: 'decisions',
    base: 'none',
    made: () => null,
    parse: parsed(Decision),
    keepSql: `INSERT INTO decisions (id, data, seq, hash, state, error, recorded_at) VALUES (@id, @json, @seq, @hash, 'synced', NULL, @decidedAt)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq, hash = excluded.hash, state = 'synced', error = NULL`,
    keepsDismissed: true,
  },
  incident: {
    table: 'incidents',
    base: 'chain',
    made: (m, r) =>
      r.version === undefined
        ? null
        : ({
            ...m.data,
            assignedOpd: m.data.assignedOpd ?? null,
            updatedAt: m.clientTime,
            version: r.version,
          } as unknown as Incident),
    parse: parsed(Incident),
    keepSql: `INSERT INTO incidents (id, data, version, updated_at) VALUES (@id, @json, @version, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at
      WHERE excluded.version > incidents.version OR (@orEqual AND excluded.version = incidents.version)`,
  },
  layout: {
    table: 'layouts',
    base: 'replace',
    made: (m, r) =>
      r.version === undefined
        ? null
        : ({ ...m.data, version: r.version, updatedAt: m.clientTime } as unknown as Layout),
    parse: parsed(Layout),
    keepSql: `INSERT INTO layouts (id, data, version) VALUES (@id, @json, @version)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version
      WHERE excluded.version > layouts.version OR (@orEqual AND excluded.version = layouts.version)`,
  },
  // A key is written once and is central only when the feed brings it (with the owner the hub took from the
  // token): an applied answer leaves the row `applied` until then, and a key never conflicts.
  signing_key: {
    table: 'signing_keys',
    base: 'none',
    made: () => null,
    parse: () => null,
    keepSql: 'SELECT 1 WHERE @id IS NULL',
  },
  // Notes are append only; the hub sets when and by whom, so only the feed's copy is central (like keys).
  incident_note: {
    table: 'incident_notes',
    base: 'none',
    made: () => null,
    parse: () => null,
    keepSql: 'SELECT 1 WHERE @id IS NULL',
  },
  // A supervisor's thresholds (v1.1): an upsert of the series with its other fields as held. Only the last of
  // several waiting edits matters (replace); the central copy keeps its fields and takes the thresholds.
  series: {
    table: 'series',
    base: 'replace',
    made: (m, r) => (r.version === undefined ? null : { ...(m.data as Series), version: r.version }),
    parse: parsed(Series),
    keepSql: `INSERT INTO series (id, sector, name, unit, site_id, thresholds, version) VALUES (@id,
        json_extract(@json, '$.sector'), json_extract(@json, '$.name'), json_extract(@json, '$.unit'),
        json_extract(@json, '$.siteId'), json_extract(@json, '$.thresholds'), COALESCE(@version, 0))
      ON CONFLICT (id) DO UPDATE SET thresholds = excluded.thresholds, version = excluded.version
      WHERE excluded.version > series.version OR (@orEqual AND excluded.version = series.version)`,
  },
} as const satisfies Record<string, SyncedEntity>;

export type SyncedEntityName = keyof typeof SYNCED;

export function syncedEntity(name: string): SyncedEntity | null {
  return Object.hasOwn(SYNCED, name) ? SYNCED[name as SyncedEntityName] : null;
}

/** The named parameters of keepSql for one record. */
export function keepParams(record: CentralCopy, orEqual: boolean): Record<string, unknown> {
  const r = record as CentralCopy & Record<string, unknown>;
  return {
    id: r.id,
    version: r.version ?? null,
    json: canonicalJson(record),
    orEqual: orEqual ? 1 : 0,
    seq: r.seq ?? null,
    hash: r.hash ?? null,
    decidedAt: r.decidedAt ?? null,
    updatedAt: r.updatedAt ?? null,
  };
}
