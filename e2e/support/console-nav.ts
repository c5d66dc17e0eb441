/// <reference lib="dom" />
// Moving around the console shell as a person does: by the views' tabs and the guide's own buttons.
import type { Locator, Page } from 'playwright';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens a view by its tab and returns the view's panel: 'Peta & Insiden', 'Keputusan', 'Sektor', 'Konektivitas',
 * 'Dinding', 'Akun' (or the English names while the console is in English). A count of refused writes may follow
 * a tab's name, so the name is matched from its start.
 */
export async function openView(page: Page, name: string): Promise<Locator> {
  const tab = page.getByRole('tab', { name: new RegExp(`^${escape(name)}`) });
  await tab.click();
  const panel = page.getByRole('tabpanel', { name: new RegExp(`^${escape(name)}`) });
  await panel.waitFor();
  return panel;
}

/** Waits until the console knows whether this operator's first-run guide shows (the host answers that). */
export async function guideDecided(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shell = document.querySelector('.console-shell');
    return shell !== null && shell.getAttribute('data-guide') !== 'pending';
  });
}

/** Closes the first-run guide if it is open (it is at each operator's first login on a console). */
export async function closeGuide(page: Page): Promise<void> {
  const guide = page.getByRole('dialog', { name: /^(Panduan singkat|Quick guide)$/ });
  if ((await guide.count()) === 0) return;
  await guide.getByRole('button', { name: /^(Tutup panduan|Close the guide)$/ }).click();
  await guide.waitFor({ state: 'detached' });
}
