/// <reference lib="dom" />
// A presenter duplicates the overview, rearranges it on the grid editor (keyboard and drag), saves it, puts it
// on the wall, and the wall pages paint it; the edit reaches the hub as a layout change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { centralToken, loginConsole, startStack, type Stack } from './support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const login = (page: Page, username: string) => loginConsole(page, stack.serving.url, username);

async function centralLayout(name: string) {
  const token = await centralToken(stack.hub);
  const res = await fetch(`${stack.hub.url}/api/v1/changes?since=0&entities=layout&limit=5000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const { changes } = (await res.json()) as {
    changes: { data: { name: string; tiles: { id: string; x: number; y: number; w: number; h: number }[] } | null }[];
  };
  return (
    changes
      .map((c) => c.data)
      .filter((d) => d?.name === name)
      .at(-1) ?? null
  );
}

describe('layout editor', () => {
  it('duplicates Ikhtisar, moves and resizes a tile, saves, and the wall paints the new layout', async () => {
    const walls: Page[] = [];
    for (const n of [8, 9]) {
      const ctx = await stack.browser.newContext({ viewport: { width: 480, height: 270 } });
      const page = await ctx.newPage();
      await page.goto(`${stack.serving.url}/wall/${n}`);
      walls.push(page);
    }
    const page = await stack.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(page, 'presenter');
    const manager = page.getByRole('region', { name: 'Kelola tata letak' });
    await manager.getByRole('button', { name: 'Duplikat Ikhtisar', exact: true }).click();

    const editor = page.getByRole('dialog', { name: 'Tata letak baru' });
    await editor.waitFor();
    expect(await editor.getByLabel('Nama tata letak').inputValue()).toBe('Ikhtisar (salinan)');
    const grid = editor.getByRole('group', { name: /^Kisi dinding 3 × 3/ });
    // Every cell is taken: the clock cannot move left until the decision log makes room.
    const clock = grid.getByRole('button', { name: /^Jam dan teks berjalan — kolom 3, baris 3/ });
    await clock.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => editor.getByRole('status').textContent()).toMatch(/Tidak muat/);
    await grid.getByRole('button', { name: /^Log keputusan — kolom 2, baris 3/ }).click();
    await editor.getByRole('button', { name: 'Hapus ubin Log keputusan' }).click();

    await clock.focus();
    await page.keyboard.press('ArrowLeft');
    await grid.getByRole('button', { name: 'Jam dan teks berjalan — kolom 2, baris 3, 1 × 1' }).waitFor();

    // Drag the clock's corner one cell to the right: it now spans screens 8 and 9.
    const handle = grid.getByTestId('resize-jam');
    const from = (await handle.boundingBox())!;
    const box = (await grid.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * (5 / 6), box.y + box.height * (5 / 6), { steps: 8 });
    await page.mouse.up();
    await grid.getByRole('button', { name: 'Jam dan teks berjalan — kolom 2, baris 3, 2 × 1' }).waitFor();
    expect(await editor.getByLabel('Lebar').inputValue()).toBe('2');

    await editor.getByRole('button', { name: 'Simpan tata letak' }).click();
    await editor.waitFor({ state: 'detached' });
    const item = manager.getByTestId('manage-item').filter({ hasText: 'Ikhtisar (salinan)' });
    await expect.poll(() => item.getAttribute('data-pending'), { timeout: 15_000 }).toBe('false');
    const central = await centralLayout('Ikhtisar (salinan)');
    expect(central?.tiles.find((t) => t.id === 'jam')).toMatchObject({ x: 1, y: 2, w: 2, h: 1 });
    expect(central?.tiles.some((t) => t.id === 'keputusan')).toBe(false);
    const layoutId = await item.getAttribute('data-layout-id');

    const panel = page.getByRole('region', { name: 'Dinding layar' });
    await panel.getByRole('button', { name: 'Tampilkan Ikhtisar (salinan)', exact: true }).click();
    for (const w of walls) {
      await expect.poll(() => w.evaluate(() => document.body.dataset.layoutId), { timeout: 10_000 }).toBe(layoutId);
      await w.locator('.wall-window[data-tile-id="jam"]').waitFor();
    }
    type Status = { stateVersion: number; walls: { wall: number; paintedVersion: number | null }[] };
    await expect
      .poll(
        async () => {
          const s = (await (await fetch(`${stack.serving.url}/status`)).json()) as Status;
          return s.walls.filter((w) => (w.wall === 8 || w.wall === 9) && w.paintedVersion === s.stateVersion).length;
        },
        { timeout: 10_000 },
      )
      .toBe(2);

    // The layout on the wall cannot be deleted, and the presenter is told why.
    await manager.getByRole('button', { name: 'Hapus Ikhtisar (salinan)', exact: true }).click();
    await expect.poll(() => manager.getByRole('alert').first().textContent()).toMatch(/sedang tampil di dinding layar/);

    for (const w of walls) await w.context().close();
    await page.close();
  });

  it('tells the presenter when someone else changed the layout first, and keeps the lost edit to reopen', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(page, 'presenter');
    const manager = page.getByRole('region', { name: 'Kelola tata letak' });
    await manager.getByRole('button', { name: 'Ubah Rapat Pimpinan', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Ubah tata letak' });
    await editor.getByLabel('Nama tata letak').fill('Rapat Pimpinan Senin');

    // Meanwhile a supervisor elsewhere renames it on the central side.
    const token = await centralToken(stack.hub);
    const {
      version: _v,
      updatedAt: _u,
      ...rapat
    } = (await centralLayout('Rapat Pimpinan'))! as unknown as Record<string, unknown>;
    await fetch(`${stack.hub.url}/api/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        consoleId: 'ruang-rapat',
        mutations: [
          {
            id: crypto.randomUUID(),
            entity: 'layout',
            op: 'upsert',
            baseVersion: 1,
            data: { ...rapat, name: 'Rapat Bupati' },
            clientTime: new Date().toISOString(),
          },
        ],
      }),
    });
    await editor.getByRole('button', { name: 'Simpan tata letak' }).click();
    await editor.waitFor({ state: 'detached' });

    const lost = manager.getByTestId('lost-edit');
    await lost.waitFor({ timeout: 15_000 });
    expect(await lost.textContent()).toContain('tidak diterapkan');
    await manager.getByTestId('manage-item').filter({ hasText: 'Rapat Bupati' }).waitFor();
    await lost.getByRole('button', { name: 'Buka lagi perubahan saya' }).click();
    const reopened = page.getByRole('dialog', { name: 'Ubah tata letak' });
    expect(await reopened.getByLabel('Nama tata letak').inputValue()).toBe('Rapat Pimpinan Senin');
    await reopened.getByRole('button', { name: 'Batal' }).click();
    await lost.getByRole('button', { name: 'Buang perubahan saya' }).click();
    await lost.waitFor({ state: 'detached' });
    await page.close();
  });
});
