// Fills a hub's SQLite file with a regency's worth of central changes directly (not through 1M HTTP calls):
// mostly sector readings, link statuses of the 390+ sites, incident versions, and a valid decision chain.
import { createHash } from 'node:crypto';
import type { SqliteHubStorage } from '../src/node/hub/sqlite-hub-storage';
import { decisionHashInput, GENESIS_HASH } from '../src/common/canonical-json';
import { localSigner } from '../src/node/signing/local-signer';

export interface Mix {
  readings: number;
  statuses: number;
  incidents: number;
  decisions: number;
}

/** About 1,000,000 changes: 90% readings, 7% statuses, 2.5% incident versions, 0.5% decisions. */
export const MILLION: Mix = { readings: 900_000, statuses: 70_000, incidents: 25_000, decisions: 5_000 };

const iso = (t: number) => new Date(t).toISOString();

/** What the generator needs to know of the hub it appends to. */
export interface CentralStart {
  sites: string[];
  series: string[];
  /** The hub's last seq. */
  seq: number;
  /** Versions held of status records, by `entity:id`. */
  versions: Map<string, number>;
  /** The hash of the newest decision, if any. */
  headHash?: string;
}

export interface CentralRow {
  seq: number;
  entity: string;
  id: string;
  version: number;
  json: string;
}

/** Generates the changes in feed order and hands each to `emit`; returns the last seq. */
export function generateCentralChanges(
  at: CentralStart,
  mix: Mix,
  emit: (row: CentralRow) => void,
  start = Date.UTC(2026, 9, 1),
): number {
  const { sites, series, versions } = at;
  let seq = at.seq;
  const put = (entity: string, id: string, data: (s: number, v: number) => unknown) => {
    // Readings and decisions are written once: only statuses and incidents have versions to count (a map of a
    // million reading ids would stay behind as garbage and its collection would show up as catch-up lag).
    const key = `${entity}:${id}`;
    const counted = entity === 'status' || entity === 'incident';
    const version = counted ? (versions.get(key) ?? 0) + 1 : 1;
    if (counted) versions.set(key, version);
    seq++;
    emit({ seq, entity, id, version, json: JSON.stringify(data(seq, version)) });
  };
  const total = mix.readings + mix.statuses + mix.incidents + mix.decisions;
  let prevHash = at.headHash ?? GENESIS_HASH;
  const incidentIds = Array.from({ length: 400 }, (_, i) => `7b000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const quota = [mix.decisions, mix.incidents, mix.statuses, mix.readings];
  const done = [0, 0, 0, 0];
  // Decisions are signed (v1.1) with a key published ahead of them, so a console verifies every one.
  const signer = localSigner('operator', 'bench', iso(start));
  put('signing_key', signer.key.id, () => signer.key);
  for (let i = 0; i < total; i++) {
    const t = start + i * 1000;
    // Each kind spread evenly over the feed, as a live hub would publish them.
    let k = 0;
    for (let j = 1; j < 4; j++)
      if ((quota[j]! * (i + 1)) / total - done[j]! > (quota[k]! * (i + 1)) / total - done[k]!) k = j;
    const n = done[k]!++;
    if (k === 0) {
      const dec = signer.sign({
        id: `7d000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        decidedAt: iso(t),
        summary: `Keputusan ${n}`,
        rationale: 'bench',
        action: 'Catat',
        operatorId: 'operator',
        consoleId: 'bench',
      });
      const ph = prevHash;
      const hash = createHash('sha256').update(decisionHashInput(dec, ph)).digest('hex');
      put('decision', dec.id, (sq) => ({ ...dec, seq: sq, prevHash: ph, hash }));
      prevHash = hash;
    } else if (k === 1) {
      const id = incidentIds[n % incidentIds.length]!;
      put('incident', id, (_sq, v) => ({
        id,
        title: `Insiden ${id.slice(-3)}`,
        sector: 'disaster',
        severity: 1 + (v % 4),
        status: 'reported',
        districtCode: '35.07.13',
        lat: -8.1,
        lon: 112.6,
        assignedOpd: null,
        reportedAt: iso(start),
        updatedAt: iso(t),
        version: v,
      }));
    } else if (k === 2) {
      const siteId = sites[n % sites.length]!;
      put('status', siteId, () => ({
        siteId,
        at: iso(t),
        state: n % 25 === 0 ? 'down' : 'up',
        latencyMs: 20 + (n % 50),
        bandwidthMbps: 50,
      }));
    } else {
      const seriesId = series[n % series.length]!;
      put('reading', `${seriesId}@${iso(t)}`, () => ({ seriesId, at: iso(t), value: (n % 1000) / 10 }));
    }
  }
  return seq;
}

export function appendCentralChanges(hub: SqliteHubStorage, mix: Mix, start = Date.UTC(2026, 9, 1)): number {
  const db = hub.db;
  const ids = (entity: string) =>
    (db.prepare(`SELECT id FROM records WHERE entity = ? AND deleted = 0`).all(entity) as { id: string }[]).map(
      (r) => r.id,
    );
  const change = db.prepare('INSERT INTO changes (seq, entity, id, op, version, data) VALUES (?, ?, ?, ?, ?, ?)');
  const record = db.prepare(`INSERT INTO records (entity, id, version, deleted, seq, data) VALUES (?, ?, ?, 0, ?, ?)
    ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, seq = excluded.seq, data = excluded.data`);
  const head = db.prepare(`SELECT data FROM changes WHERE entity = 'decision' ORDER BY seq DESC LIMIT 1`).get() as
    { data: string } | undefined;
  const at: CentralStart = {
    sites: ids('site'),
    series: ids('series'),
    seq:
      (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'changes'`).get() as { seq: number } | undefined)
        ?.seq ?? 0,
    versions: new Map(
      (
        db.prepare(`SELECT entity, id, version FROM records WHERE entity = 'status'`).all() as {
          entity: string;
          id: string;
          version: number;
        }[]
      ).map((r) => [`${r.entity}:${r.id}`, r.version]),
    ),
    headHash: head ? (JSON.parse(head.data) as { hash: string }).hash : undefined,
  };
  return db.transaction(() =>
    generateCentralChanges(
      at,
      mix,
      (r) => {
        change.run(r.seq, r.entity, r.id, 'upsert', r.version, r.json);
        record.run(r.entity, r.id, r.version, r.seq, r.json);
      },
      start,
    ),
  )();
}
