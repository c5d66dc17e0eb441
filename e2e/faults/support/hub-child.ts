// `nawa hub` as a child process the fault tests can kill -9: the real hub on a fixed port and database file.
// Args (JSON): { dbPath, port, heartbeatMs }. Prints `READY <url>` once it listens.
import { startHub } from '../../../src/node/hub/hub';

const args = JSON.parse(process.argv[2] ?? '{}') as { dbPath: string; port: number; heartbeatMs?: number };
const hub = await startHub({
  dbPath: args.dbPath,
  port: args.port,
  seed: 'demo',
  heartbeatMs: args.heartbeatMs,
  // Many consoles' worth of traffic from one test: the limits are not what is tested here.
  limits: { requestsPerMinute: 1_000_000, loginFailuresPerMinute: 1000 },
});
process.stdout.write(`READY ${hub.url}\n`);
const stop = () => {
  void hub.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
