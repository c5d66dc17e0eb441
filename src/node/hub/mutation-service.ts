// POST /mutations: each mutation applied (or not) together with the record of its id, in call order.
import { z } from 'zod';
import { canonicalJson, GENESIS_HASH } from '../../common/canonical-json';
import { Mutation, MUTATION_DATA, type MutationResult, type WritableEntity } from '../../common/central-api';
import type { TileUrlPolicy } from '../../common/tile-url-policy';
import {
  Site,
  type Decision,
  type DecisionInput,
  type IncidentInput,
  type LayoutInput,
  type Series,
} from '../../common/entities';
import type { SigningKeyInput } from '../../common/decision-signing';
import type { IncidentNoteInput } from '../../common/incident-timeline';
import { sha256Hex } from './auth';
import { decisionSignatureRefusal, upsertSigningKey } from './decision-signatures';
import { decisionHash } from './decision-chain';
import { fieldDetails } from './http-util';
import type { HubStorage, HubTx, StoredRecord } from './hub-storage';
import { ENTITY_WRITERS } from '../../common/access-policy';
import { writeIncident } from './feed-writer';
import { appendIncidentNote, checkIncidentLifecycle } from './incident-lifecycle';
import { upsertSeriesThresholds } from './series-thresholds';
import { layoutUrlProblems } from './layout-safety';

export type { Caller } from './caller';
import type { Caller } from './caller';
type M = z.infer<typeof Mutation>;
type Details = { field: string; message: string }[];

const DELETE_DATA: Partial<Record<WritableEntity, z.ZodType>> = {
  site: z.strictObject({ id: Site.shape.id }),
  layout: z.strictObject({ id: z.uuid() }),
};

const rejected = (id: string, code: string, message: string, details?: Details): MutationResult => ({
  id,
  status: 'rejected',
  error: details ? { code, message, details } : { code, message },
});

const conflict = (id: string, rec: StoredRecord): MutationResult => ({
  id,
  status: 'conflict',
  version: rec.version,
  current: rec.deleted ? null : rec.data,
});

/** The answer for a write done by a v1.1 module (notes, thresholds), which reports failure as data. */
const outcome = (
  id: string,
  o:
    | { ok: true; seq: number; version: number }
    | { ok: false; code: string; message: string; field?: string; fields?: string[] },
): MutationResult => {
  if (o.ok) return { id, status: 'applied', seq: o.seq, version: o.version };
  const fields = o.fields ?? (o.field ? [o.field] : []);
  return rejected(
    id,
    o.code,
    o.message,
    fields.length ? fields.map((field) => ({ field, message: o.message })) : undefined,
  );
};

const prefixed = (prefix: string, details: Details): Details =>
  details.map((d) => ({ ...d, field: d.field === '(body)' ? prefix : `${prefix}.${d.field}` }));

/** What makes two mutations with one id "the same": everything but clientTime, which only says when it was made. */
export function mutationFingerprint(m: M): string {
  return sha256Hex(canonicalJson({ entity: m.entity, op: m.op, baseVersion: m.baseVersion, data: m.data }));
}

/** The id to answer for a raw mutation that failed validation, when it has one at all. */
export function answerableId(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}

export class MutationService {
  constructor(
    private readonly hub: HubStorage,
    private readonly now: () => Date = () => new Date(),
    private readonly log: (line: string) => void = () => {},
    private readonly tilePolicy?: TileUrlPolicy,
  ) {}

  /** Runs inside one transaction for the call; each mutation gets its own savepoint, in call order. */
  processAll(consoleId: string, raws: readonly unknown[], caller: Caller): Promise<MutationResult[]> {
    return this.hub.transaction(async (tx) => {
      const results: MutationResult[] = [];
      for (const [i, raw] of raws.entries()) results.push(await this.processOne(tx, consoleId, raw, i, caller));
      return results;
    });
  }

