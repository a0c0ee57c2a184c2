import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { emptyFiller, fillStorage, FILLER_KEY } from './helpers/fill';
import { backups, dump, expectRevision, KEY_PLAN, moveBackup, storedChars } from './helpers/store';
import { ExchangePage } from './pages/exchange-page';
import { StoragePanel, SettingsPage } from './pages/settings-page';
import { SheetPage } from './pages/sheet-page';
import { StorageNotices } from './pages/storage-notices';
import { TablePage } from './pages/table-page';

const NARRATIVE = 'Kept in a downloaded file only';
const MINUTE = 60_000;
const STORAGE_WORDS_DOWNLOAD = 'Download the plan (JSON)';

/** `2022-03-01 10:11` as the browser in Asia/Shanghai (UTC+8, the config's zone) shows `ms`. */
const shanghai = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Whether a real `beforeunload` would ask: a cancellable event the page's listener prevents. */
const asksBeforeUnload = (page: Page) =>
  page.evaluate(() => {
    const ev = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  });

test.describe('nothing is lost when storage is full', () => {
  test('a refused save opens a dialog at once, the page asks before closing, and the next visit offers the import', async ({ page }) => {
    const { sheet: s, id } = await SheetPage.fromTable(page, '7.1');
    await s.submitPlan('1. Design\n2. Build', '2022-02-10');
    await expectRevision(page, 1);
    const notices = new StorageNotices(page);
    expect(await asksBeforeUnload(page)).toBe(false);

    // Within 40 characters of the quota.
    await fillStorage(page, 40);
    const stored = (await dump(page))[KEY_PLAN];

    await s.addReport({ date: '2022-06-30', unit: 'Dongmen Sub-district', progress: '50', narrative: NARRATIVE });
    // The report is in the list, but the browser refused it: the dialog says
    // so where the person is, with the download first and focused.
    await expect(notices.refused).toBeVisible();
    await expect(notices.refused.getByRole('button')).toHaveText([STORAGE_WORDS_DOWNLOAD, 'Close (the change is still not stored)']);
    await expect(notices.download).toBeFocused();
    expect((await dump(page))[KEY_PLAN]).toBe(stored);

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text).body.plan.reports.map((r: { narrative: string }) => r.narrative)).toContain(NARRATIVE);

    await notices.close.click();
    await expect(notices.refused).toHaveCount(0);
    // While the change is not stored, leaving the page asks first.
    expect(await asksBeforeUnload(page)).toBe(true);

    // A second refusal opens the dialog again.
    await s.addReport({ date: '2022-06-29', unit: 'Dongmen Sub-district', progress: '55' });
    await expect(notices.refused).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(notices.refused).toHaveCount(0);

    // Reload (accepting the browser's question): the report is gone, and the
    // page says the last changes were not stored and offers the import.
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload();
    await s.waitReady();
    await expect(s.reportsSection.getByText(NARRATIVE)).toHaveCount(0);
    await expect(notices.unsavedBefore).toBeVisible();
    expect(await asksBeforeUnload(page)).toBe(false);

    // With room again, the downloaded file brings the report back and the notice goes.
    await emptyFiller(page);
    await notices.importDownloaded.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
    const x = new ExchangePage(page, 'en');
    await expect(x.preview).toBeVisible();
    await x.apply();
    await expect(notices.unsavedBefore).toHaveCount(0);
    await s.goto(id);
    await expect(s.reportsSection.getByText(NARRATIVE)).toBeVisible();
    await page.reload();
    await s.waitReady();
    await expect(s.reportsSection.getByText(NARRATIVE)).toBeVisible();
    await expect(notices.unsavedBefore).toHaveCount(0);
  });

  test('a refused save shows the dialog in Chinese too', async ({ page }) => {
    const t = new TablePage(page, 'zh');
    await t.goto();
    await fillStorage(page, 40);
    await t.taskButton('moveUp', '8.2').click();
    const notices = new StorageNotices(page, 'zh');
    await expect(notices.refused).toBeVisible();
    await expect(notices.download).toBeFocused();
    // No English on the Chinese page (the file's format name, JSON, aside).
    expect((await notices.refused.textContent())!.replace('JSON', '')).not.toMatch(/[A-Za-z]{2,}/);
  });
});


