// `npm run soak -- --minutes 30`: a wall left switching for a long time. A real hub and `nawa serve` in this
// process, nine wall pages and a console in Debian's Chromium (each page in its own context, so its own renderer
// process), the presenter switching between the preset layouts every 2 s. Once a minute the proportional set size
// of each page's renderer process (from /proc/<pid>/smaps_rollup) and its JS heap (CDP Runtime.getHeapUsage) are
// sampled; at the end a table gives the growth after the warm-up. Pages are matched to processes by opening them
// one at a time and noting which renderer process appeared (the spare renderer is turned off for that).
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright';
import { PRESET_LAYOUTS } from '../src/common/presets';
import type { Connection } from '../src/node/host/host-service';
import { loginConsole, startStack, type Stack } from '../e2e/support/stack';
import { chromiumProcesses, findBrowser, pssBytes, rendererPids } from './proc-memory';
import { soakTable, sumSeries, type Series } from './soak-report';

const USAGE = `usage: npm run soak -- [--minutes 30] [--size 1920x1080] [--switch-ms 2000] [--query ?keep=1] [--simulate 30]
  --minutes    how long to switch (default 30); growth is measured after the first 10 (or half the run if shorter)
  --size       one wall screen in CSS pixels (default 1920x1080)
  --switch-ms  time between switches (default 2000)
  --query      appended to every wall page's address, e.g. ?keep=1 to keep no hidden layouts
  --simulate   hub events a minute (default 30), so tiles refresh while the wall switches
  --gc         ask each page to collect garbage (CDP HeapProfiler.collectGarbage) before it is sampled, so the
               table shows what a page keeps rather than when its collector last ran
`;

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        minutes: { type: 'string', default: '30' },
        size: { type: 'string', default: '1920x1080' },
        'switch-ms': { type: 'string', default: '2000' },
        query: { type: 'string', default: '' },
        simulate: { type: 'string', default: '30' },
        gc: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const minutes = Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 1) fail(`--minutes must be a whole number >= 1, not ${values.minutes}`);
  const size = /^(\d{2,5})x(\d{2,5})$/.exec(values.size);
  if (!size) fail(`--size must look like 1920x1080, not ${values.size}`);
  const switchMs = Number(values['switch-ms']);
  if (!Number.isFinite(switchMs) || switchMs < 100) fail('--switch-ms must be a number of milliseconds >= 100');
  const simulate = Number(values.simulate);
  if (!Number.isFinite(simulate) || simulate < 0) fail('--simulate must be a number of events a minute >= 0');
  if (values.query && !values.query.startsWith('?')) fail('--query must start with ?');
  return {
    minutes,
    width: Number(size[1]),
    height: Number(size[2]),
    switchMs,
    query: values.query,
    simulate,
    gc: values.gc,
  };
}

