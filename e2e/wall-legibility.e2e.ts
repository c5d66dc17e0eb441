/// <reference lib="dom" />
// Legible from across the room: on each of the nine wall pages, for every preset layout, at 1920 x 1080 and at
// 3840 x 2160, the smallest visible text is at least 3 % of the screen's height and KPI figures at least 7 %;
// sector tiles fill their cell, lists show whole rows and as many as fit; axe finds nothing serious or critical.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { PRESET_LAYOUTS } from '../src/common/presets';
import type { Connection } from '../src/node/host/host-service';
import { startStack, type Stack } from './support/stack';
import { readWall } from './support/wall-text';

const POLL = { timeout: 30_000, interval: 100 };
const NO_DATA = 'Data belum tersedia.';
/** Set to a folder to keep a screenshot of every wall page and layout (for looking at, not for asserting). */
const SHOTS = process.env.NAWA_WALL_SHOTS;

let stack: Stack;
const presenter: Connection = { id: randomUUID(), operator: null, wall: null };

beforeAll(async () => {
  stack = await startStack();
  const host = stack.serving.host;
  for (let end = Date.now() + POLL.timeout; host.store.layouts().length < PRESET_LAYOUTS.length;) {
    if (Date.now() > end) throw new Error('the preset layouts never arrived from the hub');
    await new Promise((r) => setTimeout(r, POLL.interval));
  }
  const login = await host.dispatch('session.login', { username: 'presenter', password: 'demo' }, presenter);
  expect(login.ok).toBe(true);
});
afterAll(async () => {
  await stack?.close();
});

async function openWalls(viewport: { width: number; height: number }): Promise<Page[]> {
  const pages: Page[] = [];
  for (let n = 1; n <= 9; n++) {
    // Own contexts: a background page's animation frames are throttled and it would never acknowledge.
    const page = await (await stack.browser.newContext({ viewport })).newPage();
    await page.goto(`${stack.serving.url}/wall/${n}`);
    pages.push(page);
  }
  return pages;
}

/** Switches the wall and waits until all nine pages have painted the layout and their tiles have their data. */
async function show(walls: Page[], layoutId: string): Promise<void> {
  const host = stack.serving.host;
  const res = await host.dispatch('wall.switch', { layoutId }, presenter);
  if (!res.ok) throw new Error(res.error.message);
  const version = host.wall.status().stateVersion;
  await expect
    .poll(() => host.wall.status().walls.filter((w) => w.connected && (w.paintedVersion ?? -1) >= version).length, POLL)
    .toBe(9);
  for (const w of walls) {
    await expect
      .poll(
        () =>
          w.evaluate((noData) => {
            const active = [...document.querySelectorAll('.wall-view[data-active="true"]')];
            return active.length === 1 && !active.some((v) => v.textContent?.includes(noData));
          }, NO_DATA),
        POLL,
      )
      .toBe(true);
  }
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

describe('wall legibility', () => {
  for (const size of SIZES) {
    it(`at ${size.width} x ${size.height}: text >= 3 % and KPI figures >= 7 % of the screen's height, tiles filled${size.height === 1080 ? ', axe clean' : ''}`, async () => {
      const walls = await openWalls(size);
      let kpiFigures = 0;
      let texts = 0;
      try {
        for (const layout of PRESET_LAYOUTS) {
          await show(walls, layout.id);
          for (const [i, page] of walls.entries()) {
            const at = `${layout.name}, wall ${i + 1}`;
            const r = await readWall(page);
            expect(r.screenHeight).toBe(size.height);
            // Every screen shows something to read: at least its number and the layout's name in the corner.
            expect(r.texts.length, at).toBeGreaterThanOrEqual(2);
            texts += r.texts.length;
            expect(
              r.texts.filter((t) => t.px < 0.03 * size.height),
              `${at}: text under 3 %`,
            ).toEqual([]);
            const figures = r.texts.filter((t) => t.kpi);
            kpiFigures += figures.length;
            expect(
              figures.filter((t) => t.px < 0.07 * size.height),
              `${at}: KPI figures under 7 %`,
            ).toEqual([]);
            for (const k of r.kpiFill) {
              expect(k.widthShare, `${at}: ${k.tile} width`).toBeGreaterThan(0.95);
              expect(k.heightShare, `${at}: ${k.tile} height`).toBeGreaterThan(0.95);
            }
            for (const l of r.lists) {
              expect(l.cut, `${at}: ${l.list} rows cut`).toBe(0);
              // Rows left out only when the next one would not fit in the room left under the last one shown.
              if (l.hidden > 0)
                expect(l.spare, `${at}: ${l.list} room left`).toBeLessThan(l.nextRow + 0.02 * size.height);
            }
            if (SHOTS) {
              mkdirSync(SHOTS, { recursive: true });
              await page.screenshot({
                path: join(SHOTS, `${size.width}x${size.height}-${layout.name.replace(/\s+/g, '-')}-wall${i + 1}.png`),
              });
            }
            if (size.height === 1080) {
              const axe = await new AxeBuilder({ page }).analyze();
              const bad = axe.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => ({
                  id: v.id,
                  impact: v.impact,
                  nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
                }));
              expect(bad, `${at}: axe`).toEqual([]);
            }
          }
        }
        // The layouts with sector tiles were measured (Ikhtisar, Fokus Peta, Rapat Pimpinan).
        expect(kpiFigures).toBeGreaterThan(0);
        expect(texts).toBeGreaterThan(100);
      } finally {
        for (const w of walls) await w.context().close();
      }
    }, 600_000); // Axe on 36 pages and nine 4K pages in software rendering take minutes on a shared machine.
  }
});
