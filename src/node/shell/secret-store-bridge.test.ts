// The worker's synchronous secret store against the main thread's answers, over a real port and shared memory.
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../host/secret-store';
import { serveSecretStore } from './secret-store-bridge';
import { startWorker } from './worker-bridge';

const workerPath = fileURLToPath(new URL('./fixtures/secret-client.worker.ts', import.meta.url));
type Outcome = { ok: true; value: string } | { ok: false; message: string };

async function run(
  store: SecretStore,
  calls: { op: 'seal' | 'open'; arg: string }[],
  timeoutMs = 2000,
): Promise<Outcome[]> {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const stop = serveSecretStore(store, { port: port1, flag });
  const worker = startWorker(workerPath, {
    workerData: { link: { port: port2, flag }, timeoutMs, calls },
    transferList: [port2],
  });
  try {
    return await new Promise<Outcome[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    stop();
    await worker.terminate();
  }
}

const reversing: SecretStore = {
  seal: (plain) => `sealed:${[...plain].reverse().join('')}`,
  open: (sealed) => {
    if (!sealed.startsWith('sealed:')) throw new Error('not sealed here');
    return [...sealed.slice(7)].reverse().join('');
  },
};

describe('the secret-store bridge', () => {
  it("answers each call with its own result and passes the store's error through as its message", async () => {
    expect(
      await run(reversing, [
        { op: 'seal', arg: 'abc' },
        { op: 'open', arg: 'sealed:zyx' },
        { op: 'open', arg: 'plain' },
      ]),
    ).toEqual([
      { ok: true, value: 'sealed:cba' },
      { ok: true, value: 'xyz' },
      { ok: false, message: 'not sealed here' },
    ]);
  });

  it("times a slow answer out, then skips that late answer and returns the next call's own", async () => {
    let calls = 0;
    const slowOnce: SecretStore = {
      seal: (plain) => {
        if (calls++ === 0) {
          const end = Date.now() + 1500;
          while (Date.now() < end) {
            /* the main thread is busy */
          }
        }
        return `sealed:${plain}`;
      },
      open: (s) => s,
    };
    const outcomes = await run(
      slowOnce,
      [
        { op: 'seal', arg: 'first' },
        { op: 'seal', arg: 'second' },
      ],
      1000,
    );
    expect(outcomes).toEqual([
      { ok: false, message: 'Secret store did not answer within 1000 ms' },
      { ok: true, value: 'sealed:second' },
    ]);
    expect(calls).toBe(2);
  });
});
