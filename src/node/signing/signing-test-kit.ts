// Tests only: a signing key published to a test hub for the caller, and decisions signed with it.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { signingPayload } from '../../common/decision-signing';
import { DecisionInput } from '../../common/entities';
import type { TestHub } from '../hub/hub-test-kit';
import { decisionHashOf } from './decision-log';
import { generateSigningKeyPair, signText } from './ed25519';

export interface TestSigner {
  keyId: string;
  publicKey: string;
  /** The decision data to send, signed as `operatorId` on `consoleId` would sign it. */
  sign<D extends { id: string; decidedAt: string; summary: string; rationale: string; action: string }>(
    d: D,
  ): D & { keyId: string; signature: string };
}

export function signerFor(
  operatorId: string,
  consoleId: string,
  pair = generateSigningKeyPair(),
  keyId: string = randomUUID(),
): TestSigner {
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
export async function publishTestKey(
  t: TestHub,
  token: string,
  operatorId: string,
  consoleId: string,
): Promise<TestSigner> {
  const signer = signerFor(operatorId, consoleId);
  const res = await t.api('/mutations', {
    method: 'POST',
    token,
    json: {
      consoleId,
      mutations: [
        {
          id: randomUUID(),
          entity: 'signing_key',
          op: 'upsert',
          data: { id: signer.keyId, publicKey: signer.publicKey },
          clientTime: new Date().toISOString(),
        },
      ],
    },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results[0]?.status).toBe('applied');
  return signer;
}

/** A decision as the hub publishes it at `seq` after a decision hashed `prevHash`, signed by `signer`. */
export function publishedDecision<
  D extends { id: string; decidedAt: string; summary: string; rationale: string; action: string },
>(
  signer: TestSigner,
  d: D,
  operatorId: string,
  consoleId: string,
  seq: number,
  prevHash: string,
): D & {
  keyId: string;
  signature: string;
  operatorId: string;
  consoleId: string;
  seq: number;
  prevHash: string;
  hash: string;
} {
  const body = { ...signer.sign(d), operatorId, consoleId };
  return { ...body, seq, prevHash, hash: decisionHashOf(body, prevHash) };
}

/** The signing_key record the feed publishes for a signer. */
export const publishedKey = (signer: TestSigner, operatorId: string, consoleId: string) => ({
  id: signer.keyId,
  publicKey: signer.publicKey,
  operatorId,
  consoleId,
  createdAt: '2026-11-28T00:00:00.000Z',
});

/** What someone holding the hub's file can do: edit a decision, recompute every hash after it, publish it again. */
export function rewriteInHubDb(dbPath: string, decisionId: string, summary: string): void {
  const db = new Database(dbPath);
  try {
    db.transaction(() => {
      const rows = db.prepare(`SELECT seq, id, data FROM changes WHERE entity = 'decision' ORDER BY seq`).all() as {
        seq: number;
        id: string;
        data: string;
      }[];
      const at = rows.findIndex((r) => r.id === decisionId);
      let prev = (JSON.parse(rows[at - 1]!.data) as { hash: string }).hash;
      for (const r of rows.slice(at)) {
        const d = JSON.parse(r.data) as Record<string, unknown>;
        if (r.id === decisionId) d.summary = summary;
        d.prevHash = prev;
        d.hash = decisionHashOf(d, prev);
        prev = d.hash as string;
        db.prepare('UPDATE changes SET data = ? WHERE seq = ?').run(JSON.stringify(d), r.seq);
        db.prepare(`UPDATE records SET data = ? WHERE entity = 'decision' AND id = ?`).run(JSON.stringify(d), r.id);
      }
      // Published again as a new change, so consoles that hold it already are offered the new text.
      const forged = db
        .prepare(`SELECT data, version FROM records WHERE entity = 'decision' AND id = ?`)
        .get(decisionId) as { data: string; version: number };
      db.prepare(`INSERT INTO changes (entity, id, op, version, data) VALUES ('decision', ?, 'upsert', ?, ?)`).run(
        decisionId,
        forged.version + 1,
        forged.data,
      );
    })();
  } finally {
    db.close();
  }
}
