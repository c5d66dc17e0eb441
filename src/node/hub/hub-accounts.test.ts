import { afterEach, describe, expect, it } from 'vitest';
import { AccountsResponse, AccountView, AuditResponse } from '../../common/accounts-api';
import { expectError, startTestHub, type TestHub } from './hub-test-kit';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const login = (hub: TestHub, username: string, password: string, headers: Record<string, string> = {}) =>
  hub.api('/session', { method: 'POST', json: { username, password }, headers });

async function audit(hub: TestHub, token: string, query = '') {
  const res = await hub.api(`/audit${query}`, { token });
  expect(res.status).toBe(200);
  return AuditResponse.parse(await res.json()).records;
}

/** Resolves when the stream's body ends (the hub closed it), or 'open' after `ms`. */
async function streamEnds(res: Response, ms: number): Promise<'ended' | 'open'> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const deadline = Date.now() + ms;
  try {
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return 'open';
      const next = await Promise.race([
        reader.read(),
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), left)),
      ]);
      if (next === 'timeout') return 'open';
      if (next.done) return 'ended';
    }
  } catch {
    return 'ended';
  } finally {
    reader.releaseLock();
  }
}

describe('password hashes', () => {
  it('uses scrypt N=2^17, r=8, p=1 by default', async () => {
    t = await startTestHub({ seed: undefined, adminPassword: 'rahasia-kepanjen' });
    const [row] = await t.sql<{ password_hash: string }>('SELECT password_hash FROM accounts');
    const hash = row?.password_hash;
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login(t, 'supervisor', 'rahasia-kepanjen')).status).toBe(200);
  });

  it('hashes accounts made through the API at 2^17 too, and raises an older weaker hash at the next login', async () => {
    t = await startTestHub();
    const sup = await t.login('supervisor');
    const res = await t.api('/accounts', {
      method: 'POST',
      token: sup,
      json: { username: 'rina', name: 'Rina', role: 'viewer', password: 'lawang-2026-x' },
    });
    expect(res.status).toBe(201);
    const hub = t;
    const hashOf = async (u: string) =>
      (await hub.sql<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE username = ?', u))[0]
        ?.password_hash;
    expect(await hashOf('rina')).toMatch(/^scrypt\$131072\$8\$1\$/);
    // A v1 hub's hash (2^14) of a real password is replaced once the password is known again.
    const { hashPassword } = await import('./auth');
    await t.sql(
      'UPDATE accounts SET password_hash = ? WHERE username = ?',
      await hashPassword('lawang-2026-x', 2 ** 14),
      'rina',
    );
    expect(await hashOf('rina')).toMatch(/^scrypt\$16384\$/);
    expect((await login(t, 'rina', 'lawang-2026-x')).status).toBe(200);
    expect(await hashOf('rina')).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login(t, 'rina', 'lawang-2026-x')).status).toBe(200);
  });
});

