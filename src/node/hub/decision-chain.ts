// The decision chain of central-api.md: hash = sha256_hex(prevHash + canonical_json(decision less seq, prevHash, hash)).
import { createHash } from 'node:crypto';
import { GENESIS_HASH, decisionHashInput } from '../../common/canonical-json';

export interface ChainedDecision {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
  [field: string]: unknown;
}

export type ChainVerdict =
  { ok: true; count: number; head: string } | { ok: false; index: number; id: string; reason: string };

/** The hash the central side gives a decision published as `decision` after a decision hashed `prevHash`. */
export function decisionHash(decision: Record<string, unknown>, prevHash: string): string {
  return createHash('sha256').update(decisionHashInput(decision, prevHash), 'utf8').digest('hex');
}

/**
 * Recomputes the chain from the feed's decisions, in seq order. `startHash` is the hash before the first one
 * given: 64 zeros for a whole chain, or the last verified hash when checking only the newer part.
 */
export function verifyDecisionChain(
  decisions: readonly ChainedDecision[],
  startHash: string = GENESIS_HASH,
): ChainVerdict {
  let prev = startHash;
  let prevSeq = 0;
  for (const [index, d] of decisions.entries()) {
    const fail = (reason: string): ChainVerdict => ({ ok: false, index, id: d.id, reason });
    if (!(d.seq > prevSeq)) return fail(`seq ${d.seq} does not follow ${prevSeq}`);
    if (d.prevHash !== prev) return fail(`prevHash ${d.prevHash} is not the previous hash ${prev}`);
    const expected = decisionHash(d, prev);
    if (d.hash !== expected) return fail(`hash ${d.hash} differs from the recomputed ${expected}`);
    prev = d.hash;
    prevSeq = d.seq;
  }
  return { ok: true, count: decisions.length, head: prev };
}
