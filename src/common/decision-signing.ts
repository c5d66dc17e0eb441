// Signed decisions of central-api.md v1.1: the signing_key entity and the exact bytes an operator signs.
import { z } from 'zod';
import { canonicalJson } from './canonical-json';

const base64Of = (bytes: number) => {
  const chars = Math.ceil(bytes / 3) * 4;
  const pad = (3 - (bytes % 3)) % 3;
  return new RegExp(`^[A-Za-z0-9+/]{${chars - pad}}${'='.repeat(pad)}$`);
};
/** base64 of the 32-byte raw Ed25519 public key. */
export const PublicKey = z.string().regex(base64Of(32), 'expected base64 of a 32-byte Ed25519 public key');
/** base64 of a 64-byte Ed25519 signature (RFC 8032). */
export const Signature = z.string().regex(base64Of(64), 'expected base64 of a 64-byte Ed25519 signature');

const Time = z.iso.datetime({ offset: false });

/** What a client sends: its own new key, or (a supervisor) the same key with revokedAt. */
export const SigningKeyInput = z.strictObject({
  id: z.uuid(),
  publicKey: PublicKey,
  revokedAt: Time.optional(),
});
export type SigningKeyInput = z.infer<typeof SigningKeyInput>;

/** As the feed publishes it: operatorId, consoleId and createdAt are central. */
export const SigningKey = SigningKeyInput.extend({
  operatorId: z.string().min(1),
  consoleId: z.string().min(1),
  createdAt: Time,
});
export type SigningKey = z.infer<typeof SigningKey>;

export interface SignedFields {
  id: string;
  incidentId?: string;
  supersedes?: string;
  decidedAt: string;
  summary: string;
  rationale: string;
  action: string;
  operatorId: string;
  consoleId: string;
  keyId: string;
}

/** `s` of the contract: the decision as the hub will publish it, less seq, prevHash, hash and signature. */
export function signingPayload(d: SignedFields): string {
  const s: SignedFields = {
    id: d.id,
    incidentId: d.incidentId,
    supersedes: d.supersedes,
    decidedAt: d.decidedAt,
    summary: d.summary,
    rationale: d.rationale,
    action: d.action,
    operatorId: d.operatorId,
    consoleId: d.consoleId,
    keyId: d.keyId,
  };
  return canonicalJson(s);
}
