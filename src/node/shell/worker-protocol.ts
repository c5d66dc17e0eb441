// Frames between the main thread and the host worker. Requests and results are the shared channel's frames
// (src/common/request-channel.ts), as over the WebSocket, plus a connection id per UI.
import type { EventName, Result } from '../../common/host-api';
import type { RequestFrame, ResponseFrame } from '../../common/request-channel';
import type { HostOptions } from '../host/host';
import type { HostService } from '../host/host-service';
import type { SecretStoreLink } from './secret-store-bridge';

/** What `createHost` takes, minus what cannot cross a thread: functions and the secret store object (and the
 * wall pairing links: Electron's walls are its own windows, so the worker answers that nothing is to pair). */
export type HostWorkerOptions = Omit<HostOptions, 'secretStore' | 'log' | 'wallPairing'>;

/** `createHost` in production, a stand-in host in tests. */
export type HostFactory = (opts: HostOptions) => Promise<HostService>;

export interface HostWorkerData {
  host: HostWorkerOptions;
  secrets?: SecretStoreLink;
}

export type ToWorker = (RequestFrame & { connId: string }) | { t: 'disconnect'; connId: string } | { t: 'close' };

export type FromWorker =
  | { t: 'ready' }
  | { t: 'fatal'; message: string }
  | ResponseFrame<Result<unknown>>
  | { t: 'evt'; name: EventName; payload: unknown }
  | { t: 'log'; line: string }
  | { t: 'closed' };
