// The console map with 10,000 incidents in Chromium: first render and frame times while an operator drags the
// map, for the clustered canvas layer the console uses and, in the same run, one L.marker (a DOM node) per
// incident. The bench page (renderer/bench) is built here with Vite into a temporary folder and served on an
// ephemeral port; frames are the intervals between requestAnimationFrame callbacks during real mouse drags.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/support/stack';
import { ms, report, summarize } from './support';

const N = 10_000;
const LOADS = 3;
const DRAGS = 6;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'map-bench.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
    }),
  );
}

async function measure(browser: Browser, url: string, mode: 'cluster' | 'dom') {
  const first: number[] = [];
  const frames: number[] = [];
  let drawn = 0;
  for (let load = 0; load < LOADS; load++) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}/map-bench.html?mode=${mode}&n=${N}`);
    const handle = await page.waitForFunction(
      () => (window as { __bench?: { firstRenderMs: number; drawn: number } }).__bench,
      null,
      { timeout: 120_000 },
    );
    const b = (await handle.jsonValue())!;
    first.push(b.firstRenderMs);
    drawn = b.drawn;
    if (load === LOADS - 1) {
      await page.evaluate(() => (window as unknown as { __frames: { start(): void } }).__frames.start());
      for (let d = 0; d < DRAGS; d++) {
        const dir = d % 2 === 0 ? 1 : -1;
        await page.mouse.move(800, 450);
        await page.mouse.down();
        for (let s = 1; s <= 30; s++) await page.mouse.move(800 + dir * s * 12, 450 + dir * s * 5);
        await page.mouse.up();
        await page.waitForTimeout(250); // the moveend redraw after the drag
      }
      frames.push(
        ...(await page.evaluate(() => (window as unknown as { __frames: { stop(): number[] } }).__frames.stop())),
      );
    }
    await context.close();
  }
  return { first: summarize(first), frames: summarize(frames), drawn };
}

export async function benchMapRender(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'nawa-map-bench-'));
  const root = resolve(import.meta.dirname, '../renderer/bench');
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    base: './',
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(root, 'map-bench.html') } },
  });
  const { server, url } = await serve(out);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const cluster = await measure(browser, url, 'cluster');
    const dom = await measure(browser, url, 'dom');
    const row = (name: string, r: Awaited<ReturnType<typeof measure>>): [string, string][] => [
      [`${name}: first render (p50 / max of ${r.first.n})`, `${ms(r.first.p50)} / ${ms(r.first.max)}`],
      [
        `${name}: pan frame p50 / p95 / max (${r.frames.n} frames)`,
        `${ms(r.frames.p50)} / ${ms(r.frames.p95)} / ${ms(r.frames.max)}`,
      ],
    ];
    report(
      `Map with ${N.toLocaleString('en')} incidents, Chromium 1600 x 900 (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`,
      [
        ...row(`clustered canvas (${cluster.drawn} circles in view)`, cluster),
        ...row('baseline: one L.marker per incident', dom),
      ],
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}
