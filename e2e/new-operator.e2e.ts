/// <reference lib="dom" />
// A new operator's first shift, done only with what is on screen (roles and accessible names, no test ids):
// find an incident, record a decision about it, switch the wall. Once as a supervisor, who may do all three,
// and once as an operator with a presenter beside them. Every user action (a click, a field filled, a key) is
// counted and the counts are printed per task; a task that needs more than six is a usability regression.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright';
import { PRESET_LAYOUTS } from '../src/common/presets';
import { centralToken, startStack, type Stack } from './support/stack';

const MAX_PER_TASK = 6;
const INCIDENT = 'Banjir di Desa Sitiarjo';
const layoutId = (name: string) => PRESET_LAYOUTS.find((l) => l.name === name)!.id;

let stack: Stack;
const table: { who: string; counts: Record<Task, number> }[] = [];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  if (table.length > 0) {
    const tasks: Task[] = ['login', 'guide', 'find', 'decide', 'wall'];
    const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(i === 0 ? 0 : 7)).join('');
    const lines = [
      row(['who'.padEnd(24), ...tasks, 'total']),
      ...table.map(({ who, counts }) =>
        row([who.padEnd(24), ...tasks.map((t) => counts[t]), tasks.reduce((n, t) => n + counts[t], 0)]),
      ),
    ];
    console.log(`New operator: user actions per core task\n${lines.join('\n')}`);
  }
  await stack?.close();
});

type Task = 'login' | 'guide' | 'find' | 'decide' | 'wall';

/** A person at the console: every gesture goes through here and is counted against the task at hand. */
class Person {
  readonly counts: Record<Task, number> = { login: 0, guide: 0, find: 0, decide: 0, wall: 0 };
  task: Task = 'login';
  constructor(readonly page: Page) {}
  private count() {
    this.counts[this.task]++;
  }
  async click(target: Locator) {
    await target.click();
    this.count();
  }
  async fill(target: Locator, text: string) {
    await target.fill(text);
    this.count();
  }
}

async function arrive(page: Page, username: string): Promise<Person> {
  const me = new Person(page);
  await page.goto(stack.serving.url + '/');
  await me.fill(page.getByRole('textbox', { name: 'Nama pengguna' }), username);
  await me.fill(page.getByRole('textbox', { name: 'Kata sandi' }), 'demo');
  await me.click(page.getByRole('button', { name: 'Masuk' }));
  // First login on this console: the guide greets them; they read it and close it.
  me.task = 'guide';
  const guide = page.getByRole('dialog', { name: 'Panduan singkat' });
  await guide.waitFor();
  await me.click(guide.getByRole('button', { name: 'Tutup panduan' }));
  await guide.waitFor({ state: 'detached' });
  return me;
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

async function openTabIfNeeded(me: Person, name: string) {
  const t = tab(me.page, name);
  if ((await t.getAttribute('aria-selected')) !== 'true') await me.click(t);
}

async function findIncident(me: Person) {
  me.task = 'find';
  const { page } = me;
  await openTabIfNeeded(me, 'Peta & Insiden');
  await me.fill(page.getByRole('searchbox', { name: 'Cari insiden' }), 'Sitiarjo');
  const list = page.getByRole('list', { name: 'Daftar insiden' });
  const item = list.getByRole('button', { name: new RegExp(INCIDENT) });
  await me.click(item);
  // Found: it is the one picked, and its details and history are beside the list.
  expect(await item.getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('heading', { name: 'Linimasa' }).waitFor();
}

async function recordDecision(me: Person, summary: string) {
  me.task = 'decide';
  const { page } = me;
  await openTabIfNeeded(me, 'Keputusan');
  await me.fill(page.getByRole('textbox', { name: 'Ringkasan' }), summary);
  await me.fill(page.getByRole('textbox', { name: 'Alasan' }), 'Air setinggi 50 cm masuk permukiman');
  await me.fill(page.getByRole('textbox', { name: 'Tindakan' }), 'BPBD mengirim perahu karet ke balai desa');
  // The incident picked on the map view is already the related one.
  const related = page.getByRole('combobox', { name: 'Insiden terkait' });
  expect(await related.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(INCIDENT);
  await me.click(page.getByRole('button', { name: 'Catat keputusan' }));
  const entry = page.getByRole('listitem').filter({ hasText: summary });
  await expect.poll(() => entry.textContent(), { timeout: 15_000 }).toMatch(/tersinkron #\d+/);
  expect(await entry.textContent()).toContain(`Insiden: ${INCIDENT}`);
  // The hub has it, linked to the incident.
  const token = await centralToken(stack.hub, 'viewer');
  const feed = (await (
    await fetch(`${stack.hub.url}/api/v1/changes?since=0&entities=decision&limit=5000`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { changes: { data: { summary: string; incidentId?: string | null } }[] };
  expect(feed.changes.filter((c) => c.data.summary === summary)).toHaveLength(1);
}

async function switchWall(me: Person, layout: string) {
  me.task = 'wall';
  const { page } = me;
  await openTabIfNeeded(me, 'Dinding');
  await me.click(page.getByRole('button', { name: `Tampilkan ${layout}`, exact: true }));
  await expect.poll(() => page.getByText(`Tata letak aktif: ${layout}`).count(), { timeout: 10_000 }).toBe(1);
  // The host holds it as the wall's layout (what every wall page is sent).
  expect(stack.serving.host.wall.currentLayoutId()).toBe(layoutId(layout));
}

describe('a new operator', () => {
  it('as a supervisor: finds an incident, records a decision, switches the wall', async () => {
    const page = await (await stack.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    const me = await arrive(page, 'supervisor');
    await findIncident(me);
    await recordDecision(me, `Supervisor: evakuasi Sitiarjo ${Date.now()}`);
    await switchWall(me, 'Darurat');
    table.push({ who: 'supervisor', counts: me.counts });
    for (const task of ['find', 'decide', 'wall'] as const) expect(me.counts[task]).toBeLessThanOrEqual(MAX_PER_TASK);
    await page.context().close();
  });

  it('as an operator and a presenter: the operator finds and decides, sees why the wall is not theirs, the presenter switches', async () => {
    const desk = await (await stack.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const operator = await arrive(desk, 'operator');
    await findIncident(operator);
    await recordDecision(operator, `Operator: evakuasi Sitiarjo ${Date.now()}`);
    // The wall is the presenter's: the operator finds the button disabled and reads why.
    operator.task = 'wall';
    await openTabIfNeeded(operator, 'Dinding');
    const show = desk.getByRole('button', { name: 'Tampilkan Fokus Peta', exact: true });
    expect(await show.isDisabled()).toBe(true);
    expect(await desk.getByText('Hanya presenter dan supervisor yang dapat mengganti tampilan dinding.').count()).toBe(
      1,
    );

    const tablet = await (await stack.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const presenter = await arrive(tablet, 'presenter');
    await switchWall(presenter, 'Fokus Peta');
    const counts = Object.fromEntries(
      (Object.keys(operator.counts) as Task[]).map((t) => [t, operator.counts[t] + presenter.counts[t]]),
    ) as Record<Task, number>;
    table.push({ who: 'operator + presenter', counts });
    for (const task of ['find', 'decide', 'wall'] as const) expect(counts[task]).toBeLessThanOrEqual(MAX_PER_TASK);
    await desk.context().close();
    await tablet.context().close();
  });
});
