// Frames between the main thread and the host worker. Requests and results are the same pairs the
// WebSocket transport carries (ServerFrame in src/common/host-api.ts), plus a connection id per UI.
import type { EventName, Result } from '../../common/host-api';
import type { HostService } from '../host/host-service';
import type { SecretStore } from './secret-store';
import type { SecretStoreLink } from './secret-store-bridge';

/** What `createHost` takes, minus what cannot cross a thread (functions, the secret store object). */
export interface HostWorkerOptions {
  dataDir: string;
  hubUrl?: string;
  consoleId?: string;
}

export type HostFactory = (opts: HostWorkerOptions & {
  secretStore?: SecretStore;
  log?: (line: string) => void;
}) => Promise<HostService>;

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
