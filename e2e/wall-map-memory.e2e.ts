/// <reference lib="dom" />
// A wall map redrawn for hours keeps one canvas: every refresh of the sites' link states (most of what a busy hub
// sends) used to add a canvas the size of the map and never remove it, about 1 GB a minute on four walls at 1080 p
// (npm run soak). Here the hub's simulator flaps site states many times a second while wall 1 shows Fokus Peta.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_LAYOUTS } from '../src/common/presets';
import type { Connection } from '../src/node/host/host-service';
import { startStack, type Stack } from './support/stack';

const FOKUS = PRESET_LAYOUTS.find((l) => l.name === 'Fokus Peta')!.id;
const POLL = { timeout: 30_000, interval: 100 };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ simulate: 600 });
});
afterAll(async () => {
  await stack?.close();
});

describe('the wall map over time', () => {
  it('keeps one sites canvas however often the sites are redrawn', async () => {
    const host = stack.serving.host;
    await expect.poll(() => host.store.layouts().length, POLL).toBeGreaterThanOrEqual(PRESET_LAYOUTS.length);
    const presenter: Connection = { id: randomUUID(), operator: null, wall: null };
    expect((await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter)).ok).toBe(
      true,
    );
    expect((await host.dispatch('wall.switch', { layoutId: FOKUS }, presenter)).ok).toBe(true);

    const page = await (await stack.browser.newContext({ viewport: { width: 480, height: 270 } })).newPage();
    let sitesAsked = 0;
    page.on('websocket', (ws) =>
      ws.on('framesent', (f) => {
        if (String(f.payload).includes('"sites.list"')) sitesAsked++;
      }),
    );
    await page.goto(`${stack.serving.url}/wall/1`);
    await expect
      .poll(
        () => page.evaluate(() => document.querySelectorAll('.wall-view[data-active="true"] .map-tile canvas').length),
        POLL,
      )
      .toBe(1);
    const first = sitesAsked;
    // Each answer to sites.list is a redraw of the dots; wait for a good number of them.
    await expect.poll(() => sitesAsked - first, POLL).toBeGreaterThanOrEqual(10);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
    expect(await page.evaluate(() => document.querySelectorAll('canvas').length)).toBe(1);
    await page.context().close();
  });
});
