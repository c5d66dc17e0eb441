// The exported decision log: every decision of the feed and the signing keys they name, with the head the
// exporter saw, so a cut-off tail shows as well as an edited, dropped or reordered entry.
import { z } from 'zod';
import { API_PREFIX, ChangesResponse, SessionResponse } from '../../common/central-api';
import { verifyDecisionLog, type KnownKey, type LoggedDecision, type LogVerdict } from './decision-log';

export const LOG_FORMAT = 'nawa-decision-log';

export const DecisionLogExport = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  source: z.string(),
  /** How many decisions the exporter wrote, and the last one's seq and hash. */
  count: z.number().int().nonnegative(),
  head: z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string() }),
  decisions: z.array(z.looseObject({ id: z.string(), seq: z.number(), prevHash: z.string(), hash: z.string() })),
  signingKeys: z.array(
    z.looseObject({ id: z.string(), publicKey: z.string(), operatorId: z.string(), consoleId: z.string() }),
  ),
});
export type DecisionLogExport = z.infer<typeof DecisionLogExport>;

export function buildExport(
  source: string,
  decisions: LoggedDecision[],
  keys: KnownKey[],
  now = new Date(),
): DecisionLogExport {
  const last = decisions[decisions.length - 1];
  return {
    format: LOG_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    source,
    count: decisions.length,
    head: { seq: last?.seq ?? 0, hash: last?.hash ?? '0'.repeat(64) },
    decisions,
    signingKeys: keys,
  };
}

/** The chain and signatures, then that nothing is missing after the last entry. */
export function verifyExport(file: DecisionLogExport): LogVerdict {
  const decisions = file.decisions as LoggedDecision[];
  const verdict = verifyDecisionLog(decisions, file.signingKeys);
  if (!verdict.ok) return verdict;
  if (verdict.count !== file.count || verdict.lastSeq !== file.head.seq || verdict.head !== file.head.hash) {
    const last = decisions[decisions.length - 1];
    return {
      ok: false,
      index: decisions.length,
      id: last?.id ?? '(none)',
      seq: last?.seq ?? 0,
      reason: `the log ends at #${verdict.lastSeq} after ${verdict.count} decisions, but it was exported with ${file.count} ending at #${file.head.seq} (${file.head.hash}): entries are missing`,
    };
  }
  return verdict;
}

/** Parses an export; throws with the fields that are wrong. */
export function parseExport(text: string): DecisionLogExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}`);
  }
  const parsed = DecisionLogExport.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `not a ${LOG_FORMAT} export: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(file)'} ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

/** Downloads every decision and signing key of a hub's feed, in seq order (the newest state of each key). */
export async function fetchLog(hubUrl: string, username: string, password: string): Promise<DecisionLogExport> {
  const base = `${hubUrl.replace(/\/+$/, '')}${API_PREFIX}`;
  const login = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login as ${username} at ${hubUrl} failed: ${login.status} ${await login.text()}`);
  const { token } = SessionResponse.parse(await login.json());
  const decisions: LoggedDecision[] = [];
  const keys = new Map<string, KnownKey>();
  let since = 0;
  for (;;) {
    const res = await fetch(`${base}/changes?since=${since}&limit=5000&entities=decision,signing_key`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`GET /changes at ${hubUrl} failed: ${res.status} ${await res.text()}`);
    const page = ChangesResponse.parse(await res.json());
    for (const c of page.changes) {
      if (c.op !== 'upsert') continue;
      if (c.entity === 'decision') decisions.push(c.data as LoggedDecision);
      else keys.set(c.id, c.data as KnownKey);
    }
    if (!page.more || page.lastSeq <= since) break;
    since = page.lastSeq;
  }
  return buildExport(hubUrl, decisions, [...keys.values()]);
}
