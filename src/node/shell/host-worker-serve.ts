// The worker side of the bridge: creates the host inside the worker thread and answers the main thread's
// frames with it, so SQLite, sync and the hub's network never block the thread that paints ten windows.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { HostService, Connection } from '../host/host-service';
import type { HostWorkerData, FromWorker, ToWorker, HostFactory } from './worker-protocol';
import { SecretStoreClient } from './secret-store-bridge';
import { responseFrame } from '../../common/request-channel';

export function serveHostInWorker(
  createHost: HostFactory,
  given: MessagePort | null = parentPort,
  data: HostWorkerData = workerData as HostWorkerData,
): void {
  if (!given) throw new Error('serveHostInWorker runs only inside a worker thread');
  const port = given;
  const post = (frame: FromWorker) => port.postMessage(frame);
  const connections = new Map<string, Connection>();
  const connection = (id: string) => {
    let conn = connections.get(id);
    if (!conn) connections.set(id, (conn = { id, operator: null, wall: null }));
    return conn;
  };

  const hostReady: Promise<HostService> = createHost({
    ...data.host,
    log: (line) => post({ t: 'log', line }),
    ...(data.secrets ? { secretStore: new SecretStoreClient(data.secrets) } : {}),
  });
  hostReady.then(
    (host) => {
      host.onEvent((name, payload) => post({ t: 'evt', name, payload }));
      post({ t: 'ready' });
    },
    (err: unknown) => post({ t: 'fatal', message: errorMessage(err) }),
  );

  port.on('message', (frame: ToWorker) => void onFrame(frame));

  async function onFrame(frame: ToWorker): Promise<void> {
    let host: HostService;
    try {
      host = await hostReady;
    } catch (err) {
      if (frame.t === 'req') post(responseFrame(frame.id, unavailable(err)));
      if (frame.t === 'close') post({ t: 'closed' });
      return;
    }
    if (frame.t === 'req') {
      const result = await host.dispatch(frame.name, frame.input, connection(frame.connId)).catch((err: unknown) => ({
        ok: false as const,
        error: { code: 'internal' as const, message: errorMessage(err) },
      }));
      try {
        post(responseFrame(frame.id, result));
      } catch (err) {
        // A value that cannot cross threads is a host bug; the caller still gets an answer.
        post(responseFrame(frame.id, { ok: false, error: { code: 'internal', message: errorMessage(err) } }));
      }
    } else if (frame.t === 'disconnect') {
      const conn = connections.get(frame.connId);
      if (conn) {
        connections.delete(frame.connId);
        host.disconnected(conn);
      }
    } else if (frame.t === 'close') {
      await host.close().catch((err: unknown) => post({ t: 'log', line: `host close failed: ${errorMessage(err)}` }));
      post({ t: 'closed' });
      port.close();
    }
  }
}

function unavailable(err: unknown) {
  return {
    ok: false as const,
    error: { code: 'host_unavailable' as const, message: `The host did not start: ${errorMessage(err)}` },
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
