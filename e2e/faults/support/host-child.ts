// The console host as `nawa serve` runs it (startServe: host, store, sync, WebSocket transport), in a child
// process the fault tests can kill -9 and start again on the same data folder.
// Args (JSON): { hubUrl, dataDir, heartbeatMs?, clockOffsetMs? }. Prints `READY <url>` once it listens.
import { join, resolve } from 'node:path';
import { startServe } from '../../../src/node/serve/serve';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  hubUrl: string;
  dataDir: string;
  heartbeatMs?: number;
  clockOffsetMs?: number;
};
const offset = args.clockOffsetMs ?? 0;
const serving = await startServe({
  hubUrl: args.hubUrl,
  dataDir: args.dataDir,
  distDir: join(resolve(import.meta.dirname, '../../..'), 'dist'),
  port: 0,
  heartbeatMs: args.heartbeatMs,
  now: () => new Date(Date.now() + offset),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`READY ${serving.url}\n`);
const stop = () => {
  void serving.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
