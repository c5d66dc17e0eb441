// Worker entry: the real host. Built to dist-main/main/host-worker.mjs; in development started from this
// .ts file through tsx (see startWorker in worker-bridge.ts).
import { createHost } from '../host/host';
import { serveHostInWorker } from './host-worker-serve';

serveHostInWorker(createHost);
