/// <reference lib="dom" />
// `npm run wall:snapshot -- --out wall.png`: one picture of the nine wall pages of a running `nawa serve`, as
// they stand, composed 3 x 3. Each page is opened in Chromium at the chosen screen size and screenshot; the nine
// screenshots are composed on a canvas in the browser, so no image library is needed.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/support/stack';

const USAGE = `usage: npm run wall:snapshot -- --out wall.png [--url http://127.0.0.1:8790] [--size 960x540] [--token T] [--settle-ms 1500]
  --out        where to write the PNG (default wall.png)
  --url        the running nawa serve (default http://127.0.0.1:8790)
  --size       one screen, in CSS pixels (default 960x540; 1920x1080 gives a 5760x3240 picture)
  --token      access token, when nawa serve is bound beyond loopback
  --settle-ms  time each page gets after painting its state, for its tiles' data to arrive (default 1500)
`;

function fail(message: string): never {
  process.stderr.write(`wall:snapshot: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string', default: 'wall.png' },
        url: { type: 'string', default: 'http://127.0.0.1:8790' },
        size: { type: 'string', default: '960x540' },
        token: { type: 'string' },
        'settle-ms': { type: 'string', default: '1500' },
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
  const size = /^(\d{2,5})x(\d{2,5})$/.exec(values.size);
  if (!size) fail(`--size must look like 1920x1080, not ${values.size}`);
  const settleMs = Number(values['settle-ms']);
  if (!Number.isFinite(settleMs) || settleMs < 0) fail('--settle-ms must be a number of milliseconds');
  return {
    out: resolve(values.out),
    url: values.url.replace(/\/+$/, ''),
    width: Number(size[1]),
    height: Number(size[2]),
    token: values.token ?? null,
    settleMs,
  };
}

async function screenshotWall(
  browser: Browser,
  url: string,
  n: number,
  o: ReturnType<typeof options>,
): Promise<string> {
  // Each page in its own context: a background tab's animation frames are throttled and it would never ack.
  const ctx = await browser.newContext({ viewport: { width: o.width, height: o.height } });
  try {
    const page = await ctx.newPage();
    await page.goto(`${url}/wall/${n}${o.token ? `?token=${encodeURIComponent(o.token)}` : ''}`);
    await page.waitForFunction(() => document.body.dataset.stateVersion !== undefined, null, { timeout: 20_000 });
    await page.waitForTimeout(o.settleMs);
    return (await page.screenshot({ type: 'png' })).toString('base64');
  } finally {
    await ctx.close();
  }
}

async function compose(browser: Browser, shots: string[], width: number, height: number): Promise<Buffer> {
  const ctx = await browser.newContext({ viewport: { width: 200, height: 200 } });
  try {
    const page = await ctx.newPage();
    const dataUrl = await page.evaluate(
      async ({ shots, width, height }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width * 3;
        canvas.height = height * 3;
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#000';
        g.fillRect(0, 0, canvas.width, canvas.height);
        await Promise.all(
          shots.map(
            (b64, i) =>
              new Promise<void>((done, failed) => {
                const img = new Image();
                img.onload = () => {
                  g.drawImage(img, (i % 3) * width, Math.floor(i / 3) * height, width, height);
                  done();
                };
                img.onerror = () => failed(new Error(`screen ${i + 1}: not an image`));
                img.src = `data:image/png;base64,${b64}`;
              }),
          ),
        );
        return canvas.toDataURL('image/png');
      },
      { shots, width, height },
    );
    return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const o = options();
  const statusUrl = `${o.url}/status${o.token ? `?token=${encodeURIComponent(o.token)}` : ''}`;
  const status = await fetch(statusUrl).catch((e: Error) =>
    fail(`no nawa serve at ${o.url} (${e.message}); start it with npm run web`),
  );
  if (!status.ok) fail(`${statusUrl} answered ${status.status}${status.status === 401 ? ' (give --token)' : ''}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const shots = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => screenshotWall(browser, o.url, n, o)));
    const png = await compose(browser, shots, o.width, o.height);
    writeFileSync(o.out, png);
    process.stdout.write(
      `wall:snapshot: wrote ${o.out} (${o.width * 3}x${o.height * 3}, ${Math.round(png.length / 1024)} KB)\n`,
    );
  } finally {
    await browser.close();
  }
}

await main();
