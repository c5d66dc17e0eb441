// The decision log as the console holds it from the feed: the chain checked here (no trust in the central side),
// and a date range read for export.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { decisionHashInput, GENESIS_HASH } from '../../common/canonical-json';
import type { CsvDecision } from '../../common/decision-csv';
import type { Decision } from '../../common/entities';
import type { HeldDecision } from '../../common/situation-report';

export interface ChainCheck {
  /** Central decisions held, in seq order. */
  count: number;
  /** The seq of the last decision whose chain verifies from the first; null when none does. */
  verifiedTo: number | null;
  /** Where the chain breaks first, if it does. */
  broken: { seq: number; id: string; reason: 'order' | 'prevHash' | 'hash' } | null;
}

/** Recomputes hash = sha256(prevHash + canonical_json(d less seq, prevHash, hash)) over every central decision. */
export function checkDecisionChain(db: Database): ChainCheck {
  const rows = db.prepare('SELECT data FROM decisions WHERE seq IS NOT NULL ORDER BY seq').pluck().all() as string[];
  let prev = GENESIS_HASH;
  let prevSeq = 0;
  let verifiedTo: number | null = null;
  for (const raw of rows) {
    const d = JSON.parse(raw) as Decision;
    const fail = (reason: 'order' | 'prevHash' | 'hash'): ChainCheck => ({
      count: rows.length,
      verifiedTo,
      broken: { seq: d.seq, id: d.id, reason },
    });
    if (!(d.seq > prevSeq)) return fail('order');
    if (d.prevHash !== prev) return fail('prevHash');
    const hash = createHash('sha256').update(decisionHashInput(d, prev), 'utf8').digest('hex');
    if (hash !== d.hash) return fail('hash');
    prev = d.hash;
    prevSeq = d.seq;
    verifiedTo = d.seq;
  }
  return { count: rows.length, verifiedTo, broken: null };
}

/** Decisions decided in [from, to), central ones in seq order, then this console's still waiting. */
export function decisionsForExport(db: Database, from: string | null, to: string | null): CsvDecision[] {
  const rows = db
    .prepare(
      `SELECT d.data, d.seq, d.hash, json_extract(i.data, '$.title') AS title FROM decisions d
    LEFT JOIN incidents i ON i.id = json_extract(d.data, '$.incidentId')
    WHERE (? IS NULL OR json_extract(d.data, '$.decidedAt') >= ?) AND (? IS NULL OR json_extract(d.data, '$.decidedAt') < ?)
    ORDER BY d.seq IS NULL, d.seq, d.rowid`,
    )
    .all(from, from, to, to) as { data: string; seq: number | null; hash: string | null; title: string | null }[];
  return rows.map((r) => {
    const d = JSON.parse(r.data) as Decision;
    return {
      seq: r.seq,
      decidedAt: d.decidedAt,
      operatorId: d.operatorId,
      consoleId: d.consoleId,
      incidentId: d.incidentId,
      incidentTitle: r.title ?? undefined,
      summary: d.summary,
      rationale: d.rationale,
      action: d.action,
      supersedes: d.supersedes,
      hash: r.hash,
      wallLayoutId: d.wall?.layout?.id,
      wallLayout: d.wall?.layout?.name,
      wallStateVersion: d.wall?.stateVersion,
    };
  });
}

// Every decision the console shows: the central copies, then this console's own the feed has not brought back
// (waiting in the outbox, or refused there), as `decisions()` of the store shows them.
const HELD = `WITH held AS (
  SELECT data, seq, hash, 'synced' AS state, NULL AS n FROM decisions WHERE seq IS NOT NULL
  UNION ALL
  SELECT o.shown, NULL, NULL, CASE WHEN o.state IN ('pending', 'applied') THEN 'pending' ELSE 'rejected' END, o.n
  FROM outbox o WHERE o.entity = 'decision' AND o.shown IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.id = o.record_id))`;

type HeldRow = { data: string; seq: number | null; hash: string | null; state: HeldDecision['state'] };
const held = (r: HeldRow): HeldDecision => {
  const d = JSON.parse(r.data) as Omit<HeldDecision, 'seq' | 'hash' | 'state'>;
  return {
    id: d.id,
    incidentId: d.incidentId,
    supersedes: d.supersedes,
    decidedAt: d.decidedAt,
    summary: d.summary,
    rationale: d.rationale,
    action: d.action,
    operatorId: d.operatorId,
    consoleId: d.consoleId,
    wall: d.wall,
    seq: r.seq,
    hash: r.hash,
    state: r.state,
  };
};

/** Decisions decided in [from, to): central ones in seq order, then this console's waiting or refused ones. */
export function heldDecisions(db: Database, from: string | null, to: string | null): HeldDecision[] {
  const rows = db
    .prepare(
      `${HELD} SELECT data, seq, hash, state FROM held
      WHERE (? IS NULL OR json_extract(data, '$.decidedAt') >= ?) AND (? IS NULL OR json_extract(data, '$.decidedAt') < ?)
      ORDER BY seq IS NULL, seq, n`,
    )
    .all(from, from, to, to) as HeldRow[];
  return rows.map(held);
}

/** Every decision held that corrects another, whatever its state, in decision order. */
export function heldCorrections(db: Database): HeldDecision[] {
  const rows = db
    .prepare(
      `${HELD} SELECT data, seq, hash, state FROM held WHERE json_extract(data, '$.supersedes') IS NOT NULL
      ORDER BY seq IS NULL, seq, n`,
    )
    .all() as HeldRow[];
  return rows.map(held);
}

/** One decision the console holds, by id (central first), or null. */
export function heldDecision(db: Database, id: string): HeldDecision | null {
  const central = db
    .prepare(`SELECT data, seq, hash, 'synced' AS state FROM decisions WHERE id = ? AND seq IS NOT NULL`)
    .get(id) as HeldRow | undefined;
  if (central) return held(central);
  const waiting = db
    .prepare(
      `SELECT shown AS data, NULL AS seq, NULL AS hash,
        CASE WHEN state IN ('pending', 'applied') THEN 'pending' ELSE 'rejected' END AS state
      FROM outbox WHERE entity = 'decision' AND record_id = ? AND shown IS NOT NULL ORDER BY n DESC LIMIT 1`,
    )
    .get(id) as HeldRow | undefined;
  return waiting ? held(waiting) : null;
}
