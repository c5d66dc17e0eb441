// Ed25519 (RFC 8032) through node:crypto, with keys as the contract carries them: the raw 32-byte public key in base64.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

// DER prefix of an SPKI holding an Ed25519 key: the raw 32 bytes follow it.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export interface KeyPair {
  publicKey: string;
  privateKey: string;
}

/** A fresh key pair: publicKey the raw key in base64, privateKey PKCS#8 DER in base64 (to be sealed at rest). */
export function generateSigningKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKey(publicKey).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
}

/** Signs the UTF-8 bytes of `text`; returns the 64-byte signature in base64. */
export function signText(privateKey: string, text: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(text, 'utf8'), key).toString('base64');
}

/** False for a wrong signature, and for a key or signature that is not one at all. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const raw = Buffer.from(publicKey, 'base64');
    const sig = Buffer.from(signature, 'base64');
    if (raw.length !== 32 || sig.length !== 64) return false;
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), key, sig);
  } catch {
    return false;
  }
}
