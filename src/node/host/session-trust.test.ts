// Logout, login limits per desk and offline login (v1.1) through the host, against a real hub on loopback.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../common/host-api';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { conn, ok } from './host-test-kit';
import { OFFLINE_LOGIN_MAX_AGE_MS } from './offline-login';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;
let clock = Date.now();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-host-trust-'));
  clock = Date.now();
  hub = await startHub({
    dbPath: join(dir, 'hub.db'),
    seed: 'demo',
    port: 0,
    heartbeatMs: 200,
    trustedProxies: ['127.0.0.1'],
    limits: { loginFailuresPerMinute: 3 },
  });
  host = await createHost({
    dataDir: join(dir, 'console'),
    hubUrl: hub.url,
    heartbeatMs: 200,
    now: () => new Date(clock),
  });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (username: string, password: string, c = conn()) =>
  host!.dispatch('session.login', { username, password }, c);
const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
function hubRows<T>(sql: string, ...args: unknown[]): T[] {
  const db = new Database(join(dir, 'hub.db'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

describe('host sessions (v1.1)', () => {
  it("logout ends the central session and forgets the operator's token here", async () => {
    const c = conn();
    ok(await login('operator', 'demo', c));
    expect(hubRows('SELECT username FROM sessions WHERE username = ?', 'operator')).toHaveLength(1);
    expect(host!.store.setting('token:operator')).not.toBeNull();
    ok(await host!.dispatch('session.logout', {}, c));
    expect(hubRows('SELECT username FROM sessions WHERE username = ?', 'operator')).toHaveLength(0);
    expect(host!.store.setting('token:operator')).toBeNull();
    expect(
      hubRows<{ kind: string }>(`SELECT kind FROM audit WHERE username = 'operator' ORDER BY id`).map((r) => r.kind),
    ).toEqual(['login', 'logout']);
  });

  it("passes each operator's address, so one desk's wrong passwords do not lock out the room", async () => {
    const desk1 = { ...conn(), address: '10.9.0.11' };
    for (let i = 0; i < 3; i++) expect(code(await login('operator', `salah-${i}`, desk1))).toBe('bad_credentials');
    const limited = await login('operator', 'demo', desk1);
    expect(limited).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', details: { retryAfterMs: expect.any(Number) } },
    });
    expect(code(await login('operator', 'demo', { ...conn(), address: '10.9.0.12' }))).toBe('ok');
    expect(code(await login('supervisor', 'demo', { ...conn(), address: '10.9.0.11' }))).toBe('ok');
    expect(hubRows<{ address: string }>(`SELECT DISTINCT address FROM audit WHERE kind = 'login_failed'`)).toEqual([
      { address: '10.9.0.11' },
    ]);
  });
});

describe('offline login (v1.1)', () => {
  it('makes wrong offline passwords wait longer each time', async () => {
    ok(await login('operator', 'demo'));
    await hub.close();
    const tries: string[] = [];
    for (let i = 0; i < 3; i++) tries.push(code(await login('operator', 'salah')));
    expect(tries).toEqual(['bad_credentials', 'bad_credentials', 'bad_credentials']);
    const wait = await login('operator', 'demo');
    expect(wait).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const first = (wait as { error: { details: { retryAfterMs: number } } }).error.details.retryAfterMs;
    expect(first).toBe(2000);
    clock += first;
    expect(code(await login('operator', 'salah'))).toBe('bad_credentials');
    const second = (await login('operator', 'demo')) as { ok: false; error: { details: { retryAfterMs: number } } };
    expect(second.error.details.retryAfterMs).toBe(4000);
    clock += 4000;
    // The right password, once the delay has run, opens it and clears the count.
    expect(ok(await login('operator', 'demo'))).toMatchObject({ operator: { id: 'operator' } });
    expect(code(await login('operator', 'salah'))).toBe('bad_credentials');
    expect(code(await login('operator', 'demo'))).toBe('ok');
  });

  it('lets a verifier expire after 7 days without an online login', async () => {
    ok(await login('viewer', 'demo'));
    await hub.close();
    clock += OFFLINE_LOGIN_MAX_AGE_MS - 60_000;
    expect(code(await login('viewer', 'demo'))).toBe('ok');
    clock += 120_000;
    expect(code(await login('viewer', 'demo'))).toBe('offline_expired');
    // Dropped, not merely refused.
    expect(code(await login('viewer', 'demo'))).toBe('offline_unknown');
  });

  it('drops the verifier when the hub refuses the account (password changed, or disabled)', async () => {
    ok(await login('operator', 'demo'));
    ok(await login('presenter', 'demo'));
    const sup = (await (
      await fetch(`${hub.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'supervisor', password: 'demo' }),
      })
    ).json()) as { token: string };
    const patch = (u: string, body: unknown) =>
      fetch(`${hub.url}/api/v1/accounts/${u}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sup.token}` },
        body: JSON.stringify(body),
      });
    expect((await patch('operator', { password: 'kata-sandi-baru-1' })).status).toBe(200);
    expect((await patch('presenter', { disabled: true })).status).toBe(200);
    expect(code(await login('operator', 'demo'))).toBe('bad_credentials');
    expect(code(await login('presenter', 'demo'))).toBe('account_disabled');
    await hub.close();
    expect(code(await login('operator', 'demo'))).toBe('offline_unknown');
    expect(code(await login('presenter', 'demo'))).toBe('offline_unknown');
  });
});
