// The host runs in a worker thread, but Electron's modules (safeStorage among them) exist only on the main
// thread. The host's `SecretStore` is synchronous, so the worker blocks on a shared flag while the main
// thread answers over a dedicated port; the main thread never waits on the worker, so they cannot deadlock.
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { SecretStore } from '../host/secret-store';

type SecretCall = { seq: number; op: 'seal' | 'open'; arg: string };
type SecretReply = { seq: number; ok: true; value: string } | { seq: number; ok: false; message: string };

/** What crosses into the worker: one end of the channel and the flag the worker sleeps on. */
export interface SecretStoreLink {
  port: MessagePort;
  flag: Int32Array;
}

/** Main thread: answers the worker's calls with `store`. Returns a function that stops answering. */
export function serveSecretStore(store: SecretStore, link: SecretStoreLink): () => void {
  const onCall = (call: SecretCall) => {
    let reply: SecretReply;
    try {
      reply = { seq: call.seq, ok: true, value: call.op === 'seal' ? store.seal(call.arg) : store.open(call.arg) };
    } catch (err) {
      reply = { seq: call.seq, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    // The answer is queued on the port before the flag rises, so the woken worker finds it there.
    link.port.postMessage(reply);
    Atomics.store(link.flag, 0, 1);
    Atomics.notify(link.flag, 0);
  };
  link.port.on('message', onCall);
  return () => {
    link.port.off('message', onCall);
    link.port.close();
  };
}

/** Worker thread: a `SecretStore` whose calls run on the main thread. */
export class SecretStoreClient implements SecretStore {
  private seq = 0;

  constructor(private readonly link: SecretStoreLink, private readonly timeoutMs = 10_000) {}

  seal(plain: string): string {
    return this.call('seal', plain);
  }

  open(sealed: string): string {
    return this.call('open', sealed);
  }

  private call(op: SecretCall['op'], arg: string): string {
    const seq = ++this.seq;
    const deadline = Date.now() + this.timeoutMs;
    this.link.port.postMessage({ seq, op, arg } satisfies SecretCall);
    for (;;) {
      // Lower the flag before looking, so an answer posted after the look raises it and ends the wait.
      Atomics.store(this.link.flag, 0, 0);
      for (let m = receiveMessageOnPort(this.link.port); m; m = receiveMessageOnPort(this.link.port)) {
        const reply = m.message as SecretReply;
        if (reply.seq !== seq) continue; // a late answer to an earlier call that timed out
        if (!reply.ok) throw new Error(reply.message);
        return reply.value;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Secret store did not answer within ${this.timeoutMs} ms`);
      Atomics.wait(this.link.flag, 0, 0, left);
    }
  }
}
