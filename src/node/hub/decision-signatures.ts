// The hub's side of signed decisions (central-api.md v1.1): signing keys are published once by their owner,
// and a decision is applied only when signed with the caller's own key for the console it comes from.
import type { MutationResult } from '../../common/central-api';
import { signingPayload, type SigningKey, type SigningKeyInput } from '../../common/decision-signing';
import type { DecisionInput } from '../../common/entities';
import { verifyText } from '../signing/ed25519';
import { localSigner, type LocalSigner } from '../signing/local-signer';
import type { HubOps, HubTx } from './hub-storage';
import type { Caller } from './caller';

type Refusal = { code: string; message: string; field: string };

/** Upserts a signing_key: a new key for the caller on this console, or a supervisor's revocation of an existing one. */
export async function upsertSigningKey(
  tx: HubTx,
  mutationId: string,
  input: SigningKeyInput,
  consoleId: string,
  caller: Caller,
  now: string,
): Promise<MutationResult> {
  const refuse = (code: string, message: string, field = 'data'): MutationResult => ({
    id: mutationId,
    status: 'rejected',
    error: { code, message, details: [{ field, message }] },
  });
  const rec = await tx.getRecord('signing_key', input.id);
  if (!rec || rec.deleted) {
    if (input.revokedAt !== undefined)
      return refuse('invalid_data', 'a new key cannot be revoked already', 'data.revokedAt');
    const key: SigningKey = {
      id: input.id,
      publicKey: input.publicKey,
      operatorId: caller.username,
      consoleId,
      createdAt: now,
    };
    return {
      id: mutationId,
      status: 'applied',
      ...(await tx.write('signing_key', input.id, 'upsert', () => key, rec ?? null)),
    };
  }
  const held = rec.data as SigningKey;
  if (held.publicKey !== input.publicKey)
    return refuse('key_exists', `signing key ${input.id} exists with another public key`, 'data.publicKey');
  if (input.revokedAt === undefined || held.revokedAt !== undefined) {
    // The same key again (a retry under a new mutation id) changes nothing.
    if (input.revokedAt === undefined || input.revokedAt === held.revokedAt)
      return { id: mutationId, status: 'applied', seq: rec.seq, version: rec.version };
    return refuse(
      'key_exists',
      `signing key ${input.id} was revoked at ${held.revokedAt}; that is not changed`,
      'data.revokedAt',
    );
  }
  if (caller.role !== 'supervisor')
    return refuse('forbidden', 'only a supervisor revokes a signing key', 'data.revokedAt');
  return {
    id: mutationId,
    status: 'applied',
    ...(await tx.write('signing_key', input.id, 'upsert', () => ({ ...held, revokedAt: input.revokedAt }), rec)),
  };
}

/** Why a decision the caller sends from this console is refused, or null when its signature holds. */
export async function decisionSignatureRefusal(
  hub: HubOps,
  input: DecisionInput,
  operatorId: string,
  consoleId: string,
): Promise<Refusal | null> {
  if (input.keyId === undefined)
    return {
      code: 'unknown_key',
      message: "decisions are signed: data.keyId names the signer's signing_key",
      field: 'data.keyId',
    };
  const rec = await hub.getRecord('signing_key', input.keyId);
  const key = rec && !rec.deleted ? (rec.data as SigningKey) : undefined;
  if (!key || key.operatorId !== operatorId || key.consoleId !== consoleId) {
    return {
      code: 'unknown_key',
      message: `signing key ${input.keyId} is not a key of ${operatorId} on ${consoleId}`,
      field: 'data.keyId',
    };
  }
  if (key.revokedAt !== undefined)
    return {
      code: 'unknown_key',
      message: `signing key ${input.keyId} was revoked at ${key.revokedAt}`,
      field: 'data.keyId',
    };
  if (input.signature === undefined)
    return { code: 'bad_signature', message: 'data.signature is missing', field: 'data.signature' };
  const payload = signingPayload({ ...input, operatorId, consoleId, keyId: input.keyId });
  if (!verifyText(key.publicKey, payload, input.signature)) {
    return {
      code: 'bad_signature',
      message: `the signature does not verify with key ${input.keyId}`,
      field: 'data.signature',
    };
  }
  return null;
}

/**
 * For decisions the hub writes itself (the demo seed): a key of its own for that account and console,
 * published like any other, whose private half is used once and never kept.
 */
export async function publishOwnKey(
  tx: HubTx,
  operatorId: string,
  consoleId: string,
  now: string,
): Promise<LocalSigner['sign']> {
  const signer = localSigner(operatorId, consoleId, now);
  await tx.write('signing_key', signer.key.id, 'upsert', () => signer.key);
  return (d) => signer.sign(d);
}