describe('login limits (v1.1)', () => {
  it('limits 60 parallel wrong logins for supervisor, and another user still logs in from the same address', async () => {
    t = await startTestHub();
    const hub = t;
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(hub, 'supervisor', `salah-${i}`)));
    const statuses = answers.map((r) => r.status);
    const refused = statuses.filter((s) => s === 401).length;
    const limited = answers.filter((r) => r.status === 429);
    expect(refused + limited.length).toBe(60);
    // Counted before verifying: exactly the limit (10 a minute) got as far as a password check.
    expect(refused).toBe(10);
    for (const r of limited) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(limited[0] as Response, 429, 'rate_limited');
    // supervisor from this address waits, even with the right password...
    await expectError(await login(hub, 'supervisor', 'demo'), 429, 'rate_limited');
    // ...but everyone else behind the same address logs in.
    expect((await login(hub, 'operator', 'demo')).status).toBe(200);
    expect((await login(hub, 'viewer', 'demo')).status).toBe(200);
    const presenter = await hub.login('presenter');
    expect(presenter).toBeTruthy();

    // The audit, read from the file: supervisor is locked out from this address, so cannot ask GET /audit here.
    const kinds = (
      await hub.sql<{ kind: string; n: number | string }>(
        `SELECT kind, count(*) AS n FROM audit WHERE username = 'supervisor' GROUP BY kind ORDER BY kind`,
      )
    ).map((r) => ({ kind: r.kind, n: Number(r.n) }));
    expect(kinds).toEqual([
      { kind: 'lockout', n: 1 },
      { kind: 'login_failed', n: 10 },
    ]);
  });

  it('does not count a right password as a failure', async () => {
    t = await startTestHub({ limits: { loginFailuresPerMinute: 3 } });
    for (let i = 0; i < 10; i++) expect((await login(t, 'operator', 'demo')).status).toBe(200);
    for (let i = 0; i < 3; i++) await expectError(await login(t, 'operator', 'salah'), 401, 'invalid_credentials');
    await expectError(await login(t, 'operator', 'demo'), 429, 'rate_limited');
  });

  it("believes X-Forwarded-For only from a configured proxy, so the console host passes each operator's address", async () => {
    t = await startTestHub({ trustedProxies: ['127.0.0.1'], limits: { loginFailuresPerMinute: 3 } });
    const from = (a: string) => ({ 'x-forwarded-for': a });
    for (let i = 0; i < 3; i++) await expectError(await login(t, 'operator', 'salah', from('10.9.0.11')), 401);
    await expectError(await login(t, 'operator', 'demo', from('10.9.0.11')), 429, 'rate_limited');
    // The same user at another desk, behind the same host.
    expect((await login(t, 'operator', 'demo', from('10.9.0.12'))).status).toBe(200);
    // The last entry is the one the trusted proxy added; what the client wrote before it is not believed.
    expect((await login(t, 'operator', 'demo', { 'x-forwarded-for': '10.9.0.12, 10.9.0.11' })).status).toBe(429);
    const sup = await t.login('supervisor');
    const records = await audit(t, sup, '?username=operator');
    expect(records.filter((r) => r.kind === 'login_failed').map((r) => r.address)).toEqual([
      '10.9.0.11',
      '10.9.0.11',
      '10.9.0.11',
    ]);
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    t = await startTestHub({ limits: { loginFailuresPerMinute: 2 } });
    for (let i = 0; i < 2; i++)
      await expectError(await login(t, 'operator', 'salah', { 'x-forwarded-for': `10.9.0.${i}` }), 401);
    await expectError(await login(t, 'operator', 'demo', { 'x-forwarded-for': '10.9.0.99' }), 429, 'rate_limited');
  });
});

describe('sessions (v1.1)', () => {
  it('DELETE /session ends the session: its token answers 401 and its stream is closed', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    const other = await t.login('operator');
    const stream = await t.api('/stream', { token });
    expect(stream.status).toBe(200);
    const ending = streamEnds(stream, 5000);
    const res = await t.api('/session', { method: 'DELETE', token });
    expect(res.status).toBe(204);
    expect(await ending).toBe('ended');
    await expectError(await t.api('/changes?limit=1', { token }), 401, 'unauthorized');
    await expectError(await t.api('/session', { method: 'DELETE', token }), 401, 'unauthorized');
    // The same operator's other session goes on.
    expect((await t.api('/changes?limit=1', { token: other })).status).toBe(200);
    const records = await audit(t, await t.login('supervisor'), '?username=operator');
    // Newest first.
    expect(records.map((r) => r.kind)).toEqual(['logout', 'login', 'login']);
  });

  it('closes a stream when its token expires', async () => {
    t = await startTestHub();
    const token = await t.login('viewer');
    await t.sql('UPDATE sessions SET expires_at = ?', new Date(Date.now() + 1500).toISOString());
    const stream = await t.api('/stream', { token });
    expect(stream.status).toBe(200);
    const started = Date.now();
    expect(await streamEnds(stream, 6000)).toBe('ended');
    expect(Date.now() - started).toBeGreaterThan(800);
    await expectError(await t.api('/stream', { token }), 401, 'unauthorized');
  });
});