test.describe('backups that fit', () => {
  test('Settings says how many backups fit, and the rotation keeps no more', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 1);
    const settings = new SettingsPage(page, 'en');
    await settings.open();
    const panel = new StoragePanel(page);
    await expect(panel.section.getByText('Backups that fit now:')).toContainText('Backups that fit now: 5 —');
    await expect(panel.section).not.toContainText('up to 5');

    // Leave room for about 2.5 copies of the plan: one backup fits.
    const plan = storedChars(await dump(page));
    await page.evaluate(([k, n]) => localStorage.setItem(k, 'x'.repeat(n)), [FILLER_KEY, 5_242_880 - Math.round(2.5 * plan) - 200] as const);
    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: 'Responsibility table', exact: true }).click();
    await t.waitReady();
    await t.taskButton('moveDown', '8.1').click();
    await expectRevision(page, 2);
    let kept = await backups(page);
    expect(kept).toHaveLength(1);
    // Made old, a second backup is due: it replaces the first.
    await moveBackup(page, kept[0].key, Date.now() - 30 * MINUTE);
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 3);
    kept = await backups(page);
    expect(kept.map((b) => b.revision)).toEqual([2]);

    await settings.open();
    await expect(panel.section.getByText('Backups that fit now:')).toContainText('Backups that fit now: 1 —');
    await expect(panel.backups).toHaveCount(1);
  });
});

test.describe('recovery that guides', () => {
  const RAW = '{"format":"gongjian-store","version":1,"pla';

  async function corruptWithBackup(page: Page): Promise<TablePage> {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 1);
    await t.taskButton('moveDown', '8.1').click();
    await expectRevision(page, 2);
    // Revision 1 is the backup; then the stored plan is broken.
    expect((await backups(page)).map((b) => b.revision)).toEqual([1]);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_PLAN, RAW]);
    await page.reload();
    await t.waitReady();
    return t;
  }

  test('the unreadable banner restores the newest backup in one click, and goes', async ({ page }) => {
    const t = await corruptWithBackup(page);
    const notices = new StorageNotices(page);
    await expect(notices.unreadable).toBeVisible();
    await expect(notices.importAFile).toBeAttached();
    await notices.restoreNewest.click();
    await expect(notices.unreadable).toHaveCount(0);
    // Revision 1: 8.2 moved up.
    await expect(t.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    await expectRevision(page, 1);
    await page.reload();
    await t.waitReady();
    await expect(notices.unreadable).toHaveCount(0);
    await expect(t.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    // The broken text did not become a backup.
    expect((await backups(page)).every((b) => b.text !== RAW)).toBe(true);
  });

  test('the unreadable banner imports a file in one click, and goes', async ({ page }) => {
    // The last export: the example with 8.2 moved up.
    const x = new ExchangePage(page, 'en');
    const t0 = new TablePage(page, 'en');
    await t0.goto();
    await t0.taskButton('moveUp', '8.2').click();
    await x.goto();
    const file = await x.exportPlan('office');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_PLAN, RAW]);
    await page.reload();
    const notices = new StorageNotices(page);
    await expect(notices.unreadable).toBeVisible();
    await notices.importAFile.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text, 'utf8') });
    await expect(x.preview).toBeVisible();
    await x.apply();
    await expect(notices.unreadable).toHaveCount(0);
    await t0.goto();
    await expect(t0.taskTitle('8.1')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
  });
});

test('times are shown in the browser\'s zone', async ({ page }) => {
  const t = new TablePage(page, 'en');
  await t.goto();
  const before = Date.now();
  await t.taskButton('moveUp', '8.2').click();
  await expectRevision(page, 1);
  await page.goto('/trail?lang=en');
  const when = page.getByRole('cell', { name: /^\d{4}-\d\d-\d\d \d\d:\d\d$/ }).first();
  await expect(when).toBeVisible();
  expect([shanghai(before), shanghai(before + MINUTE)]).toContain(await when.textContent());
  await expect(page.getByRole('main')).not.toContainText('UTC');
});
