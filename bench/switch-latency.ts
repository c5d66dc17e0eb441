// Switch latency across nine wall pages: from the switch request to the ninth `wall.painted` acknowledgement,
// timed in this process on the host's own events (hub and `nawa serve` run in-process, the walls in Chromium,
// each in its own browser context so their animation frames are not throttled). Baseline in the same run: the
// host changes the layout without pushing it, and the nine pages are reloaded until each has painted it, which
// is how page-reloading wall products switch. Also measured: the same switches with every wall rebuilding each
// layout (`?keep=1`, no kept views), which is what the first showing of a layout costs.
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright';
import type { WallStatusList } from '../src/common/host-api';
import { PRESET_LAYOUTS } from '../src/common/presets';
import type { Connection } from '../src/node/host/host-service';
import { startStack, type Stack } from '../e2e/support/stack';
import { ms, report, summarize } from './support';

const SCREEN = { width: 1920 / 4, height: 1080 / 4 };
const LAYOUTS = PRESET_LAYOUTS.map((l) => l.id);
const TIMEOUT_MS = 15_000;

/** Resolves with performance.now() at the host event in which all nine walls show `version`. */
function allPaintedWatcher(stack: Stack) {
  const host = stack.serving.host;
  let pending: { version: number; resolve: (at: number) => void } | null = null;
  const done = (s: WallStatusList, version: number) =>
    s.walls.every((w) => w.connected && w.paintedVersion === version);
  host.onEvent((name, payload) => {
    if (name !== 'wall.status' || !pending) return;
    if (done(payload as WallStatusList, pending.version)) {
      const p = pending;
      pending = null;
      p.resolve(performance.now());
    }
  });
  return (version: number): Promise<number | null> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending = null;
        resolve(null);
      }, TIMEOUT_MS);
      pending = {
        version,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      if (done(host.wall.status(), version)) pending.resolve(performance.now());
    });
}

async function waitFor(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function benchSwitchLatency(
  switches = Number(process.env.NAWA_BENCH_SWITCHES ?? 200),
  reloads = Number(process.env.NAWA_BENCH_RELOADS ?? 20),
): Promise<void> {
  const stack = await startStack({ simulate: 0 });
  try {
    const host = stack.serving.host;
    await waitFor('the preset layouts', () => host.store.layouts().length >= LAYOUTS.length);
    const load0 = loadavg()[0]!;
    const allPainted = allPaintedWatcher(stack);
    const openWalls = async (query: string) => {
      const pages: Page[] = [];
      for (let n = 1; n <= 9; n++) {
        const ctx = await stack.browser.newContext({ viewport: SCREEN });
        const page = await ctx.newPage();
        await page.goto(`${stack.serving.url}/wall/${n}${query}`);
        pages.push(page);
      }
      await waitFor('nine walls painting', () =>
        host.wall.status().walls.every((w) => w.connected && w.paintedVersion === host.wall.status().stateVersion),
      );
      return pages;
    };
    let walls = await openWalls('');

    const presenter: Connection = { id: randomUUID(), operator: null, wall: null };
    const login = await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter);
    if (!login.ok) throw new Error(`bench: presenter login failed: ${login.error.message}`);

    /** Pushed switches, cycling through the four presets so every switch changes the picture. */
    const pushedSwitches = async (count: number) => {
      const latencies: number[] = [];
      const hostMeasured: number[] = [];
      let timeouts = 0;
      const warmup = 10;
      for (let i = 0; i < count + warmup; i++) {
        const version = host.wall.status().stateVersion + 1;
        const painted = allPainted(version);
        const t0 = performance.now();
        const res = await host.dispatch('wall.switch', { layoutId: LAYOUTS[(i + 1) % LAYOUTS.length]! }, presenter);
        if (!res.ok) throw new Error(`bench: switch failed: ${res.error.message}`);
        const at = await painted;
        if (i >= warmup) {
          if (at === null) timeouts++;
          else latencies.push(at - t0);
          const measured = host.wall.status().lastSwitch?.allPaintedMs;
          if (measured !== null && measured !== undefined) hostMeasured.push(measured);
        }
        // A presenter does not switch back to back: let the walls fetch their tiles' data before the next switch.
        await sleep(100);
      }
      return { fast: summarize(latencies), host: summarize(hostMeasured), timeouts };
    };
    const kept = await pushedSwitches(switches);

    // Baseline: the host takes the new layout without telling the walls; reloading them is what shows it.
    const reloadTimes: number[] = [];
    let reloadTimeouts = 0;
    for (let i = 0; i < reloads; i++) {
      const next = LAYOUTS[(LAYOUTS.indexOf(host.wall.state().layout?.id ?? '') + 1) % LAYOUTS.length]!;
      const version = host.wall.switchTo(next).stateVersion;
      const painted = allPainted(version);
      const t0 = performance.now();
      await Promise.all(walls.map((w) => w.reload({ waitUntil: 'commit' })));
      const at = await painted;
      if (at === null) reloadTimeouts++;
      else reloadTimes.push(at - t0);
      await sleep(300);
    }

    // Every switch rebuilt: the same pages without kept views.
    for (const w of walls) await w.context().close();
    walls = await openWalls('?keep=1');
    const cold = await pushedSwitches(Math.max(20, Math.round(switches / 2)));

    const { fast, host: byHost, timeouts } = kept;
    const slow = summarize(reloadTimes);
    const line = (r: ReturnType<typeof summarize>, t: number) =>
      `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)} (n=${r.n}${t ? `, ${t} timed out` : ''})`;
    report(
      `Wall switch latency, nine wall pages in Chromium (${SCREEN.width}x${SCREEN.height} each, own context), request to ninth wall.painted`,
      [
        ['pushed switch', line(fast, timeouts)],
        ['same, as the host measured it', `p50 ${ms(byHost.p50)}, p95 ${ms(byHost.p95)} (lastSwitch.allPaintedMs)`],
        ['pushed, every layout rebuilt', `${line(cold.fast, cold.timeouts)} (?keep=1: a layout's first showing)`],
        [
          'baseline: reload nine pages',
          `p50 ${ms(slow.p50)}, p95 ${ms(slow.p95)}, max ${ms(slow.max)} (n=${slow.n}${reloadTimeouts ? `, ${reloadTimeouts} timed out` : ''})`,
        ],
        [
          'ratio',
          `${(slow.p50 / fast.p50).toFixed(1)}x faster at p50, ${(slow.p95 / fast.p95).toFixed(1)}x at p95 (rebuilt: ${(slow.p50 / cold.fast.p50).toFixed(1)}x at p50)`,
        ],
        [
          'machine',
          `${cpus().length} cores, load average ${load0.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
        ],
        ['goal', 'p95 ≤ 50 ms and ≥ 10x faster than reloading'],
      ],
    );
  } finally {
    await stack.close();
  }
}
