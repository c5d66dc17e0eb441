// Frames between the main thread and the host worker. Requests and results are the same pairs the
// WebSocket transport carries (ServerFrame in src/common/host-api.ts), plus a connection id per UI.
import type { EventName, Result } from '../../common/host-api';
import type { HostOptions } from '../host/host';
import type { HostService } from '../host/host-service';
import type { SecretStoreLink } from './secret-store-bridge';

/** What `createHost` takes, minus what cannot cross a thread: functions and the secret store object. */
export type HostWorkerOptions = Omit<HostOptions, 'secretStore' | 'log'>;

/** `createHost` in production, a stand-in host in tests. */
export type HostFactory = (opts: HostOptions) => Promise<HostService>;

export interface HostWorkerData {
  host: HostWorkerOptions;
  secrets?: SecretStoreLink;
}

export type ToWorker =
  | { t: 'req'; id: number; connId: string; name: string; input: unknown }
  | { t: 'disconnect'; connId: string }
  | { t: 'close' };

export type FromWorker =
  | { t: 'ready' }
  | { t: 'fatal'; message: string }
  | { t: 'res'; id: number; result: Result<unknown> }
  | { t: 'evt'; name: EventName; payload: unknown }
  | { t: 'log'; line: string }
  | { t: 'closed' };