describe('accounts (v1.1)', () => {
  it('lets only supervisors list, create and change accounts', async () => {
    t = await startTestHub();
    const operator = await t.login('operator');
    await expectError(await t.api('/accounts', { token: operator }), 403, 'forbidden');
    await expectError(
      await t.api('/accounts', {
        method: 'POST',
        token: operator,
        json: { username: 'baru', name: 'B', role: 'viewer', password: 'x'.repeat(12) },
      }),
      403,
      'forbidden',
    );
    await expectError(
      await t.api('/accounts/viewer', { method: 'PATCH', token: operator, json: { disabled: true } }),
      403,
      'forbidden',
    );
    await expectError(await t.api('/audit', { token: operator }), 403, 'forbidden');
    await expectError(await t.api('/accounts'), 401, 'unauthorized');

    const sup = await t.login('supervisor');
    const list = AccountsResponse.parse(await (await t.api('/accounts', { token: sup })).json()).accounts;
    expect(list.map((a) => a.username)).toEqual(['operator', 'presenter', 'supervisor', 'viewer']);
    expect(list.find((a) => a.username === 'supervisor')?.lastLoginAt).toEqual(expect.any(String));
    expect(list.find((a) => a.username === 'viewer')).toMatchObject({ disabled: false, lastLoginAt: null });
  });

  it("creates accounts with the contract's rules", async () => {
    t = await startTestHub();
    const sup = await t.login('supervisor');
    const create = (json: unknown) => t!.api('/accounts', { method: 'POST', token: sup, json });
    const res = await create({
      username: 'dewi.s',
      name: ' Dewi Setyawati ',
      role: 'operator',
      password: 'kepanjen-2026',
    });
    expect(res.status).toBe(201);
    expect(AccountView.parse(await res.json())).toMatchObject({
      username: 'dewi.s',
      name: 'Dewi Setyawati',
      role: 'operator',
      disabled: false,
      lastLoginAt: null,
    });
    expect((await login(t, 'dewi.s', 'kepanjen-2026')).status).toBe(200);
    await expectError(
      await create({ username: 'dewi.s', name: 'D', role: 'viewer', password: 'kepanjen-2026' }),
      409,
      'username_taken',
    );
    await expectError(
      await create({ username: 'andi', name: 'Andi', role: 'viewer', password: 'pendek' }),
      400,
      'weak_password',
    );
    for (const username of ['ab', 'Dewi', 'a'.repeat(33), 'dewi s', 'déwi']) {
      await expectError(
        await create({ username, name: 'X', role: 'viewer', password: 'kepanjen-2026' }),
        400,
        'invalid_body',
      );
    }
    await expectError(
      await create({ username: 'andi', name: '\u200B', role: 'viewer', password: 'kepanjen-2026' }),
      400,
      'invalid_body',
    );
    await expectError(
      await create({ username: 'andi', name: 'Andi', role: 'root', password: 'kepanjen-2026' }),
      400,
      'invalid_body',
    );
    await expectError(
      await create({ username: 'andi', name: 'Andi', role: 'viewer', password: 'kepanjen-2026', admin: true }),
      400,
      'invalid_body',
    );
  });

  it('revokes every token of an account and ends its streams on disable, password or role change', async () => {
    t = await startTestHub();
    const sup = await t.login('supervisor');
    const patch = (username: string, json: unknown) =>
      t!.api(`/accounts/${username}`, { method: 'PATCH', token: sup, json });

    // A name change revokes nothing.
    const op1 = await t.login('operator');
    expect(AccountView.parse(await (await patch('operator', { name: 'Operator Pagi' })).json()).name).toBe(
      'Operator Pagi',
    );
    expect((await t.api('/changes?limit=1', { token: op1 })).status).toBe(200);

    // Each change with the password that holds before it.
    const steps: [object, string][] = [
      [{ role: 'viewer' }, 'demo'],
      [{ password: 'kata-sandi-baru-1' }, 'demo'],
      [{ disabled: true }, 'kata-sandi-baru-1'],
    ];
    for (const [change, pw] of steps) {
      const a = await t.login('operator', pw);
      const b = await t.login('operator', pw);
      const stream = await t.api('/stream', { token: a });
      const ending = streamEnds(stream, 5000);
      const res = await patch('operator', change);
      expect(res.status, JSON.stringify(change)).toBe(200);
      expect(await ending, JSON.stringify(change)).toBe('ended');
      for (const token of [a, b]) await expectError(await t.api('/changes?limit=1', { token }), 401, 'unauthorized');
    }
    // Disabled: the right password is refused with its own code; enabling lets it in again.
    await expectError(await login(t, 'operator', 'kata-sandi-baru-1'), 401, 'account_disabled');
    expect(AccountView.parse(await (await patch('operator', { disabled: false })).json()).disabled).toBe(false);
    expect((await login(t, 'operator', 'kata-sandi-baru-1')).status).toBe(200);
    await expectError(await login(t, 'operator', 'demo'), 401, 'invalid_credentials');

    await expectError(await patch('operator', { password: 'pendek' }), 400, 'weak_password');
    await expectError(await patch('nobody', { disabled: true }), 404, 'not_found');
    await expectError(await patch('operator', {}), 400, 'invalid_body');
    await expectError(await patch('operator', { role: 'root' }), 400, 'invalid_body');
    await expectError(await patch('supervisor', { disabled: true }), 409, 'self_lockout');

    const records = await audit(t, sup, '?username=operator');
    const changes = records
      .filter((r) => r.kind === 'account_changed')
      .map((r) => (r.detail as { changed: string[] }).changed)
      .reverse();
    expect(changes).toEqual([['name'], ['role'], ['password'], ['disabled'], ['disabled']]);
    expect(records.every((r) => r.kind !== 'account_changed' || r.actor === 'supervisor')).toBe(true);
    expect(
      records.some((r) => r.kind === 'login_failed' && (r.detail as { reason: string }).reason === 'disabled'),
    ).toBe(true);
  });
});
