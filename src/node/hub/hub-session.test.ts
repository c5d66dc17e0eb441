import { afterEach, describe, expect, it } from 'vitest';
import { HealthResponse, SessionResponse } from '../../common/central-api';
import { detailFields, expectError, startTestHub, type TestHub } from './hub-test-kit';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('health and session', () => {
  it('answers /health without a token', async () => {
    t = await startTestHub();
    const res = await t.api('/health');
    expect(res.status).toBe(200);
    const body = HealthResponse.parse(await res.json());
    expect(body.lastSeq).toBeGreaterThan(0);
    expect(body.api).toBe('1.1');
  });

  it('logs in each demo role and hands out a token that works', async () => {
    t = await startTestHub();
    expect(t.hub.accounts.map((a) => a.username)).toEqual(['supervisor', 'operator', 'presenter', 'viewer']);
    for (const role of ['supervisor', 'operator', 'presenter', 'viewer']) {
      const res = await t.api('/session', { method: 'POST', json: { username: role, password: 'demo' } });
      expect(res.status).toBe(200);
      const session = SessionResponse.parse(await res.json());
      expect(session.operator).toEqual({ id: role, name: expect.any(String), role });
      expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
      const hours = (Date.parse(session.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11);
      expect(hours).toBeLessThanOrEqual(12);
      expect((await t.api('/changes?limit=1', { token: session.token })).status).toBe(200);
    }
  });

  it('stores no token and no password in clear', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    const hashes = (await t.sql<{ token_hash: string }>('SELECT token_hash FROM sessions')).map((r) => r.token_hash);
    expect(hashes).not.toContain(token);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    const pw = (await t.sql<{ password_hash: string }>('SELECT password_hash FROM accounts')).map(
      (r) => r.password_hash,
    );
    expect(pw.every((p) => p.startsWith('scrypt$') && !p.includes('demo'))).toBe(true);
    expect(new Set(pw).size).toBe(pw.length);
  });

  it('refuses an expired session', async () => {
    t = await startTestHub();
    const token = await t.login('operator');
    await t.sql('UPDATE sessions SET expires_at = ?', new Date(Date.now() - 1000).toISOString());
    await expectError(await t.api('/changes', { token }), 401, 'unauthorized');
  });

  it('refuses bad credentials and bad bodies with the error envelope', async () => {
    t = await startTestHub();
    await expectError(
      await t.api('/session', { method: 'POST', json: { username: 'operator', password: 'nope' } }),
      401,
      'invalid_credentials',
    );
    await expectError(
      await t.api('/session', { method: 'POST', json: { username: 'nobody', password: 'demo' } }),
      401,
      'invalid_credentials',
    );
    const malformed = await expectError(
      await t.api('/session', {
        method: 'POST',
        body: '{"username":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'malformed_json',
    );
    expect(detailFields(malformed)).toEqual(['(body)']);
    await expectError(await t.api('/session', { method: 'POST', body: '' }), 400, 'malformed_json');
    await expectError(
      await t.api('/session', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0x7d]) }),
      400,
      'malformed_json',
    );
    const unknown = await expectError(
      await t.api('/session', { method: 'POST', json: { username: 'operator', password: 'demo', remember: true } }),
      400,
      'invalid_body',
    );
    expect(detailFields(unknown)).toEqual(['remember']);
    const types = await expectError(
      await t.api('/session', { method: 'POST', json: { username: 7, password: null } }),
      400,
      'invalid_body',
    );
    expect(detailFields(types).sort()).toEqual(['password', 'username']);
    await expectError(await t.api('/session', { method: 'POST', json: ['operator', 'demo'] }), 400, 'invalid_body');
    await expectError(
      await t.api('/session?x=1', { method: 'POST', json: { username: 'operator', password: 'demo' } }),
      400,
      'invalid_query',
    );
  });

  it('rate limits failed logins per address, then also refuses good passwords from it', async () => {
    t = await startTestHub();
    for (let i = 0; i < 10; i++) {
      await expectError(
        await t.api('/session', { method: 'POST', json: { username: 'operator', password: `guess${i}` } }),
        401,
      );
    }
    const limited = await t.api('/session', { method: 'POST', json: { username: 'operator', password: 'demo' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectError(limited, 429, 'rate_limited');
  });

  it('rate limits requests per token', async () => {
    t = await startTestHub({ limits: { requestsPerMinute: 5 } });
    const token = await t.login('viewer');
    for (let i = 0; i < 5; i++) expect((await t.api('/changes?limit=1', { token })).status).toBe(200);
    await expectError(await t.api('/changes?limit=1', { token }), 429, 'rate_limited');
    // Another session has its own budget.
    expect((await t.api('/changes?limit=1', { token: await t.login('operator') })).status).toBe(200);
  });

  it('needs a valid bearer token everywhere but /health and /session', async () => {
    t = await startTestHub();
    for (const [method, path] of [
      ['GET', '/changes'],
      ['GET', '/stream'],
      ['POST', '/mutations'],
    ] as const) {
      await expectError(await t.api(path, { method }), 401, 'unauthorized');
      await expectError(await t.api(path, { method, token: 'not-a-token' }), 401, 'unauthorized');
      await expectError(
        await t.api(path, { method, headers: { authorization: 'Basic b3BlcmF0b3I6ZGVtbw==' } }),
        401,
        'unauthorized',
      );
    }
  });

  it('answers unknown routes with 404 and wrong methods with 405, in the envelope', async () => {
    t = await startTestHub();
    await expectError(await t.api('/nope'), 404, 'not_found');
    await expectError(await t.api('/changes/1'), 404, 'not_found');
    await expectError(await fetch(`${t.hub.url}/health`), 404, 'not_found');
    await expectError(await fetch(`${t.hub.url}/api/v2/health`), 404, 'not_found');
    await expectError(await t.api('/__proto__'), 404, 'not_found');
    const res = await t.api('/session');
    expect(res.headers.get('allow')).toBe('POST, DELETE'); // v1.1: DELETE /session is the logout
    await expectError(res, 405, 'method_not_allowed');
    await expectError(await t.api('/health', { method: 'DELETE' }), 405, 'method_not_allowed');
    await expectError(await t.api('/mutations', { method: 'PUT', json: {} }), 405, 'method_not_allowed');
  });
});

describe('first start without the demo seed', () => {
  it('refuses to start with no account and no admin password', async () => {
    const { startHub, HubSetupError } = await import('./hub');
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const join = (...parts: string[]) => path.join(...parts);
    const dir = mkdtempSync(join(tmpdir(), 'nawa-hub-test-'));
    try {
      await expect(startHub({ dbPath: join(dir, 'hub.db'), port: 0 })).rejects.toBeInstanceOf(HubSetupError);
      expect(existsSync(join(dir, 'hub.db'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates only the first supervisor from the admin password, and the preset layouts', async () => {
    t = await startTestHub({ seed: undefined, adminPassword: 'rahasia-kepanjen' });
    expect(t.hub.accounts).toEqual([]);
    await expectError(
      await t.api('/session', { method: 'POST', json: { username: 'operator', password: 'demo' } }),
      401,
    );
    const token = await t.login('supervisor', 'rahasia-kepanjen');
    const feed = (await (await t.api('/changes?since=0', { token })).json()) as { changes: { entity: string }[] };
    expect(feed.changes.map((c) => c.entity)).toEqual(['layout', 'layout', 'layout', 'layout']);
    // Restarting without the password works once an account exists.
    await t.restart({ adminPassword: undefined });
    expect((await t.api('/health')).status).toBe(200);
  });
});
