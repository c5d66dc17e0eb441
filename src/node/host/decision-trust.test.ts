// The attack of issue 10 against a running console: a decision rewritten in the hub's SQLite file with the whole
// chain recomputed, then published again. The console keeps its verified copy and raises a tamper alarm, and
// `nawa verify-log` names the decision.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecisionTrust } from '../../common/decision-trust-api';
import { startHub, type Hub } from '../hub/hub';
import { testHubDb } from '../hub/hub-test-kit';
import { rewriteInHubDb } from '../signing/signing-test-kit';
import { verifyLogMain } from '../signing/verify-log-cli';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
let second: ConsoleHost | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-trust-'));
  hub = await startHub({ dbPath: await testHubDb(dir), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  await second?.close();
  host = second = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tamper alarm', () => {
  it('keeps the verified decision when the hub database is rewritten with the chain recomputed, and verify-log names it', async () => {
    host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200, consoleId: 'ruang-1' });
    const events: DecisionTrust[] = [];
    host.onEvent((name, payload) => {
      if (name === 'decisions.trust') events.push(payload as DecisionTrust);
    });
    const op = conn();
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, op));
    const ids: string[] = [];
    for (const summary of ['Tutup jalan Dampit', 'Buka posko di Sitiarjo']) {
      ids.push(
        ok<{ decision: { id: string } }>(
          await host.dispatch('decisions.record', { summary, rationale: 'Longsor', action: 'Dishub' }, op),
        ).decision.id,
      );
    }
    const h = host;
    await until('both signed decisions verified', () => {
      const seqs = h.store
        .decisions()
        .filter((d) => ids.includes(d.id) && d.state === 'synced')
        .map((d) => d.seq as number);
      return seqs.length === 2 && h.store.trust.state().verifiedSeq >= Math.max(...seqs);
    });
    const target = ids[0]!;
    const verifiedBefore = h.store.trust.state().verifiedSeq;
    // Shown to a connection that has not logged in, as to every role.
    expect(ok<DecisionTrust>(await host.dispatch('decisions.trust', {}, conn()))).toMatchObject({
      verifiedSeq: verifiedBefore,
      alarms: 0,
    });
    const env = { NAWA_VERIFY_USER: 'viewer', NAWA_VERIFY_PASSWORD: 'demo' };
    const quiet = { write: () => true } as never;
    expect(await verifyLogMain(['--hub', hub.url], env, quiet, quiet)).toBe(0);

    // The attack, on the file, with the hub restarted on it.
    const port = Number(new URL(hub.url).port);
    await hub.close();
    await rewriteInHubDb(await testHubDb(dir), target, 'Jalan Dampit tetap dibuka');
    hub = await startHub({ dbPath: await testHubDb(dir), port, heartbeatMs: 200 });

    await until('tamper alarm', () => h.store.trust.state().alarms > 0, 15_000);
    const trust = ok<DecisionTrust>(await host.dispatch('decisions.trust', {}, conn()));
    expect(
      trust.recent.some(
        (a) => a.decisionId === target && (a.offered as { summary: string }).summary === 'Jalan Dampit tetap dibuka',
      ),
    ).toBe(true);
    expect(h.store.decisions().find((d) => d.id === target)).toMatchObject({
      summary: 'Tutup jalan Dampit',
      state: 'synced',
    });
    expect(trust.verifiedSeq).toBe(verifiedBefore);
    await until('the alarm event', () => events.some((e) => e.alarms > 0));

    let err = '';
    const code = await verifyLogMain(['--hub', hub.url], env, quiet, {
      write: (s: string) => {
        err += s;
        return true;
      },
    } as never);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`decision ${target}.*signature does not verify`));

    // A console that first meets this hub now takes nothing it cannot verify either.
    second = await createHost({
      dataDir: join(dir, 'console-2'),
      hubUrl: hub.url,
      heartbeatMs: 200,
      syncAccount: { username: 'viewer', password: 'demo' },
    });
    const s = second;
    await until('the newcomer alarmed', () => s.store.trust.state().alarms > 0, 15_000);
    expect(s.store.decisions().some((d) => d.id === target)).toBe(false);
  }, 60_000);
});
