// A signing key held in memory for one account on one console, for writers that publish their own key
// alongside their decisions (the demo seed, benchmarks): the key record to publish and a signer.
import { randomUUID } from 'node:crypto';
import { signingPayload, type SignedFields, type SigningKey } from '../../common/decision-signing';
import { generateSigningKeyPair, signText } from './ed25519';

type Unsigned = Omit<SignedFields, 'keyId'>;

export interface LocalSigner {
  key: SigningKey;
  sign<D extends Unsigned>(d: D): D & { keyId: string; signature: string };
}

export function localSigner(operatorId: string, consoleId: string, createdAt: string): LocalSigner {
  const pair = generateSigningKeyPair();
  const key: SigningKey = { id: randomUUID(), publicKey: pair.publicKey, operatorId, consoleId, createdAt };
  return {
    key,
    sign(d) {
      if (d.operatorId !== operatorId || d.consoleId !== consoleId)
        throw new Error(`the key of ${operatorId} on ${consoleId} cannot sign for ${d.operatorId} on ${d.consoleId}`);
      const signed = { ...d, keyId: key.id };
      return { ...signed, signature: signText(pair.privateKey, signingPayload(signed)) };
    },
  };
}
