// Tests only: a signing key published to a test hub for the caller, and decisions signed with it.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { signingPayload } from '../../common/decision-signing';
import { DecisionInput } from '../../common/entities';
import type { TestHub } from '../hub/hub-test-kit';
import { generateSigningKeyPair, signText } from './ed25519';

export interface TestSigner {
  keyId: string;
  publicKey: string;
  /** The decision data to send, signed as `operatorId` on `consoleId` would sign it. */
  sign<D extends { id: string; decidedAt: string; summary: string; rationale: string; action: string }>(d: D): D & { keyId: string; signature: string };
}

export function signerFor(operatorId: string, consoleId: string, pair = generateSigningKeyPair(), keyId: string = randomUUID()): TestSigner {
  return {
    keyId,
    publicKey: pair.publicKey,
    sign(d) {
      // What the hub publishes (and so what is signed) is the data after its schema, e.g. trimmed.
      const signed = { ...d, ...DecisionInput.parse({ ...d, keyId: undefined, signature: undefined }), keyId };
      return { ...signed, signature: signText(pair.privateKey, signingPayload({ ...signed, operatorId, consoleId })) };
    },
  };
}

/** Publishes a new key for the token's account on `consoleId` and returns its signer. */
export async function publishTestKey(t: TestHub, token: string, operatorId: string, consoleId: string): Promise<TestSigner> {
  const signer = signerFor(operatorId, consoleId);
  const res = await t.api('/mutations', {
    method: 'POST', token,
    json: { consoleId, mutations: [{ id: randomUUID(), entity: 'signing_key', op: 'upsert', data: { id: signer.keyId, publicKey: signer.publicKey }, clientTime: new Date().toISOString() }] },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results[0]?.status).toBe('applied');
  return signer;
}
