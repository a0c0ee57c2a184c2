import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dump } from './helpers/store';
import { TablePage } from './pages/table-page';

const KEY = 'gongjian.plan';
const PREFIX = 'gongjian.plan.unreadable.';
const RAW = '{"format":"gongjian-store","version":1,"pla';


const keptKeys = (all: Record<string, string>) => Object.keys(all).filter((k) => k.startsWith(PREFIX));

/** Open the table, corrupt the stored plan on purpose, and reload. */
async function openWithCorruptStore(page: Page): Promise<TablePage> {
  const t = new TablePage(page, 'en');
  await t.goto();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, RAW]);
  await page.reload();
  await t.waitReady();
  return t;
}

test.describe('storage', () => {
  test('an unreadable stored plan is kept, not overwritten, and offered as a download', async ({ page }) => {
    const t = await openWithCorruptStore(page);

    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('It has been kept as it was, not overwritten.');
    // The app falls back to the example, so the page is usable.
    await t.expectShown(9, 9);

    // Right after load: the raw text is copied under its own key, and the
    // original key is untouched.
    const all = await dump(page);
    expect(all[KEY]).toBe(RAW);
    const kept = keptKeys(all);
    expect(kept).toHaveLength(1);
    expect(all[kept[0]]).toBe(RAW);
    // It says the raw text is kept, without showing the storage key.
    await expect(alert).toContainText('The raw text is kept aside in this browser');
    await expect(alert).not.toContainText(kept[0]);

    // The banner offers the raw text for download.
    const link = alert.getByRole('link', { name: 'Download the raw text' });
    await expect(link).toHaveAttribute('download', 'gongjian-unreadable.json');
    await expect(link).toHaveAttribute('href', /^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('gongjian-unreadable.json');
    const path = await download.path();
    expect(await readFile(path, 'utf8')).toBe(RAW);

    // A second reload does not make a second copy.
    await page.reload();
    await t.waitReady();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
    const again = await dump(page);
    expect(keptKeys(again)).toEqual(kept);
    expect(again[KEY]).toBe(RAW);
  });

  test('the unreadable banner can be dismissed, and the kept copy outlives the next save', async ({ page }) => {
    const t = await openWithCorruptStore(page);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);

    // The first edit saves over the plan key, but the copy stays.
    await t.taskButton('moveUp', '8.2').click();
    await expect(t.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    await expect.poll(async () => (await dump(page))[KEY]).not.toBe(RAW);
    const all = await dump(page);
    expect(JSON.parse(all[KEY])).toMatchObject({ format: 'gongjian-store', version: 2 });
    const kept = keptKeys(all);
    expect(kept).toHaveLength(1);
    expect(all[kept[0]]).toBe(RAW);

    // Now readable again: no banner after a reload.
    await page.reload();
    await t.waitReady();
    await expect(t.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a plan saved by a newer version is kept, not read', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    const newer = JSON.stringify({ format: 'gongjian-store', version: 7, saved_at: '2030-01-01T00:00:00Z', revision: 1, plan: {} });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
    await page.reload();
    await t.waitReady();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toContainText('7');
    const all = await dump(page);
    expect(all[KEY]).toBe(newer);
    expect(all[keptKeys(all)[0]]).toBe(newer);
  });

  test('a refused write (quota) shows "storage is full" and keeps the edit on the page', async ({ page }) => {
    await page.addInitScript(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key === 'gongjian.plan') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.call(this, key, value);
      };
    });
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(page.getByRole('alert')).toHaveCount(0);

    await t.addActionButton.click();
    const f = t.form();
    await f.titleEn.fill('Kept in the page only');
    await f.save.click();
    await expect(f.dialog).toHaveCount(0);

    const alert = page.getByRole('alert').filter({ hasText: 'storage is full' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your edit is kept in this page');
    await expect(t.actionRow(12).getByRole('rowheader')).toHaveText('Kept in the page only');
    expect(await page.evaluate(() => localStorage.getItem('gongjian.plan'))).toBeNull();

    // The refused-save dialog (tests/e2e/keep.spec.ts) is closed first.
    await page.getByRole('alertdialog').getByRole('button', { name: /^Close/ }).click();
    // The banner offers the whole plan as an exchange file (a button now,
    // not a link), including the edit.
    const button = alert.getByRole('button', { name: 'Download the plan (JSON)' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.plan.json');
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(file).toMatchObject({ format: 'gongjian-exchange', version: 1, kind: 'plan' });
    const titles = (file.body.plan.actions as { title: { en: string } }[]).map((a) => a.title.en);
    expect(titles).toContain('Kept in the page only');
    expect(await page.evaluate(() => localStorage.getItem('gongjian.plan'))).toBeNull();

    // Other keys can still be written: the language switch works.
    await t.langSwitch.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('when the browser refuses to copy unreadable text, the tab never saves over it', async ({ page }) => {
    await page.addInitScript((prefix) => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith(prefix)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    }, PREFIX);
    const t = await openWithCorruptStore(page);
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
    expect(keptKeys(await dump(page))).toEqual([]);

    // An edit stays in the page, is not saved, and says so.
    await t.taskButton('moveUp', '8.2').click();
    await expect(t.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    await expect(page.getByRole('alert').filter({ hasText: 'storage is full' })).toBeVisible();
    expect((await dump(page))[KEY]).toBe(RAW);
  });

  // A save in one tab reaches the other through the `storage` event: the
  // other tab shows it at once, without reloading, and can build on it.
  test('a save in one tab appears in the other without a reload', async ({ page, context }) => {
    const a = new TablePage(page, 'en');
    await a.goto();
    const b = new TablePage(await context.newPage(), 'en');
    await b.goto();
    // Marks that vanish if a page reloads.
    await page.evaluate(() => ((window as any).__noReload = true));
    await b.page.evaluate(() => ((window as any).__noReload = true));
    const title81 = await a.taskTitle('8.1').textContent();
    const title82 = await a.taskTitle('8.2').textContent();

    // a → b
    a.acceptNextConfirm();
    await a.taskButton('delete', '9.2').click();
    await a.expectShown(8, 8);
    await b.expectShown(8, 8);
    expect((await b.storedEnvelope()).revision).toBe(1);

    // b → a, on top of a's change.
    await b.taskButton('moveUp', '8.2').click();
    await expect(b.taskTitle('8.1')).toHaveText(title82!);
    await expect(a.taskTitle('8.1')).toHaveText(title82!);
    await expect(a.taskTitle('8.2')).toHaveText(title81!);
    await a.expectShown(8, 8);
    await expect.poll(async () => (await a.storedEnvelope()).revision).toBe(2);

    // Neither tab reloaded, and neither says it is stale.
    expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
    expect(await b.page.evaluate(() => (window as any).__noReload)).toBe(true);
    for (const p of [page, b.page]) await expect(p.getByRole('alert')).toHaveCount(0);
  });

  // The envelope's revision stops a tab with an older copy (one that missed
  // the other tab's `storage` event) from overwriting a newer save: that tab
  // says so, offers a reload, and does not save.
  test('a tab that missed another tab\'s save does not overwrite it', async ({ page, context }) => {
    const a = new TablePage(page, 'en');
    await a.goto();
    const bPage = await context.newPage();
    // Before the app registers its listener: a capturing listener on window
    // runs first and stops the event, so tab b never hears of a's save.
    await bPage.addInitScript(() => {
      window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true);
    });
    const b = new TablePage(bPage, 'en');
    await b.goto();
    const title81 = await b.taskTitle('8.1').textContent();

    const before = await page.evaluate(() => localStorage.getItem('gongjian.plan'));
    a.acceptNextConfirm();
    await a.taskButton('delete', '9.2').click();
    await a.expectShown(8, 8);
    // The save runs just after the page updates; wait for it (what is stored
    // changes), so that b's edit comes after it. Waiting only for a stored
    // value let a slow save land after the test had read it.
    await expect.poll(() => page.evaluate((was) => { const now = localStorage.getItem('gongjian.plan'); return now !== null && now !== was; }, before)).toBe(true);
    const saved = await page.evaluate(() => localStorage.getItem('gongjian.plan'));
    // b missed it: it still shows nine tasks.
    await b.expectShown(9, 9);

    await b.taskButton('moveUp', '8.2').click();
    await expect(b.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    const stale = bPage.getByRole('alert').filter({ hasText: 'changed in another tab' });
    await expect(stale).toBeVisible();
    await expect(stale.getByRole('button', { name: 'Reload', exact: true })).toBeVisible();
    // b did not save: what is stored is still a's save, byte for byte.
    expect(await bPage.evaluate(() => localStorage.getItem('gongjian.plan'))).toBe(saved);

    // "Reload" shows a's change (b's unsaved edit is gone).
    await stale.getByRole('button', { name: 'Reload', exact: true }).click();
    await b.waitReady();
    await b.expectShown(8, 8);
    await expect(b.taskTitle('8.1')).toHaveText(title81!);
    await expect(bPage.getByRole('alert')).toHaveCount(0);
    expect(await bPage.evaluate(() => localStorage.getItem('gongjian.plan'))).toBe(saved);

    await page.reload();
    await a.waitReady();
    await a.expectShown(8, 8);
  });
});
