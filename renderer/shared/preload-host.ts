// The host API through Electron's preload bridge (`window.nawa`): same contract, no socket to lose.
import {
  HostRequestError,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from '../../src/common/host-api';
import { parseEvent, unwrapResult } from './host-result';
import type { NawaHost } from './host-types';

/** What the preload exposes with contextBridge; results are data, never thrown errors. */
export interface NawaBridge {
  request(name: string, input: unknown): Promise<unknown>;
  on(name: string, listener: (payload: unknown) => void): () => void;
  /** Electron only (the shell's PDF channel): the console page printed to a PDF the operator saves. */
  savePdf?(request: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    nawa?: NawaBridge;
  }
}

export class PreloadHost implements NawaHost {
  readonly connected = true;

  constructor(private readonly bridge: NawaBridge) {}

  async request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> {
    let result: unknown;
    try {
      result = await this.bridge.request(name, input);
    } catch (e) {
      throw new HostRequestError('ipc_failed', `${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return unwrapResult(name, result);
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.bridge.on(name, (payload) => {
      const parsed = parseEvent(name, payload);
      if (parsed !== null) listener(parsed);
    });
  }

  onConnection(): () => void {
    // IPC to the main process does not drop; there is never a change to report.
    return () => {};
  }
}
