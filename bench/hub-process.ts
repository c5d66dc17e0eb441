// The hub a benchmark syncs from, in its own process, so the console's event loop is measured alone.
// Args (JSON): { dbPath, port? }. Prints `READY <url>`.
import { startHub } from '../src/node/hub/hub';

const args = JSON.parse(process.argv[2] ?? '{}') as { dbPath: string; port?: number };
const hub = await startHub({ dbPath: args.dbPath, port: args.port ?? 0, limits: { requestsPerMinute: 1_000_000 } });
process.stdout.write(`READY ${hub.url}\n`);
process.on('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
