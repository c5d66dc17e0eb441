// For the property test of the sync rules: a small central side (the contract's semantics, no HTTP) and the
// simple model of what the console must show after any interleaving of writes, pulls, pushes and crashes.
import type { Change, Mutation, MutationResult } from '../../common/central-api';
import { GENESIS_HASH } from '../../common/canonical-json';
import type { Incident } from '../../common/entities';
import { publishedDecision, publishedKey, signerFor } from '../signing/signing-test-kit';
export const SITES = ['35.07.13.2001', '35.07.13.2002', '35.07.06.2003'] as const;
export const SERIES = 'traffic-kepanjen';

export const isoAt = (minute: number) => new Date(Date.UTC(2026, 10, 28, 0, minute)).toISOString();

/** The central side as central-api.md describes it: seq, idempotency keys, append-only decisions, versions. */
export class CentralSim {
  readonly log: Change[] = [];
  private seq = 0;
  private readonly records = new Map<string, { version: number; data: Record<string, unknown> }>();
  private readonly done = new Map<string, MutationResult>();
  // Decisions are chained and signed as a v1.1 hub publishes them; the key stands for the console's operator.
  private readonly signer = signerFor('operator', 'c');
  private head = GENESIS_HASH;

  constructor() {
    this.append('signing_key', this.signer.keyId, () => publishedKey(this.signer, 'operator', 'c'));
  }

  get lastSeq(): number {
    return this.seq;
  }

  private append(
    entity: Change['entity'],
    id: string,
    build: (seq: number, version: number) => Record<string, unknown>,
  ): { seq: number; version: number } {
    const key = `${entity}:${id}`;
    const version = (this.records.get(key)?.version ?? 0) + 1;
    const seq = ++this.seq;
    const data = build(seq, version);
    this.records.set(key, { version, data });
    this.log.push({ seq, entity, id, op: 'upsert', version, data });
    return { seq, version };
  }

  record(entity: string, id: string) {
    return this.records.get(`${entity}:${id}`);
  }

  /** `refuse`: the central side rejects it (a rule the console cannot know), nothing applied. */
  process(m: Mutation, refuse = false): MutationResult {
    const prior = this.done.get(m.id);
    if (prior) return { id: m.id, status: 'duplicate', seq: prior.seq, version: prior.version };
    if (refuse) return { id: m.id, status: 'rejected', error: { code: 'forbidden', message: 'not allowed' } };
    const id = String(m.data.id);
    let result: MutationResult;
    if (m.entity === 'decision') {
      if (this.record('decision', id))
        return { id: m.id, status: 'rejected', error: { code: 'append_only', message: 'exists' } };
      const w = this.append('decision', id, (seq) => {
        const d = publishedDecision(
          this.signer,
          m.data as { id: string; decidedAt: string; summary: string; rationale: string; action: string },
          'operator',
          'c',
          seq,
          this.head,
        );
        this.head = d.hash;
        return d;
      });
      result = { id: m.id, status: 'applied', ...w };
    } else {
      const rec = this.record('incident', id);
      if (m.baseVersion !== undefined && !rec)
        return { id: m.id, status: 'rejected', error: { code: 'not_found', message: `no incident ${id}` } };
      if ((m.baseVersion ?? 0) !== (rec?.version ?? 0))
        return { id: m.id, status: 'conflict', version: rec?.version ?? 0, current: rec?.data ?? null };
      const w = this.incident({
        ...(m.data as Omit<Incident, 'version' | 'updatedAt'>),
        assignedOpd: (m.data.assignedOpd as string | null | undefined) ?? null,
      });
      result = { id: m.id, status: 'applied', ...w };
    }
    this.done.set(m.id, result);
    return result;
  }

  incident(input: Omit<Incident, 'version' | 'updatedAt'>) {
    return this.append('incident', input.id, (seq, version) => ({ ...input, updatedAt: isoAt(seq), version }));
  }

  status(siteId: string, minute: number, state: 'up' | 'down') {
    this.append('status', siteId, () => ({ siteId, at: isoAt(minute), state, latencyMs: null, bandwidthMbps: null }));
  }

  reading(minute: number, value: number) {
    this.append('reading', `${SERIES}@${isoAt(minute)}`, () => ({ seriesId: SERIES, at: isoAt(minute), value }));
  }

  /** One page of the feed after `since`, as GET /changes answers it. */
  page(since: number, limit: number): { changes: Change[]; lastSeq: number; more: boolean } {
    const after = this.log.filter((c) => c.seq > since);
    const changes = after.slice(0, limit);
    const more = after.length > limit;
    return { changes, lastSeq: more ? changes[changes.length - 1]!.seq : this.seq, more };
  }
}

/** What the console must show: decisions, outbox order, cursor, newest status per site, readings. */
export class ConsoleModel {
  cursor = 0;
  readonly decisions = new Map<string, { state: 'pending' | 'synced' | 'rejected'; seq: number | null }>();
  readonly outbox: string[] = [];
  parked = 0;
  readonly statuses = new Map<string, { at: string; state: string }>();
  readonly readings = new Set<string>();

  write(id: string): void {
    this.decisions.set(id, { state: 'pending', seq: null });
    this.outbox.push(id);
  }

  settle(
    mutationIds: readonly string[],
    results: readonly MutationResult[],
    decisionOf: (mutationId: string) => string | null,
  ): void {
    mutationIds.forEach((mid, i) => {
      const r = results[i]!;
      this.outbox.splice(this.outbox.indexOf(mid), 1);
      if (r.status === 'applied' || r.status === 'duplicate') return;
      this.parked++;
      const d = decisionOf(mid);
      const held = d ? this.decisions.get(d) : undefined;
      if (d && held?.state === 'pending') this.decisions.set(d, { state: 'rejected', seq: null });
    });
  }

  apply(changes: readonly Change[], lastSeq: number): void {
    const fresh = changes.filter((c) => c.seq > this.cursor);
    for (const c of fresh) {
      const d = c.data as Record<string, unknown>;
      if (c.entity === 'decision') this.decisions.set(c.id, { state: 'synced', seq: c.seq });
      if (c.entity === 'reading') this.readings.add(c.id);
      if (c.entity === 'status') {
        const held = this.statuses.get(c.id);
        if (!held || String(d.at) >= held.at) this.statuses.set(c.id, { at: String(d.at), state: String(d.state) });
      }
    }
    this.cursor = Math.max(this.cursor, lastSeq, ...fresh.map((c) => c.seq));
  }
}
