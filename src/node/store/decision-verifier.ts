// The console verifies every decision of the feed (chain and signature, against the feed's signing keys) before
// it keeps it, and keeps what it verified: a later, different copy at a verified seq, or a decision that does
// not verify, is never written over the kept one; it is set beside it as a tamper alarm.
import type { Database, Statement } from 'better-sqlite3';
import type { Change } from '../../common/central-api';
import { canonicalJson, GENESIS_HASH } from '../../common/canonical-json';
import type { DecisionTrust } from '../../common/decision-trust-api';
import type { SigningKey } from '../../common/decision-signing';
import type { Decision } from '../../common/entities';
import { Emitter } from '../../common/emitter';
import { systemNow } from '../ports/clock';
import { chainProblem, signatureProblem, type LoggedDecision } from '../signing/decision-log';

/** What `decisions.trust` answers (the contract's DecisionTrust), under the name the store has always used. */
export type TrustState = DecisionTrust;

interface KeyRow {
  id: string;
  public_key: string;
  operator_id: string;
  console_id: string;
  revoked_seq: number | null;
}

export class DecisionVerifier {
  /** Announces an alarm raised (once the page's transaction is over). */
  readonly events = new Emitter<{ alarm: null }>();
  private readonly st: Record<'key' | 'keyUp' | 'kept' | 'keptById' | 'alarm' | 'mark' | 'read' | 'sent', Statement>;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = systemNow,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      key: p('SELECT id, public_key, operator_id, console_id, revoked_seq FROM signing_keys WHERE id = ?'),
      keyUp:
        p(`INSERT INTO signing_keys (id, public_key, operator_id, console_id, revoked_seq, data) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET revoked_seq = COALESCE(signing_keys.revoked_seq, excluded.revoked_seq), data = excluded.data`),
      kept: p(`SELECT id, data FROM decisions WHERE seq = ? AND state = 'synced'`),
      keptById: p(`SELECT seq, data FROM decisions WHERE id = ? AND state = 'synced'`),
      alarm: p(
        'INSERT INTO tamper_alarms (seq, decision_id, reason, offered, kept, raised_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      mark: p(
        `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ),
      read: p('SELECT value FROM sync_state WHERE key = ?'),
      // What this console sent for a decision it recorded (the outbox row stays until the page that brings it back).
      sent: p(`SELECT data FROM outbox WHERE entity = 'decision' AND record_id = ? ORDER BY n DESC LIMIT 1`),
    };
  }

  watermark(): { seq: number; hash: string } {
    const seq = this.st.read.get('verified_seq') as { value: string } | undefined;
    const hash = this.st.read.get('verified_hash') as { value: string } | undefined;
    return { seq: seq ? Number(seq.value) : 0, hash: hash?.value ?? GENESIS_HASH };
  }

  /** A signing key of the feed. Its public half never changes; the seq of its revocation is remembered. */
  key(c: Change, k: SigningKey): string | null {
    const held = this.st.key.get(k.id) as KeyRow | undefined;
    if (
      held &&
      (held.public_key !== k.publicKey || held.operator_id !== k.operatorId || held.console_id !== k.consoleId)
    ) {
      return this.raise(
        c.seq,
        null,
        `signing key ${k.id} was published again with another owner or public key`,
        k,
        held,
      );
    }
    this.st.keyUp.run(
      k.id,
      k.publicKey,
      k.operatorId,
      k.consoleId,
      k.revokedAt === undefined ? null : c.seq,
      canonicalJson(k),
    );
    return null;
  }

  /** Verifies a decision change; `keep` writes it to the cache. Returns why it was not kept, or null. */
  decision(c: Change, d: Decision, keep: () => void): string | null {
    const w = this.watermark();
    const offered = d as unknown as LoggedDecision;
    if (d.seq <= w.seq || c.seq !== d.seq) {
      const kept = this.st.kept.get(d.seq) as { id: string; data: string } | undefined;
      if (kept && c.seq === d.seq && kept.data === canonicalJson(d)) return null; // the same decision again
      const why =
        c.seq !== d.seq
          ? `the feed re-publishes decision ${d.id} at change #${c.seq} as #${d.seq}`
          : `decision #${d.seq} differs from the copy verified before`;
      return this.raise(d.seq, d.id, why, d, kept ? JSON.parse(kept.data) : null);
    }
    const earlier = this.st.keptById.get(d.id) as { seq: number; data: string } | undefined;
    if (earlier)
      return this.raise(
        d.seq,
        d.id,
        `decision ${d.id} was verified at #${earlier.seq} and is offered again at #${d.seq}`,
        d,
        JSON.parse(earlier.data),
      );
    const row = typeof d.keyId === 'string' ? (this.st.key.get(d.keyId) as KeyRow | undefined) : undefined;
    const key = row && {
      id: row.id,
      publicKey: row.public_key,
      operatorId: row.operator_id,
      consoleId: row.console_id,
    };
    const problem =
      chainProblem(offered, w.seq, w.hash) ??
      signatureProblem(offered, key) ??
      (row?.revoked_seq != null && row.revoked_seq < d.seq
        ? `key ${row.id} was revoked at #${row.revoked_seq}, before this decision`
        : null);
    if (problem) return this.raise(d.seq, d.id, problem, d, null);
    keep();
    this.st.mark.run('verified_seq', String(d.seq));
    this.st.mark.run('verified_hash', d.hash);
    this.checkOwnWall(d);
    return null;
  }

  /**
   * The wall a decision records is not signed (docs/decision-wall.md): the console that recorded it compares what
   * the feed published with what it sent. A difference is an alarm; the decision is kept all the same, since its
   * signature and chain hold and the chain goes on from it.
   */
  private checkOwnWall(d: Decision): void {
    const sent = this.st.sent.get(d.id) as { data: string } | undefined;
    if (!sent) return;
    const mine = JSON.parse(sent.data) as { wall?: unknown };
    if (mine.wall === undefined || canonicalJson(mine.wall) === canonicalJson(d.wall ?? null)) return;
    this.raise(d.seq, d.id, `decision #${d.seq} was published with another wall than this console recorded`, d, mine);
  }

  /**
   * After a full download into the attached `stage` database (resync.ts), inside its swap transaction: the
   * decisions verified here stay as they are, each compared with the fresh copy at its seq; the fresh ones after
   * them are taken only when nothing before disagreed.
   */
  mergeStaged(): void {
    const w = this.watermark();
    const rows = this.db
      .prepare(
        `SELECT m.id, m.seq, m.data, s.data AS fresh FROM main.decisions m
      LEFT JOIN stage.decisions s ON s.seq = m.seq AND s.state = 'synced' WHERE m.state = 'synced' AND m.seq <= ? ORDER BY m.seq`,
      )
      .all(w.seq) as { id: string; seq: number; data: string; fresh: string | null }[];
    let disagreed = false;
    for (const r of rows) {
      if (r.fresh === r.data) continue;
      disagreed = true;
      const why =
        r.fresh === null
          ? `decision #${r.seq} verified here is missing from a fresh download of the feed, or does not verify there`
          : `decision #${r.seq} differs in a fresh download from the copy verified before`;
      this.raise(r.seq, r.id, why, r.fresh === null ? null : JSON.parse(r.fresh), JSON.parse(r.data));
    }
    const keys = this.db
      .prepare(
        `SELECT s.id, s.data, m.data AS held FROM stage.signing_keys s JOIN main.signing_keys m ON m.id = s.id
      WHERE m.public_key != s.public_key OR m.operator_id != s.operator_id OR m.console_id != s.console_id`,
      )
      .all() as { id: string; data: string; held: string }[];
    for (const k of keys)
      this.raise(
        null,
        null,
        `signing key ${k.id} was published again with another owner or public key`,
        JSON.parse(k.data),
        JSON.parse(k.held),
      );
    this.db.exec(`INSERT INTO main.signing_keys SELECT * FROM stage.signing_keys WHERE true ON CONFLICT (id) DO NOTHING;
      INSERT INTO main.tamper_alarms (seq, decision_id, reason, offered, kept, raised_at)
        SELECT seq, decision_id, reason, offered, kept, raised_at FROM stage.tamper_alarms ORDER BY n;`);
    const staged = this.db
      .prepare(`SELECT key, value FROM stage.sync_state WHERE key IN ('verified_seq', 'verified_hash')`)
      .all() as { key: string; value: string }[];
    const fresh = {
      seq: Number(staged.find((r) => r.key === 'verified_seq')?.value ?? 0),
      hash: staged.find((r) => r.key === 'verified_hash')?.value ?? GENESIS_HASH,
    };
    if (disagreed || fresh.seq < w.seq) return;
    // Central decisions after the watermark replace ours; ours that the central side never saw stay, still pending.
    this.db
      .prepare(
        `INSERT INTO main.decisions SELECT * FROM stage.decisions WHERE state = 'synced' AND seq > ?
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, seq = excluded.seq, hash = excluded.hash, state = 'synced', error = NULL`,
      )
      .run(w.seq);
    this.st.mark.run('verified_seq', String(fresh.seq));
    this.st.mark.run('verified_hash', fresh.hash);
  }

  state(limit = 20): TrustState {
    const w = this.watermark();
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM tamper_alarms').get() as { n: number };
    const rows = this.db
      .prepare(
        'SELECT n, seq, decision_id, reason, offered, kept, raised_at FROM tamper_alarms ORDER BY n DESC LIMIT ?',
      )
      .all(limit) as {
      n: number;
      seq: number | null;
      decision_id: string | null;
      reason: string;
      offered: string | null;
      kept: string | null;
      raised_at: string;
    }[];
    return {
      verifiedSeq: w.seq,
      verifiedHash: w.hash,
      alarms: n,
      recent: rows.map((r) => ({
        n: r.n,
        seq: r.seq,
        decisionId: r.decision_id,
        reason: r.reason,
        raisedAt: r.raised_at,
        offered: r.offered === null ? null : (JSON.parse(r.offered) as unknown),
        kept: r.kept === null ? null : (JSON.parse(r.kept) as unknown),
      })),
    };
  }

  private raise(
    seq: number | null,
    decisionId: string | null,
    reason: string,
    offered: unknown,
    kept: unknown,
  ): string {
    this.st.alarm.run(
      seq,
      decisionId,
      reason,
      JSON.stringify(offered),
      kept === null ? null : JSON.stringify(kept),
      this.now().toISOString(),
    );
    queueMicrotask(() => this.events.emit('alarm', null));
    return `tamper alarm: ${reason}`;
  }
}
