// What a logout leaves behind (issue 10, item 6: "tokens and keys of a logged-out operator dropped"), and where
// the sealing key lives, against a real hub on loopback and the console's real SQLite file.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../hub/hub';
import { KeyFileSecretStore, type SecretStore } from '../ports/secret-store';
import { createHost, type ConsoleHost } from './host';
import { conn, ok, until } from './host-test-kit';

let dir: string;
let hub: Hub;
let host: ConsoleHost | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-logout-'));
  hub = await startHub({ dbPath: join(dir, 'hub.db'), seed: 'demo', port: 0, heartbeatMs: 200 });
});
afterEach(async () => {
  await host?.close();
  host = null;
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

const data = () => join(dir, 'console');
/** The operator's hub token as this console keeps it (sealed with the host's key file). */
const storedToken = (h: ConsoleHost, operatorId: string, secrets: SecretStore) => {
  const sealed = h.store.setting(`token:${operatorId}`);
  return sealed ? (JSON.parse(secrets.open(sealed)) as { token: string }).token : null;
};
const hubStatus = async (token: string, url = hub.url) =>
  (await fetch(`${url}/api/v1/changes?since=0&limit=1`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('logout', () => {
  it("drops the operator's hub token and signing key here and ends the session at the hub", async () => {
    host = await createHost({ dataDir: data(), hubUrl: hub.url, heartbeatMs: 200 });
    const secrets = new KeyFileSecretStore(join(data(), 'secret.key'));
    const c = conn();
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
    ok(await host.dispatch('decisions.record', { summary: 'Tutup jalan', rationale: 'Banjir', action: 'Alihkan' }, c));
    await until('the decision pushed', () => host!.sync.status().pending === 0);
    const token = storedToken(host, 'operator', secrets)!;
    const keyId = (JSON.parse(secrets.open(host.store.setting('signkey:operator')!)) as { keyId: string }).keyId;
    expect(await hubStatus(token)).toBe(200);

    const heldResume = c.resumeKey!;
    ok(await host.dispatch('session.logout', {}, c));

    expect(host.store.setting('token:operator')).toBeNull();
    expect(host.store.setting('signkey:operator')).toBeNull();
    expect(await hubStatus(token)).toBe(401);
    expect(host.store.settingsWithPrefix('logout:')).toEqual([]);
    expect(await host.dispatch('session.resume', { resumeKey: heldResume }, conn())).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });

    // The next login makes a new key; the old decision still verifies with the old key, which stays published.
    const again = conn();
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, again));
    const newKeyId = (JSON.parse(secrets.open(host.store.setting('signkey:operator')!)) as { keyId: string }).keyId;
    expect(newKeyId).not.toBe(keyId);
    ok(await host.dispatch('decisions.record', { summary: 'Buka jalan', rationale: 'Surut', action: 'Buka' }, again));
    await until('the second decision pushed', () => host!.sync.status().pending === 0);
    await until('both decisions back from the feed, verified', () => host!.store.trust.state(1).verifiedSeq >= 2);
    expect(host.store.trust.state(1).alarms).toBe(0);
    expect(host.sync.status().rejected).toBe(0);
  });

  it('keeps the offline verifier, so the next shift can still log in while the link is down', async () => {
    host = await createHost({ dataDir: data(), hubUrl: hub.url, heartbeatMs: 200 });
    const c = conn();
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, c));
    ok(await host.dispatch('session.logout', {}, c));
    await hub.close();
    expect(ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, conn()))).toMatchObject({
      operator: { id: 'operator' },
    });
    hub = await startHub({ dbPath: join(dir, 'hub2.db'), seed: 'demo', port: 0 });
  });

  it('sends a logout the hub could not take again once the hub answers, so the token does not stay valid there', async () => {
    const port = Number(new URL(hub.url).port);
    host = await createHost({ dataDir: data(), hubUrl: hub.url, heartbeatMs: 200 });
    const secrets = new KeyFileSecretStore(join(data(), 'secret.key'));
    const c = conn();
    ok(await host.dispatch('session.login', { username: 'supervisor', password: 'demo' }, c));
    const token = storedToken(host, 'supervisor', secrets)!;
    await hub.close();

    ok(await host.dispatch('session.logout', {}, c));
    expect(host.store.setting('token:supervisor')).toBeNull();
    expect(host.store.setting('signkey:supervisor')).toBeNull();
    const waiting = host.store.settingsWithPrefix('logout:');
    expect(waiting).toHaveLength(1);
    // Kept sealed, never as the token itself.
    expect(waiting[0]!.value).not.toContain(token);

    hub = await startHub({ dbPath: join(dir, 'hub.db'), port, heartbeatMs: 200 });
    await until('the waiting logout sent', () => host!.store.settingsWithPrefix('logout:').length === 0);
    expect(await hubStatus(token)).toBe(401);
  });
});

describe('the sealing key', () => {
  it('stays with the secret store the shell gives (the OS keychain in Electron): no key file is written', async () => {
    // Stands in for safeStorage: what it seals is not the plain text, and only it opens it.
    let sealed = 0;
    const keychain: SecretStore = {
      seal: (plain) => {
        sealed++;
        return Buffer.from(`kc:${Buffer.from(plain).toString('base64')}`).toString('base64');
      },
      open: (text) => {
        const raw = Buffer.from(text, 'base64').toString();
        if (!raw.startsWith('kc:')) throw new Error('not sealed by this keychain');
        return Buffer.from(raw.slice(3), 'base64').toString();
      },
    };
    const keyFile = join(dir, 'keys', 'unused.key');
    host = await createHost({ dataDir: data(), hubUrl: hub.url, heartbeatMs: 200, secretStore: keychain, keyFile });
    ok(await host.dispatch('session.login', { username: 'operator', password: 'demo' }, conn()));
    expect(sealed).toBe(2); // the token and the signing key's private half
    expect(readdirSync(data()).filter((f) => f.endsWith('.key'))).toEqual([]);
    expect(existsSync(join(dir, 'keys'))).toBe(false);
    const token = JSON.parse(keychain.open(host.store.setting('token:operator')!)) as { token: string };
    expect(await hubStatus(token.token)).toBe(200);
  });
});
