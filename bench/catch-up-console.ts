// The console side of the catch-up benchmark, in a fresh process so its memory and event loop are its own:
// a new console store, the real SyncEngine, the hub's URL. Args (JSON): { hubUrl, dir, lastSeq }.
// Prints `RESULT {json}` when the cursor reached lastSeq.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { KeyFileSecretStore } from '../src/node/ports/secret-store';
import { SYNC_ACCOUNT, TokenBook } from '../src/node/sync/token-book';
import { ConsoleStore } from '../src/node/store/console-store';
import { CentralClient } from '../src/node/sync/central-client';
import { SyncEngine } from '../src/node/sync/sync-engine';

const args = JSON.parse(process.argv[2] ?? '{}') as { hubUrl: string; dir: string; lastSeq: number };
const store = ConsoleStore.open(join(args.dir, 'console.db'));
const tokens = new TokenBook(store, new KeyFileSecretStore(join(args.dir, 'secret.key')));
const client = new CentralClient(args.hubUrl);
const session = await client.session('viewer', 'demo');
tokens.set(SYNC_ACCOUNT, session.token, session.expiresAt);
const engine = new SyncEngine({ client, store, tokens, consoleId: 'bench' });

const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const t0 = performance.now();
engine.start();
while (store.cursor() < args.lastSeq) await new Promise((r) => setTimeout(r, 20));
const seconds = (performance.now() - t0) / 1000;
lag.disable();
clearInterval(sampler);
await engine.stop();
const readings = store.readingCount();
store.close();
process.stdout.write(
  `RESULT ${JSON.stringify({
    seconds,
    readings,
    rssBefore,
    peak,
    lagMaxMs: lag.max / 1e6,
    lagP99Ms: lag.percentile(99) / 1e6,
    lagMeanMs: lag.mean / 1e6,
  })}\n`,
);
