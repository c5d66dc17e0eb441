// Signed decisions at the hub: keys published by their owner, decisions refused unless signed with the
// caller's own key for that console, revocation by a supervisor only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangesResponse, MutationsResponse, type MutationResult } from '../../common/central-api';
import { generateSigningKeyPair } from '../signing/ed25519';
import { publishTestKey, signerFor } from '../signing/signing-test-kit';
import { nowIso, startTestHub, uuid, type TestHub } from './hub-test-kit';

let t: TestHub;
let operator: string;
beforeEach(async () => {
  t = await startTestHub();
  operator = await t.login('operator');
});
afterEach(async () => {
  await t.close();
});

async function push(
  token: string,
  entity: string,
  data: unknown,
  consoleId = 'console-1',
  id = uuid(),
): Promise<MutationResult> {
  const res = await t.api('/mutations', {
    method: 'POST',
    token,
    json: { consoleId, mutations: [{ id, entity, op: 'upsert', data, clientTime: nowIso() }] },
  });
  expect(res.status).toBe(200);
  return MutationsResponse.parse(await res.json()).results[0] as MutationResult;
}
const decision = (summary = 'Buka posko pengungsian') => ({
  id: uuid(),
  decidedAt: nowIso(),
  summary,
  rationale: 'Hujan deras',
  action: 'Dinsos siapkan tenda',
});
async function feed(entity: string) {
  const res = await t.api(`/changes?since=0&limit=5000&entities=${entity}`, { token: operator });
  return ChangesResponse.parse(await res.json()).changes;
}

describe('signing keys', () => {
  it('publishes a key with operatorId, consoleId and createdAt set by the hub, and never changes its public half', async () => {
    const key = await publishTestKey(t, operator, 'operator', 'console-1');
    const published = (await feed('signing_key')).filter((c) => c.id === key.keyId);
    expect(published).toHaveLength(1);
    expect(published[0]?.data).toEqual({
      id: key.keyId,
      publicKey: key.publicKey,
      operatorId: 'operator',
      consoleId: 'console-1',
      createdAt: expect.any(String),
    });
    const other = generateSigningKeyPair().publicKey;
    expect(await push(operator, 'signing_key', { id: key.keyId, publicKey: other })).toMatchObject({
      status: 'rejected',
      error: { code: 'key_exists' },
    });
    const mid = uuid();
    const fresh = signerFor('operator', 'console-1');
    expect(
      (await push(operator, 'signing_key', { id: fresh.keyId, publicKey: fresh.publicKey }, 'console-1', mid)).status,
    ).toBe('applied');
    expect(await push(operator, 'signing_key', { id: fresh.keyId, publicKey: other }, 'console-1', mid)).toMatchObject({
      status: 'rejected',
      error: { code: 'idempotency_key_reused' },
    });
    // Fields the hub owns are not the client's to send.
    expect(
      await push(operator, 'signing_key', { id: uuid(), publicKey: other, operatorId: 'supervisor' }),
    ).toMatchObject({ status: 'rejected', error: { code: 'invalid_data' } });
    expect(await push(operator, 'signing_key', { id: uuid(), publicKey: 'AAAA' })).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid_data' },
    });
    expect(await push(await t.login('presenter'), 'signing_key', { id: uuid(), publicKey: other })).toMatchObject({
      status: 'rejected',
      error: { code: 'forbidden' },
    });
  });
});

describe('signed decisions', () => {
  it("applies a decision signed with the caller's key for that console, and publishes keyId and signature in the chain", async () => {
    const key = await publishTestKey(t, operator, 'operator', 'console-1');
    const d = key.sign(decision());
    expect(await push(operator, 'decision', d)).toMatchObject({ status: 'applied' });
    const held = (await feed('decision')).find((c) => c.id === d.id)?.data as Record<string, unknown>;
    expect(held).toMatchObject({
      keyId: key.keyId,
      signature: d.signature,
      operatorId: 'operator',
      consoleId: 'console-1',
    });
  });

  it("refuses unsigned decisions, bad signatures, another operator's key, a key of another console, and revoked keys", async () => {
    const supervisor = await t.login('supervisor');
    const mine = await publishTestKey(t, operator, 'operator', 'console-1');
    const theirs = await publishTestKey(t, supervisor, 'supervisor', 'console-1');
    const before = (await feed('decision')).length;

    expect(await push(operator, 'decision', decision())).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_key' },
    });
    const signed = mine.sign(decision());
    expect(await push(operator, 'decision', { ...signed, summary: 'Ringkasan diganti' })).toMatchObject({
      status: 'rejected',
      error: { code: 'bad_signature' },
    });
    const { signature: _s, ...noSignature } = signed;
    expect(await push(operator, 'decision', noSignature)).toMatchObject({
      status: 'rejected',
      error: { code: 'bad_signature' },
    });
    // Signed by the supervisor's key, sent with the operator's token: not the caller's key.
    expect(await push(operator, 'decision', theirs.sign(decision()))).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_key' },
    });
    // The operator's signature over the supervisor's name is still someone else's key for the hub.
    const forged = signerFor('supervisor', 'console-1', undefined, mine.keyId).sign(decision());
    expect(await push(supervisor, 'decision', forged)).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_key' },
    });
    expect(await push(operator, 'decision', mine.sign(decision()), 'console-2')).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_key' },
    });
    expect(await push(operator, 'decision', { ...mine.sign(decision()), keyId: uuid() })).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_key' },
    });

    // Only a supervisor revokes, and a revoked key signs nothing more.
    expect(
      await push(operator, 'signing_key', { id: mine.keyId, publicKey: mine.publicKey, revokedAt: nowIso() }),
    ).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(await push(operator, 'decision', mine.sign(decision()))).toMatchObject({ status: 'applied' });
    expect(
      await push(supervisor, 'signing_key', { id: mine.keyId, publicKey: mine.publicKey, revokedAt: nowIso() }),
    ).toMatchObject({ status: 'applied' });
    expect(await push(operator, 'decision', mine.sign(decision()))).toMatchObject({
      status: 'rejected',
      error: { code: 'unknown_key' },
    });
    const key = (await feed('signing_key')).filter((c) => c.id === mine.keyId).at(-1)?.data;
    expect(key).toMatchObject({ operatorId: 'operator', revokedAt: expect.any(String) });
    expect((await feed('decision')).length).toBe(before + 1);
  });

  it("signs the demo seed's decisions with a key published for the seeding account", async () => {
    const { verifyDecisionLog } = await import('../signing/decision-log');
    const decisions = (await feed('decision')).map((c) => c.data as never);
    const keys = (await feed('signing_key')).map((c) => c.data as never);
    expect(decisions.length).toBeGreaterThan(0);
    expect(verifyDecisionLog(decisions, keys)).toMatchObject({ ok: true, count: decisions.length });
  });
});
