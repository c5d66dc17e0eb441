// The real host (createHost, a temp SQLite file) in a real worker thread through the bridge, started from
// host-worker.ts as the Electron shell starts it. No hub runs: the host is offline, as a console can be.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HostWorkerClient } from './worker-bridge';

let dir: string;
let client: HostWorkerClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nawa-host-worker-'));
  client = new HostWorkerClient({
    workerPath: fileURLToPath(new URL('./host-worker.ts', import.meta.url)),
    host: { dataDir: dir, hubUrl: 'http://127.0.0.1:9' },
  });
  await client.ready;
});

afterAll(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the contract from the real host and shows a wall disconnected when its window goes', async () => {
  const statuses: { walls: { wall: number; connected: boolean }[] }[] = [];
  client.onEvent((name, payload) => {
    if (name === 'wall.status') statuses.push(payload as (typeof statuses)[number]);
  });
  expect(await client.request('ipc-3', 'wall.hello', { wall: 2 })).toMatchObject({
    ok: true,
    value: { stateVersion: 0 },
  });
  const wall2 = async () => {
    const r = await client.request('ipc-9', 'wall.status', {});
    return r.ok ? (r.value as (typeof statuses)[number]).walls.find((w) => w.wall === 2)?.connected : undefined;
  };
  expect(await wall2()).toBe(true);

  client.disconnect('ipc-3');
  await expect.poll(() => statuses.at(-1)?.walls.find((w) => w.wall === 2)?.connected).toBe(false);
  expect(await wall2()).toBe(false);
});

it('answers bad requests as data', async () => {
  expect(await client.request('ipc-1', 'wall.hello', { wall: 'nine' })).toMatchObject({
    ok: false,
    error: { code: 'invalid_input' },
  });
});
