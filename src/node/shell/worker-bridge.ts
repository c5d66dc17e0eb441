// The main thread's side of the host worker: spawns it, matches results to requests, fans out events.
// The Electron main process owns every window's paint and input; running the host (SQLite, sync, hub
// traffic) beside it would let a slow query stall the wall, so the host lives in a worker thread.
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type WorkerOptions } from 'node:worker_threads';
import type { EventName, HostError, Result } from '../../common/host-api';
import { RequestChannel, type ChannelFailures } from '../../common/request-channel';
import type { SecretStore } from '../host/secret-store';
import { serveSecretStore } from './secret-store-bridge';
import type { FromWorker, HostWorkerData, HostWorkerOptions, ToWorker } from './worker-protocol';

export interface HostWorkerClientOptions {
  /** dist-main/main/host-worker.mjs when bundled; a .ts entry (tests, development) runs through tsx. */
  workerPath: string;
  host: HostWorkerOptions;
  /** Served on this thread: Electron's safeStorage cannot be reached from a worker. */
  secretStore?: SecretStore;
  log?: (line: string) => void;
}

type EventListener = (name: EventName, payload: unknown) => void;

const CLOSING: HostError = { code: 'host_closing', message: 'Nawa is closing.' };
const refusal = (error: HostError): Result<unknown> => ({ ok: false, error });
/** A host request waits as long as the host lives (a backup may take minutes); its end answers all. */
const FAILURES: ChannelFailures<Result<unknown>> = {
  timeout: (name) => refusal({ code: 'host_timeout', message: `${name}: the host did not answer in time` }),
  lost: () => refusal(CLOSING),
  closed: () => refusal(CLOSING),
  // An input that cannot be cloned (a renderer cannot send one, but main-side callers could).
  unsendable: (_name, reason) => refusal({ code: 'bad_input', message: reason }),
};

export class HostWorkerClient {
  /** Resolves when the host has started; rejects with its reason when it could not. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly channel: RequestChannel<Result<unknown>>;
  private readonly listeners = new Set<EventListener>();
  private readonly exitListeners = new Set<(error: HostError) => void>();
  private readonly stopSecrets: () => void = () => {};
  private failure: HostError | null = null;
  private closing: Promise<void> | null = null;
  private readonly exited: Promise<void>;

  constructor(private readonly options: HostWorkerClientOptions) {
    const data: HostWorkerData = { host: options.host };
    const transferList: WorkerOptions['transferList'] = [];
    if (options.secretStore) {
      const { port1, port2 } = new MessageChannel();
      const flag = new Int32Array(new SharedArrayBuffer(4));
      this.stopSecrets = serveSecretStore(options.secretStore, { port: port1, flag });
      data.secrets = { port: port2, flag };
      transferList.push(port2);
    }
    this.worker = startWorker(options.workerPath, { workerData: data, transferList });
    this.channel = new RequestChannel({
      send: (frame) => {
        this.worker.postMessage(frame);
        return true;
      },
      failures: FAILURES,
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));

    let started: () => void;
    let failed: (e: Error) => void;
    this.ready = new Promise<void>((res, rej) => {
      started = res;
      failed = rej;
    });
    this.ready.catch(() => {}); // observed through request() results too; never an unhandled rejection

    this.worker.on('message', (frame: FromWorker) => {
      switch (frame.t) {
        case 'ready':
          started();
          break;
        case 'fatal':
          failed(new Error(frame.message));
          this.fail('host_unavailable', frame.message);
          break;
        case 'res':
          this.channel.receive(frame);
          break;
        case 'evt':
          this.emit(frame.name, frame.payload);
          break;
        case 'log':
          this.options.log?.(frame.line);
          break;
        case 'closed':
          break;
      }
    });
    this.worker.on('error', (err) => {
      failed(err);
      this.fail('host_crashed', err.message);
    });
    this.worker.on('exit', (code) => {
      failed(new Error(`host worker exited with code ${code}`));
      if (!this.closing) this.fail('host_crashed', `The host stopped (exit code ${code}).`);
      this.stopSecrets();
      this.channel.close();
    });
  }

  /** Always resolves: errors, including a dead host, come back as `{ok: false}` like every host error. */
  request(connId: string, name: string, input: unknown): Promise<Result<unknown>> {
    if (this.closing && !this.failure) return Promise.resolve(refusal(CLOSING));
    return this.channel.request(name, input, { connId });
  }

  /** A window went away or its page crashed: the host forgets that UI (a wall shows as disconnected). */
  disconnect(connId: string): void {
    if (!this.failure && !this.closing) this.post({ t: 'disconnect', connId });
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The host died after starting (not on close()): the shell decides what the room sees then. */
  onExit(listener: (error: HostError) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Lets the host close its store cleanly, then ends the thread even if it does not answer in time. */
  close(timeoutMs = 5000): Promise<void> {
    this.closing ??= (async () => {
      const timer = setTimeout(() => void this.worker.terminate(), timeoutMs);
      if (this.failure) void this.worker.terminate();
      else this.post({ t: 'close' });
      await this.exited;
      clearTimeout(timer);
    })();
    return this.closing;
  }

  private emit(name: EventName, payload: unknown): void {
    for (const l of this.listeners) {
      // One failing subscriber (a window torn down mid-send) must not keep the event from the others.
      try {
        l(name, payload);
      } catch (err) {
        this.options.log?.(`event ${name}: listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Frames other than requests (those go through the channel); they carry nothing that could fail to clone. */
  private post(frame: Exclude<ToWorker, { t: 'req' }>): void {
    try {
      this.worker.postMessage(frame);
    } catch {
      // The thread is already gone: its exit answers every waiting request.
    }
  }

  private fail(code: HostError['code'], message: string): void {
    if (this.failure) return;
    const failure: HostError = { code, message };
    this.failure = failure;
    this.channel.close(() => refusal(failure));
    for (const l of this.exitListeners) l(this.failure);
  }
}

/**
 * Node 20 does not apply `--import tsx` hooks inside worker threads (Node 22 does), so a .ts entry starts
 * from a two-line ES module that loads it through tsx's API: one way that works on both.
 */
export function startWorker(path: string, options: WorkerOptions): Worker {
  if (!path.endsWith('.ts')) return new Worker(path, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = pathToFileURL(path).href;
  const boot = `import { tsImport } from ${JSON.stringify(tsx)};\nawait tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
