// Tests only: a signing key published to a test hub for the caller, and decisions signed with it.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { expect } from 'vitest';
import { signingPayload } from '../../common/decision-signing';
import { DecisionInput } from '../../common/entities';
import type { TestHub } from '../hub/hub-test-kit';
import { isPostgresUrl } from '../hub/open-hub-storage';
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

/** What someone holding the hub's database can do: edit a decision, recompute every hash after it, publish it again. */
export async function rewriteInHubDb(dbPath: string, decisionId: string, summary: string): Promise<void> {
  if (isPostgresUrl(dbPath)) return rewriteInPg(dbPath, decisionId, summary);
  const db = new Database(dbPath);
  try {
    db.transaction(() => {
      const rows = db.prepare(`SELECT seq, id, data FROM changes WHERE entity = 'decision' ORDER BY seq`).all() as {
        seq: number;
        id: string;
        data: string;
      }[];
      for (const r of recomputed(rows, decisionId, summary)) {
        db.prepare('UPDATE changes SET data = ? WHERE seq = ?').run(r.data, r.seq);
        db.prepare(`UPDATE records SET data = ? WHERE entity = 'decision' AND id = ?`).run(r.data, r.id);
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

/** The decisions from `decisionId` on, with its summary changed and every hash after it recomputed. */
function recomputed(
  rows: { seq: number; id: string; data: string }[],
  decisionId: string,
  summary: string,
): { seq: number; id: string; data: string }[] {
  const at = rows.findIndex((r) => r.id === decisionId);
  let prev = (JSON.parse(rows[at - 1]!.data) as { hash: string }).hash;
  return rows.slice(at).map((r) => {
    const d = JSON.parse(r.data) as Record<string, unknown>;
    if (r.id === decisionId) d.summary = summary;
    d.prevHash = prev;
    d.hash = decisionHashOf(d, prev);
    prev = d.hash as string;
    return { ...r, data: JSON.stringify(d) };
  });
}

/** The same on PostgreSQL: the new change takes the next seq and moves the feed's head, as the hub would. */
async function rewriteInPg(url: string, decisionId: string, summary: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    const locked = await c.query<{ last_seq: string }>('SELECT last_seq FROM feed_head FOR UPDATE');
    const head = Number(locked.rows[0]?.last_seq);
    const rows = (
      await c.query<{ seq: string; id: string; data: string }>(
        `SELECT seq, id, data FROM changes WHERE entity = 'decision' ORDER BY seq`,
      )
    ).rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    for (const r of recomputed(rows, decisionId, summary)) {
      await c.query('UPDATE changes SET data = $1 WHERE seq = $2', [r.data, r.seq]);
      await c.query(`UPDATE records SET data = $1 WHERE entity = 'decision' AND id = $2`, [r.data, r.id]);
    }
    const forged = (
      await c.query<{ data: string; version: number }>(
        `SELECT data, version FROM records WHERE entity = 'decision' AND id = $1`,
        [decisionId],
      )
    ).rows[0]!;
    await c.query(
      `INSERT INTO changes (seq, entity, id, op, version, data) VALUES ($1, 'decision', $2, 'upsert', $3, $4)`,
      [head + 1, decisionId, forged.version + 1, forged.data],
    );
    await c.query('UPDATE feed_head SET last_seq = $1', [head + 1]);
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}
