// The host runs in a worker thread, but Electron's modules (safeStorage among them) exist only on the main
// thread. The host's `SecretStore` is synchronous, so the worker blocks on a shared flag while the main
// thread answers over a dedicated port; the main thread never waits on the worker, so they cannot deadlock.
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { isRequestFrame, RequestChannel, responseFrame, type ChannelFailures } from '../../common/request-channel';
import type { SecretStore } from '../host/secret-store';

/** The frames are the shared channel's: a request named seal or open with the text as input, answered as data. */
type SecretAnswer = { ok: true; value: string } | { ok: false; error: { code: string; message: string } };
const refusal = (code: string, message: string): SecretAnswer => ({ ok: false, error: { code, message } });

/** What crosses into the worker: one end of the channel and the flag the worker sleeps on. */
export interface SecretStoreLink {
  port: MessagePort;
  flag: Int32Array;
}

/** Main thread: answers the worker's calls with `store`. Returns a function that stops answering. */
export function serveSecretStore(store: SecretStore, link: SecretStoreLink): () => void {
  const onCall = (frame: unknown) => {
    if (!isRequestFrame(frame)) return;
    let answer: SecretAnswer;
    try {
      const arg = String(frame.input);
      if (frame.name === 'seal') answer = { ok: true, value: store.seal(arg) };
      else if (frame.name === 'open') answer = { ok: true, value: store.open(arg) };
      else answer = refusal('unknown_request', `the secret store has no ${frame.name}`);
    } catch (err) {
      answer = refusal('secret_store_failed', err instanceof Error ? err.message : String(err));
    }
    // The answer is queued on the port before the flag rises, so the woken worker finds it there.
    link.port.postMessage(responseFrame(frame.id, answer));
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
  private readonly channel: RequestChannel<SecretAnswer>;

  constructor(
    private readonly link: SecretStoreLink,
    timeoutMs = 10_000,
  ) {
    const failures: ChannelFailures<SecretAnswer> = {
      timeout: () => refusal('secret_store_timeout', `Secret store did not answer within ${timeoutMs} ms`),
      lost: () => refusal('secret_store_gone', 'The secret store is gone'),
      closed: () => refusal('secret_store_gone', 'The secret store is gone'),
      unsendable: (_name, reason) => refusal('secret_store_gone', `The secret store cannot be reached: ${reason}`),
    };
    this.channel = new RequestChannel({
      send: (frame) => {
        link.port.postMessage(frame);
        return true;
      },
      failures,
      timeoutMs,
    });
  }

  seal(plain: string): string {
    return this.call('seal', plain);
  }

  open(sealed: string): string {
    return this.call('open', sealed);
  }

  private call(op: 'seal' | 'open', arg: string): string {
    const answer = this.channel.requestSync(op, arg, (msLeft) => this.nextFrame(msLeft));
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  }

  /** The next frame on the port, or undefined once the main thread raised the flag or `msLeft` passed. */
  private nextFrame(msLeft: number): unknown {
    // Lower the flag before looking, so an answer posted after the look raises it and ends the wait.
    Atomics.store(this.link.flag, 0, 0);
    const m = receiveMessageOnPort(this.link.port);
    if (m) return m.message;
    Atomics.wait(this.link.flag, 0, 0, msLeft);
    return undefined;
  }
}
