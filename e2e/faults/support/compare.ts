// The end of every fault test: the console's database and the hub compared record by record.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Change } from '../../../src/common/central-api';
import { verifyDecisionChain, type ChainedDecision } from '../../../src/node/hub/decision-chain';

export interface CentralState {
  decisions: ChainedDecision[];
  incidents: Map<string, { version: number; data: unknown }>;
  lastSeq: number;
}

/** Everything the hub publishes, through the contract's feed. */
export async function readCentral(hubUrl: string): Promise<CentralState> {
  const api = `${hubUrl}/api/v1`;
  const login = await fetch(`${api}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'demo' }),
  });
  const { token } = (await login.json()) as { token: string };
  const decisions: ChainedDecision[] = [];
  const incidents = new Map<string, { version: number; data: unknown }>();
  let since = 0;
  let lastSeq = 0;
  for (;;) {
    const res = await fetch(`${api}/changes?since=${since}&limit=5000&entities=decision,incident`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { changes: Change[]; lastSeq: number; more: boolean };
    for (const c of page.changes) {
      if (c.entity === 'decision') decisions.push(c.data as ChainedDecision);
      else if (c.op === 'delete') incidents.delete(c.id);
      else incidents.set(c.id, { version: c.version, data: c.data });
    }
    since = page.lastSeq;
    lastSeq = page.lastSeq;
    if (!page.more) break;
  }
  return { decisions, incidents, lastSeq };
}

export interface Comparison {
  consoleDecisions: number;
  centralDecisions: number;
  acked: number;
  incidents: number;
}

/**
 * Asserts: the console file is intact; its outbox is empty; every acknowledged write is at the hub exactly once;
 * no write is doubled (each summary written once appears once); every decision and incident the console holds
 * equals the hub's, and the other way round; the decision chain verifies.
 */
export async function compareWithHub(
  consoleDb: string,
  hubUrl: string,
  acked: ReadonlyMap<string, string>,
): Promise<Comparison> {
  const central = await readCentral(hubUrl);
  const db = new Database(consoleDb, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      db.prepare(`SELECT id, entity, state, error, base_version, data FROM outbox`).all(),
      'outbox left over',
    ).toEqual([]);
    const rows = db.prepare('SELECT id, data, seq, hash, state FROM decisions').all() as {
      id: string;
      data: string;
      seq: number | null;
      hash: string | null;
      state: string;
    }[];
    const byId = new Map<string, ChainedDecision>();
    for (const d of central.decisions) {
      expect(byId.has(d.id), `decision ${d.id} twice at the hub`).toBe(false);
      byId.set(d.id, d);
    }
    const bySummary = new Map<string, number>();
    for (const d of central.decisions) bySummary.set(String(d.summary), (bySummary.get(String(d.summary)) ?? 0) + 1);
    for (const [id, summary] of acked) {
      expect(byId.has(id), `acknowledged decision ${id} (${summary}) missing at the hub`).toBe(true);
      expect(bySummary.get(summary), `"${summary}" at the hub`).toBe(1);
    }
    for (const [summary, n] of bySummary)
      if (summary.startsWith('fault:')) expect(n, `"${summary}" at the hub`).toBe(1);
    expect(rows.length, 'decisions held by the console and the hub').toBe(central.decisions.length);
    for (const r of rows) {
      const c = byId.get(r.id);
      expect(c, `console decision ${r.id} unknown at the hub`).toBeDefined();
      expect(r.state).toBe('synced');
      expect({ seq: r.seq, hash: r.hash, data: JSON.parse(r.data) as unknown }).toEqual({
        seq: c!.seq,
        hash: c!.hash,
        data: c,
      });
    }
    const verdict = verifyDecisionChain([...central.decisions].sort((a, b) => a.seq - b.seq));
    expect(verdict).toMatchObject({ ok: true });
    const incidents = db.prepare('SELECT * FROM incidents').all() as {
      id: string;
      data: string;
      version: number;
      local_data?: string | null;
    }[];
    expect(incidents.length, 'incidents held by the console and the hub').toBe(central.incidents.size);
    for (const i of incidents) {
      const c = central.incidents.get(i.id);
      expect(c, `console incident ${i.id} unknown at the hub`).toBeDefined();
      expect({ version: i.version, data: JSON.parse(i.data) as unknown, local: i.local_data ?? null }).toEqual({
        version: c!.version,
        data: c!.data,
        local: null,
      });
    }
    const cursor = db.prepare(`SELECT value FROM sync_state WHERE key = 'cursor'`).get() as
      { value: string } | undefined;
    expect(Number(cursor?.value ?? 0)).toBe(central.lastSeq);
    return {
      consoleDecisions: rows.length,
      centralDecisions: central.decisions.length,
      acked: acked.size,
      incidents: incidents.length,
    };
  } finally {
    db.close();
  }
}

/** Waits until the host says nothing waits and its cursor reached the hub's last seq. */
export async function converged(
  status: () => Promise<{ pending: number; rejected: number; lastSeq: number }>,
  hubUrl: string,
  ms: number,
): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    try {
      const s = await status();
      const health = (await (await fetch(`${hubUrl}/api/v1/health`)).json()) as { lastSeq: number };
      if (s.pending === 0 && s.lastSeq >= health.lastSeq) return Date.now() - t0;
      if (Date.now() - t0 > ms)
        throw new Error(`not converged in ${ms} ms: ${JSON.stringify(s)}, hub lastSeq ${health.lastSeq}`);
    } catch (e) {
      if (Date.now() - t0 > ms) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
