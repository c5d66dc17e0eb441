// Checks a decision log end to end: seq order, the hash chain, and each decision's signature against the
// signing keys of the feed. Used by `nawa verify-log` and by the console's verifier for one decision at a time.
import { createHash } from 'node:crypto';
import { decisionHashInput, GENESIS_HASH } from '../../common/canonical-json';
import { signingPayload, type SignedFields } from '../../common/decision-signing';
import { verifyText } from './ed25519';

export interface LoggedDecision extends Partial<SignedFields> {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
  signature?: string;
  [field: string]: unknown;
}
export interface KnownKey {
  id: string;
  publicKey: string;
  operatorId: string;
  consoleId: string;
  [field: string]: unknown;
}

export type LogVerdict =
  | { ok: true; count: number; head: string; lastSeq: number }
  | { ok: false; index: number; id: string; seq: number; reason: string };

export function decisionHashOf(d: Record<string, unknown>, prevHash: string): string {
  return createHash('sha256').update(decisionHashInput(d, prevHash), 'utf8').digest('hex');
}

/** Why the signature of `d` does not hold, or null when it does. */
export function signatureProblem(d: LoggedDecision, key: KnownKey | undefined): string | null {
  if (typeof d.keyId !== 'string' || typeof d.signature !== 'string') return 'unsigned (no keyId or signature)';
  if (!key) return `signed with key ${d.keyId}, which the feed does not publish`;
  if (key.operatorId !== d.operatorId || key.consoleId !== d.consoleId) {
    return `key ${key.id} belongs to ${key.operatorId} on ${key.consoleId}, not to ${String(d.operatorId)} on ${String(d.consoleId)}`;
  }
  const fields = d as LoggedDecision & SignedFields;
  if (!verifyText(key.publicKey, signingPayload(fields), d.signature))
    return `the signature does not verify with key ${key.id}`;
  return null;
}

/** Why `d` does not follow a decision at `prevSeq` hashed `prevHash`, or null when it does. */
export function chainProblem(d: LoggedDecision, prevSeq: number, prevHash: string): string | null {
  if (!Number.isSafeInteger(d.seq) || !(d.seq > prevSeq)) return `seq ${String(d.seq)} does not follow ${prevSeq}`;
  if (d.prevHash !== prevHash) return `prevHash ${String(d.prevHash)} is not the previous hash ${prevHash}`;
  const expected = decisionHashOf(d, prevHash);
  if (d.hash !== expected) return `hash ${String(d.hash)} differs from the recomputed ${expected}`;
  return null;
}

/** The whole log from the first decision (prevHash 64 zeros), in the order given. */
export function verifyDecisionLog(decisions: readonly LoggedDecision[], keys: readonly KnownKey[]): LogVerdict {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const seen = new Set<string>();
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  for (const [index, d] of decisions.entries()) {
    const problem =
      (seen.has(d.id) ? `decision ${d.id} appears twice` : null) ??
      chainProblem(d, prevSeq, prevHash) ??
      signatureProblem(d, typeof d.keyId === 'string' ? byId.get(d.keyId) : undefined);
    if (problem) return { ok: false, index, id: String(d.id), seq: Number(d.seq), reason: problem };
    seen.add(d.id);
    prevHash = d.hash;
    prevSeq = d.seq;
  }
  return { ok: true, count: decisions.length, head: prevHash, lastSeq: prevSeq };
}