  private async processOne(
    tx: HubTx,
    consoleId: string,
    raw: unknown,
    index: number,
    caller: Caller,
  ): Promise<MutationResult> {
    const parsed = Mutation.safeParse(raw);
    if (!parsed.success) {
      const details = prefixed(`mutations.${index}`, fieldDetails(parsed.error.issues));
      return rejected(answerableId(raw) ?? '', 'invalid_mutation', 'the mutation is malformed', details);
    }
    // zod rebuilds records, and a "__proto__" key would vanish on the way: validate the data as it arrived.
    const m = { ...parsed.data, data: (raw as { data: Record<string, unknown> }).data };
    try {
      return await tx.savepoint((sp) => this.decide(sp, consoleId, m, caller));
    } catch (err) {
      // The database gone is no verdict on this mutation: the whole call fails (503) and the console retries it.
      if (this.hub.isUnavailable(err)) throw err;
      this.log(`mutation ${m.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return rejected(m.id, 'internal_error', 'the hub failed to apply this mutation; nothing was applied');
    }
  }

  private async decide(tx: HubTx, consoleId: string, m: M, caller: Caller): Promise<MutationResult> {
    let fingerprint: string;
    try {
      fingerprint = mutationFingerprint(m);
    } catch (err) {
      // Nesting deeper than the stack allows, or a number JSON cannot write back (1e400).
      return rejected(
        m.id,
        'invalid_mutation',
        `the data cannot be written as canonical JSON: ${err instanceof Error ? err.message : String(err)}`,
        [{ field: 'data', message: 'not representable' }],
      );
    }
    const prior = await tx.findMutation(m.id);
    if (prior) {
      if (prior.fingerprint === fingerprint)
        return { id: m.id, status: 'duplicate', seq: prior.seq, version: prior.version };
      return rejected(m.id, 'idempotency_key_reused', 'this mutation id was already used for a different mutation');
    }
    if (!(m.entity in MUTATION_DATA)) {
      return rejected(m.id, 'read_only_entity', `${m.entity} is fed by the central side; clients cannot write it`);
    }
    const entity = m.entity as WritableEntity;
    if (!ENTITY_WRITERS[entity].includes(caller.role)) {
      return rejected(
        m.id,
        'forbidden',
        `the role ${caller.role} may not write ${entity} (allowed: ${ENTITY_WRITERS[entity].join(', ')})`,
      );
    }
    const result =
      m.op === 'delete' ? await this.delete(tx, entity, m) : await this.upsert(tx, entity, m, consoleId, caller);
    if (result.status === 'applied') {
      await tx.recordMutation({
        id: m.id,
        fingerprint,
        entity,
        recordId: String(m.data.id),
        seq: result.seq as number,
        version: result.version as number,
        operator: caller.username,
        consoleId,
        clientTime: m.clientTime,
        receivedAt: this.now().toISOString(),
      });
    }
    return result;
  }

  private async delete(tx: HubTx, entity: WritableEntity, m: M): Promise<MutationResult> {
    const schema = DELETE_DATA[entity];
    if (!schema) return rejected(m.id, 'op_not_allowed', `${entity} records are never deleted`);
    const data = schema.safeParse(m.data);
    if (!data.success)
      return rejected(
        m.id,
        'invalid_data',
        'a delete names the record by data.id only',
        prefixed('data', fieldDetails(data.error.issues)),
      );
    const id = (data.data as { id: string }).id;
    if (entity === 'layout' && m.baseVersion === undefined) {
      return rejected(m.id, 'base_version_required', 'deleting a layout needs the baseVersion it was based on', [
        { field: 'baseVersion', message: 'required' },
      ]);
    }
    const rec = await tx.getRecord(entity, id);
    if (!rec || rec.deleted) return rejected(m.id, 'not_found', `no ${entity} ${id}`);
    if (m.baseVersion !== undefined && m.baseVersion !== rec.version) return conflict(m.id, rec);
    return { id: m.id, status: 'applied', ...(await tx.write(entity, id, 'delete', () => null, rec)) };
  }

  private async upsert(
    tx: HubTx,
    entity: WritableEntity,
    m: M,
    consoleId: string,
    caller: Caller,
  ): Promise<MutationResult> {
    const parsed = MUTATION_DATA[entity].safeParse(m.data);
    if (!parsed.success) {
      return rejected(
        m.id,
        'invalid_data',
        `the ${entity} data is invalid`,
        prefixed('data', fieldDetails(parsed.error.issues)),
      );
    }
    const data = parsed.data as { id: string };
    if (entity === 'layout') {
      const urls = layoutUrlProblems(parsed.data as LayoutInput, this.tilePolicy);
      if (urls.length > 0)
        return rejected(
          m.id,
          'url_not_allowed',
          'a tile of this layout loads a URL the hub does not allow on a wall',
          urls,
        );
    }
    const rec = await tx.getRecord(entity, data.id);
    if (entity === 'decision') return this.appendDecision(tx, m, parsed.data as DecisionInput, rec, consoleId, caller);
    if (entity === 'signing_key')
      return upsertSigningKey(tx, m.id, parsed.data as SigningKeyInput, consoleId, caller, this.now().toISOString());
    const actor = { operatorId: caller.username, consoleId };
    if (entity === 'incident_note')
      return outcome(
        m.id,
        await appendIncidentNote(tx, parsed.data as IncidentNoteInput, actor, this.now().toISOString()),
      );
    if (entity === 'series') return outcome(m.id, await upsertSeriesThresholds(tx, parsed.data as Series));
    if (m.baseVersion === undefined) {
      // Sites are reference data a supervisor overwrites; incidents and layouts are created only when new.
      if (rec && !rec.deleted && entity !== 'site') return conflict(m.id, rec);
    } else {
      if (!rec)
        return rejected(m.id, 'not_found', `no ${entity} ${data.id} to update (baseVersion ${m.baseVersion} given)`);
      if (rec.version !== m.baseVersion) return conflict(m.id, rec);
    }
    if (entity === 'incident') {
      const refusal = await checkIncidentLifecycle(tx, rec, parsed.data as IncidentInput, caller.role);
      const field = refusal?.code === 'assignment_required' ? 'data.assignedOpd' : 'data.status';
      if (refusal) return rejected(m.id, refusal.code, refusal.message, [{ field, message: refusal.message }]);
    }
    const updatedAt = this.now().toISOString();
    if (entity === 'incident') {
      // The timeline entries commit with the change, in this mutation's savepoint.
      const { seq, version } = await writeIncident(tx, parsed.data as IncidentInput, updatedAt, actor, rec ?? null);
      return { id: m.id, status: 'applied', seq, version };
    }
    const write = await tx.write(
      entity,
      data.id,
      'upsert',
      (_seq, version) => {
        if (entity === 'layout') return { ...(parsed.data as LayoutInput), version, updatedAt };
        return parsed.data;
      },
      rec ?? null,
    );
    return { id: m.id, status: 'applied', ...write };
  }

  private async appendDecision(
    tx: HubTx,
    m: M,
    input: DecisionInput,
    rec: StoredRecord | undefined,
    consoleId: string,
    caller: Caller,
  ): Promise<MutationResult> {
    if (rec)
      return rejected(
        m.id,
        'append_only',
        `decision ${input.id} exists; decisions are never updated (send a new one that supersedes it)`,
      );
    if (input.supersedes !== undefined && !(await tx.getRecord('decision', input.supersedes))) {
      return rejected(m.id, 'unknown_decision', `decision ${input.supersedes} named in supersedes does not exist`, [
        { field: 'data.supersedes', message: 'no such decision' },
      ]);
    }
    const refusal = await decisionSignatureRefusal(tx, input, caller.username, consoleId);
    if (refusal)
      return rejected(m.id, refusal.code, refusal.message, [{ field: refusal.field, message: refusal.message }]);
    const write = await appendDecision(tx, { ...input, operatorId: caller.username, consoleId });
    return { id: m.id, status: 'applied', ...write };
  }
}

/**
 * Appends a decision to the chain; also used by the demo seed, so both hash exactly alike. The head is read inside
 * the write transaction, which excludes every other writer (hub-storage.ts), so the chain never forks.
 */
export async function appendDecision(
  tx: HubTx,
  d: Omit<Decision, 'seq' | 'prevHash' | 'hash'>,
): Promise<{ seq: number; version: number }> {
  const prevHash = (await tx.chainHead()) ?? GENESIS_HASH;
  return tx.write('decision', d.id, 'upsert', (seq) => ({ ...d, seq, prevHash, hash: decisionHash(d, prevHash) }));
}
