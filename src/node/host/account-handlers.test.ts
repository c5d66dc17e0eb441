// The supervisor's account view through the host, against a real hub on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountView } from '../../common/accounts-api';
import { startHub, type Hub } from '../hub/hub';
import { createHost, type ConsoleHost } from './host';
import { conn, ok } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-host-accounts-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
  host = await createHost({ dataDir: join(dir, 'console'), hubUrl: hub.url, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('accounts through the host', () => {
  it('lets a supervisor create, disable, reset the password of and change the role of an account', async () => {
    const sup = conn();
    ok(await host!.dispatch('session.login', { username: 'supervisor', password: 'demo' }, sup));
    const list = ok<{ accounts: AccountView[] }>(await host!.dispatch('accounts.list', {}, sup));
    expect(list.accounts.map((a) => a.username)).toEqual(['operator', 'presenter', 'supervisor', 'viewer']);

    const created = ok<AccountView>(
      await host!.dispatch(
        'accounts.create',
        { username: 'budi', name: 'Budi', role: 'viewer', password: 'singosari-99' },
        sup,
      ),
    );
    expect(created).toMatchObject({ username: 'budi', role: 'viewer', disabled: false });
    expect(
      await host!.dispatch(
        'accounts.create',
        { username: 'budi', name: 'B', role: 'viewer', password: 'singosari-99' },
        sup,
      ),
    ).toMatchObject({ ok: false, error: { code: 'username_taken' } });
    expect(
      await host!.dispatch('accounts.create', { username: 'andi', name: 'A', role: 'viewer', password: 'pendek' }, sup),
    ).toMatchObject({ ok: false, error: { code: 'weak_password' } });

    const budi = conn();
    ok(await host!.dispatch('session.login', { username: 'budi', password: 'singosari-99' }, budi));
    expect(
      ok<AccountView>(await host!.dispatch('accounts.update', { username: 'budi', changes: { role: 'operator' } }, sup))
        .role,
    ).toBe('operator');
    ok(await host!.dispatch('accounts.update', { username: 'budi', changes: { password: 'singosari-100' } }, sup));
    expect(await host!.dispatch('session.login', { username: 'budi', password: 'singosari-99' }, conn())).toMatchObject(
      { ok: false, error: { code: 'bad_credentials' } },
    );
    expect(
      ok<{ operator: { role: string } }>(
        await host!.dispatch('session.login', { username: 'budi', password: 'singosari-100' }, conn()),
      ).operator.role,
    ).toBe('operator');
    expect(
      ok<AccountView>(await host!.dispatch('accounts.update', { username: 'budi', changes: { disabled: true } }, sup))
        .disabled,
    ).toBe(true);
    expect(
      await host!.dispatch('session.login', { username: 'budi', password: 'singosari-100' }, conn()),
    ).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
  });

  it('refuses everyone but a supervisor, and bad input before it reaches the hub', async () => {
    const op = conn();
    expect(await host!.dispatch('accounts.list', {}, op)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    ok(await host!.dispatch('session.login', { username: 'operator', password: 'demo' }, op));
    expect(await host!.dispatch('accounts.list', {}, op)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const sup = conn();
    ok(await host!.dispatch('session.login', { username: 'supervisor', password: 'demo' }, sup));
    expect(
      await host!.dispatch(
        'accounts.create',
        { username: 'X Y', name: 'x', role: 'viewer', password: 'singosari-99' },
        sup,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host!.dispatch('accounts.update', { username: 'operator', changes: {} }, sup)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
