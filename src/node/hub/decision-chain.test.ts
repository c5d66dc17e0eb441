import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../common/canonical-json';
import { decisionHash, verifyDecisionChain, type ChainedDecision } from './decision-chain';

function chain(n: number): ChainedDecision[] {
  const out: ChainedDecision[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const d = {
      id: `d${i}`,
      decidedAt: '2026-11-28T01:00:00.000Z',
      summary: `s${i}`,
      rationale: '',
      action: 'a',
      operatorId: 'operator',
      consoleId: 'c',
    };
    const hash = decisionHash(d, prev);
    out.push({ ...d, seq: 10 * (i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('verifyDecisionChain', () => {
  it('accepts a whole chain, an empty one, and a tail given the hash before it', () => {
    const c = chain(4);
    expect(verifyDecisionChain(c)).toEqual({ ok: true, count: 4, head: c[3]?.hash });
    expect(verifyDecisionChain([])).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
    expect(verifyDecisionChain(c.slice(2), c[1]?.hash).ok).toBe(true);
    expect(verifyDecisionChain(c.slice(2)).ok).toBe(false);
  });

  it('hashes the canonical form: key order and absent optional fields do not matter', () => {
    const [d] = chain(1) as [ChainedDecision];
    const reordered = Object.fromEntries(Object.entries(d).reverse()) as ChainedDecision;
    expect(verifyDecisionChain([{ ...reordered, incidentId: undefined }]).ok).toBe(true);
  });

  it('names the first decision that was altered, dropped or reordered', () => {
    const c = chain(4);
    expect(verifyDecisionChain(c.map((d, i) => (i === 2 ? { ...d, action: 'lain' } : d)))).toMatchObject({
      ok: false,
      index: 2,
      id: 'd2',
    });
    expect(verifyDecisionChain([c[0], c[2], c[3]] as ChainedDecision[])).toMatchObject({
      ok: false,
      index: 1,
      id: 'd2',
    });
    expect(verifyDecisionChain([c[1], c[0]] as ChainedDecision[])).toMatchObject({ ok: false, index: 0 });
    expect(verifyDecisionChain([c[0], { ...c[1], seq: 5 }] as ChainedDecision[])).toMatchObject({
      ok: false,
      index: 1,
      reason: expect.stringContaining('seq'),
    });
  });
});
