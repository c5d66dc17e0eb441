// A real worker thread running the stand-in host: real structured-clone messages, real shared memory.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../host/secret-store';
import { HostWorkerClient } from './worker-bridge';

const workerPath = fileURLToPath(new URL('./fixtures/stand-in-host.worker.ts', import.meta.url));
const clients: HostWorkerClient[] = [];

function start(dataDir = '/tmp/nawa-test', extra: { secretStore?: SecretStore; log?: (l: string) => void } = {}) {
  const client = new HostWorkerClient({ workerPath, host: { dataDir }, ...extra });
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

describe('HostWorkerClient with a real worker', () => {
  it('answers requests from the host in the worker, one connection per UI', async () => {
    const client = start();
    await client.ready;
    await client.request('ipc-7', 'wall.hello', { wall: 3 });
    expect(await client.request('ipc-7', 'session.current', {})).toEqual({
      ok: true,
      value: { connection: 'ipc-7', wall: 3, thread: 'worker', dataDir: '/tmp/nawa-test' },
    });
    // Another window has its own connection, untouched by wall 3's hello.
    expect(await client.request('ipc-8', 'session.current', {})).toMatchObject({ ok: true, value: { wall: null } });
  });

  it('forwards host events and tells the host when a window is gone', async () => {
    const client = start();
    const events: unknown[] = [];
    client.onEvent((name, payload) => events.push([name, payload]));
    await client.request('ipc-1', 'wall.hello', { wall: 5 });
    client.disconnect('ipc-1');
    await expect.poll(() => events.length).toBe(2);
    expect(events).toEqual([
      ['wall.status', { walls: [{ wall: 5, connected: true }], stateVersion: 0 }],
      ['wall.status', { walls: [{ wall: 5, connected: false }], stateVersion: 0 }],
    ]);
  });

  it('keeps the calling thread free while the host works', async () => {
    const client = start();
    await client.ready;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await client.request('ipc-1', 'sync.status', {});
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });

  it('lets the host use a secret store that lives on the main thread', async () => {
    const sealedOnThisThread: string[] = [];
    const store: SecretStore = {
      seal: (plain) => {
        sealedOnThisThread.push(plain);
        return `sealed:${[...plain].reverse().join('')}`;
      },
      open: (sealed) => {
        if (!sealed.startsWith('sealed:')) throw new Error('not sealed here');
        return [...sealed.slice(7)].reverse().join('');
      },
    };
    const client = start('/tmp/nawa-test', { secretStore: store });
    expect(await client.request('ipc-1', 'session.login', { username: 'op', password: 'rahasia-9' })).toEqual({
      ok: true,
      value: { sealed: 'sealed:9-aisahar', opened: 'rahasia-9', foreign: 'not sealed here' },
    });
    expect(sealedOnThisThread).toEqual(['rahasia-9']);
  });

  it('answers an input that cannot cross threads as bad_input, and goes on answering', async () => {
    const client = start();
    await client.ready;
    expect(await client.request('ipc-1', 'session.current', { callback: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
    expect(await client.request('ipc-1', 'session.current', {})).toMatchObject({
      ok: true,
      value: { connection: 'ipc-1' },
    });
  });

  it('turns a throwing handler into an error result', async () => {
    const client = start();
    expect(await client.request('ipc-1', 'debug.throw', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'handler threw' },
    });
  });

  it('reports a host that could not start, on ready and on every request', async () => {
    const client = start('refuse-to-start');
    await expect(client.ready).rejects.toThrow('database is newer than this Nawa');
    const r = await client.request('ipc-1', 'session.current', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'host_unavailable' } });
  });

  it('answers pending requests and tells the shell when the host thread dies', async () => {
    const client = start();
    const exits: unknown[] = [];
    client.onExit((e) => exits.push(e.code));
    await client.ready;
    const r = await client.request('ipc-1', 'debug.crash', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'host_crashed' } });
    expect(exits).toEqual(['host_crashed']);
    expect(await client.request('ipc-1', 'session.current', {})).toMatchObject({ ok: false });
  });

  it('closes the host before the thread ends', async () => {
    const lines: string[] = [];
    const client = start('/tmp/nawa-test', { log: (l) => lines.push(l) });
    await client.ready;
    await client.close();
    expect(lines).toContain('stand-in host closed');
    expect(await client.request('ipc-1', 'session.current', {})).toMatchObject({
      ok: false,
      error: { code: 'host_closing' },
    });
  });
});