interface Watched {
  name: string;
  page: Page;
  cdp: CDPSession;
  pids: number[];
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const MB = 1024 * 1024;

async function waitFor(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`soak: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Opens a page in its own context and returns it with the renderer processes that came with it. */
async function open(
  stack: Stack,
  browserPid: number,
  name: string,
  viewport: { width: number; height: number },
  go: (p: Page) => Promise<void>,
): Promise<Watched> {
  const before = rendererPids(browserPid);
  const ctx = await stack.browser.newContext({ viewport });
  const page = await ctx.newPage();
  await go(page);
  const pids = [...rendererPids(browserPid)].filter((p) => !before.has(p));
  if (pids.length === 0) throw new Error(`soak: no renderer process appeared for ${name}`);
  return { name, page, cdp: await ctx.newCDPSession(page), pids };
}

async function collectGarbage(w: Watched): Promise<void> {
  try {
    await w.cdp.send('HeapProfiler.collectGarbage');
  } catch {
    // a page that cannot be reached is sampled as it is; its PSS still counts
  }
}

async function heapOf(w: Watched): Promise<number | null> {
  try {
    return (await w.cdp.send('Runtime.getHeapUsage')).usedSize;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const o = options();
  const marker = `--nawa-soak=${randomUUID()}`;
  const stack = await startStack({
    simulate: o.simulate,
    chromiumArgs: [marker, '--disable-features=SpareRendererForSitePerProcess'],
  });
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  try {
    const host = stack.serving.host;
    await waitFor('the preset layouts', () => host.store.layouts().length >= PRESET_LAYOUTS.length);
    const browserPid = findBrowser(marker);
    const screen = { width: o.width, height: o.height };

    const presenter: Connection = { id: randomUUID(), operator: null, wall: null };
    const login = await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter);
    if (!login.ok) throw new Error(`soak: presenter login failed: ${login.error.message}`);
    const first = await host.dispatch('wall.switch', { layoutId: PRESET_LAYOUTS[0]!.id }, presenter);
    if (!first.ok) throw new Error(`soak: switch failed: ${first.error.message}`);

    const pages: Watched[] = [
      await open(stack, browserPid, 'console', screen, (p) => loginConsole(p, stack.serving.url, 'presenter')),
    ];
    for (let n = 1; n <= 9; n++) {
      pages.push(
        await open(stack, browserPid, `wall ${n}`, screen, async (p) => {
          await p.goto(`${stack.serving.url}/wall/${n}${o.query}`);
          await p.waitForFunction(() => document.body.dataset.stateVersion !== undefined, null, { timeout: 60_000 });
        }),
      );
    }
    const paged = new Set(pages.flatMap((w) => w.pids));

    let switches = 0;
    let late = 0;
    const switching = (async () => {
      for (let i = 1; !stopped; i++) {
        await sleep(o.switchMs);
        if (stopped) break;
        const s = host.wall.status();
        if (!s.walls.every((w) => w.connected && w.paintedVersion === s.stateVersion)) late++;
        const res = await host.dispatch(
          'wall.switch',
          { layoutId: PRESET_LAYOUTS[i % PRESET_LAYOUTS.length]!.id },
          presenter,
        );
        if (!res.ok) throw new Error(`soak: switch failed: ${res.error.message}`);
        switches++;
      }
    })();

    const series: Series[] = pages.map((w) => ({ name: w.name, pss: [], heap: [] }));
    const gpu: Series = { name: 'GPU process', pss: [], heap: [] };
    const rest: Series = { name: 'browser + other Chromium', pss: [], heap: [] };
    const t0 = Date.now();
    for (let minute = 0; minute <= o.minutes && !stopped; minute++) {
      await sleep(Math.max(0, t0 + minute * 60_000 - Date.now()));
      if (o.gc) for (const w of pages) await collectGarbage(w);
      const procs = chromiumProcesses(browserPid);
      const sum = (ps: readonly number[]) => {
        const v = ps.map(pssBytes).filter((b): b is number => b !== null);
        return v.length ? v.reduce((a, b) => a + b, 0) : null;
      };
      for (const [i, w] of pages.entries()) {
        series[i]!.pss.push(sum(w.pids));
        series[i]!.heap.push(await heapOf(w));
      }
      gpu.pss.push(sum(procs.filter((p) => p.type === 'gpu-process').map((p) => p.pid)));
      gpu.heap.push(null);
      rest.pss.push(sum(procs.filter((p) => p.type !== 'gpu-process' && !paged.has(p.pid)).map((p) => p.pid)));
      rest.heap.push(null);
      const pageTotal = series.reduce((a, s) => a + (s.pss[minute] ?? 0), 0);
      process.stdout.write(
        `min ${String(minute).padStart(3)}  ${series.map((s) => `${s.name.replace('wall ', 'w')} ${((s.pss[minute] ?? 0) / MB).toFixed(0)}`).join('  ')}` +
          `  | pages ${(pageTotal / MB).toFixed(0)} MB, GPU ${((gpu.pss[minute] ?? 0) / MB).toFixed(0)} MB, switches ${switches} (${late} late)\n`,
      );
    }
    stopped = true;
    await switching;

    const samples = series[0]!.pss.length;
    const warmup = Math.min(10, Math.floor((samples - 1) / 2));
    const pagesTotal = sumSeries('console + nine walls', series);
    const all = sumSeries('all Chromium processes', [...series, gpu, rest]);
    process.stdout.write(
      `\nSoak: ${samples - 1} min, ${o.width}x${o.height} per page, a switch every ${o.switchMs} ms across ${PRESET_LAYOUTS.length} presets${o.query ? `, walls at ${o.query}` : ''}${o.gc ? ', garbage collected before each sample' : ''}; PSS and JS heap in MB\n`,
    );
    process.stdout.write(`${soakTable([...series, gpu, rest], [pagesTotal, all], warmup)}\n`);
    process.stdout.write(
      `switches ${switches}, ${late} found a wall still painting the previous one; machine ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}\n`,
    );
    process.stdout.write(
      `goal: under 5 % growth after min 10, console + nine walls under 1536 MB (now ${((pagesTotal.pss[samples - 1] ?? 0) / MB).toFixed(0)} MB)\n`,
    );
  } finally {
    await stack.close();
  }
}

await main();
