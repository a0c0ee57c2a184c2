import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BACKUP_PREFIX, KEY_EXPORTED, KEY_PLAN, backups, dump, expectRevision, moveBackup, secondText, storedEnvelope, storedRevision } from './helpers/store';
import { STORAGE_WORDS, SettingsPage, StoragePanel, exportReminder } from './pages/settings-page';
import { TablePage } from './pages/table-page';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Open the table and make `n` edits (moving task 8.2 up, back and forth), each saved. */
async function openAndEdit(page: Page, n: number): Promise<TablePage> {
  const t = new TablePage(page, 'en');
  await t.goto();
  for (let i = 1; i <= n; i++) {
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, i);
  }
  return t;
}

test.describe('storage users can trust', () => {
  test('rolling backups are taken at saves spaced apart, and one can be restored', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    const title81 = (await t.taskTitle('8.1').textContent())!;
    const title82 = (await t.taskTitle('8.2').textContent())!;

    // Revision 1: 8.2 moved up. The first save has nothing before it to keep.
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 1);
    expect(await backups(page)).toEqual([]);
    const rev1 = (await dump(page))[KEY_PLAN];
    const rev1Plan = (await storedEnvelope(page)).plan;

    // Revision 2: 9.2 deleted. Revision 1 becomes the first backup.
    t.acceptNextConfirm();
    await t.taskButton('delete', '9.2').click();
    await t.expectShown(8, 8);
    await expectRevision(page, 2);
    let kept = await backups(page);
    expect(kept.map((b) => b.revision)).toEqual([1]);
    expect(kept[0].text).toBe(rev1);
    expect(kept[0].key).toMatch(/^gongjian\.backup\.\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // Revision 3 right after: a burst of edits makes no second backup.
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 3);
    expect((await backups(page)).map((b) => b.revision)).toEqual([1]);

    // Make that backup look 20 minutes old: the next save takes another.
    const now = Date.now();
    await moveBackup(page, kept[0].key, now - 40 * MINUTE);
    await t.taskButton('moveDown', '8.1').click();
    await expectRevision(page, 4);
    kept = await backups(page);
    expect(kept.map((b) => b.revision)).toEqual([1, 3]);
    // Keep the newest one a minute old too, so that the backup the restore
    // takes (at "now", to the second) can never share its key.
    await moveBackup(page, kept[1].key, now - 20 * MINUTE);

    // Both are listed on the settings page, newest first.
    const settings = new SettingsPage(page, 'en');
    await settings.open();
    const panel = new StoragePanel(page);
    await expect(panel.section.getByRole('heading', { name: 'Rolling backups' })).toBeVisible();
    await expect(panel.backups).toHaveCount(2);
    await expect(panel.backups.nth(0)).toContainText(`${STORAGE_WORDS.revision} 3`);
    await expect(panel.backups.nth(1)).toContainText(`${STORAGE_WORDS.revision} 1`);
    // Shown in the browser's zone (Asia/Shanghai, UTC+8, the config's), without "UTC".
    const shanghai = new Date(now - 40 * MINUTE + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    await expect(panel.backups.nth(1).locator('time')).toHaveText(shanghai);

    // Restore revision 1.
    const before = (await dump(page))[KEY_PLAN];
    expect(await panel.restore(1)).toBe(STORAGE_WORDS.confirmRestore);
    await expect(panel.restored).toBeVisible();
    // The table as it was at revision 1 is saved as a new revision.
    await expectRevision(page, 5);
    expect((await storedEnvelope(page)).plan).toEqual(rev1Plan);
    // The table before the restore (revision 4) is kept as a backup too.
    kept = await backups(page);
    expect(kept.map((b) => b.revision)).toEqual([1, 3, 4]);
    expect(kept[2].text).toBe(before);
    await expect(panel.backups).toHaveCount(3);
    await expect(panel.backups.nth(0)).toContainText(`${STORAGE_WORDS.revision} 4`);

    // The table shows revision 1: nine tasks, 8.2 above 8.1.
    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: 'Responsibility table', exact: true }).click();
    await t.waitReady();
    await t.expectShown(9, 9);
    await expect(t.taskTitle('8.1')).toHaveText(title82);
    await expect(t.taskTitle('8.2')).toHaveText(title81);
    await page.reload();
    await t.waitReady();
    await t.expectShown(9, 9);
    await expect(t.taskTitle('8.1')).toHaveText(title82);
  });

  test('at most five backups are kept; the oldest goes first', async ({ page }) => {
    const t = await openAndEdit(page, 1);
    // Five old backups (copies of revision 1), an hour apart.
    const rev1 = (await dump(page))[KEY_PLAN];
    const now = Date.now();
    const old = [5, 4, 3, 2, 1].map((h) => BACKUP_PREFIX + secondText(now - h * 60 * MINUTE));
    await page.evaluate(([keys, v]) => (keys as string[]).forEach((k) => localStorage.setItem(k, v as string)), [old, rev1] as const);

    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 2);
    const kept = (await backups(page)).map((b) => b.key);
    expect(kept).toHaveLength(5);
    expect(kept).not.toContain(old[0]);
    expect(kept.slice(0, 4)).toEqual(old.slice(1));
  });

  test('the meter shows how full storage is, and warns above 80 %', async ({ page }) => {
    await openAndEdit(page, 1);
    const settings = new SettingsPage(page, 'en');
    await settings.goto();
    const panel = new StoragePanel(page);
    await expect(panel.meter).toBeVisible();
    await expect(panel.meterText).toHaveText(/^\d+\.\d\d \/ 5\.2 million characters \((\d+) %\)$/);
    const low = Number(/\((\d+) %\)/.exec((await panel.meterText.textContent())!)![1]);
    expect(low).toBeLessThan(80);
    await expect(panel.meter).toHaveAttribute('value', String(low));
    await expect(panel.warning).toHaveCount(0);

    // Fill storage with junk close to Chromium's limit (~5.2 M characters).
    await page.evaluate(() => localStorage.setItem('e2e.junk', 'x'.repeat(4_300_000)));
    await page.reload();
    await expect(panel.meter).toBeVisible();
    const high = Number(/\((\d+) %\)/.exec((await panel.meterText.textContent())!)![1]);
    expect(high).toBeGreaterThan(80);
    expect(high).toBeLessThanOrEqual(100);
    await expect(panel.meter).toHaveAttribute('value', String(high));
    await expect(panel.meterText).toContainText(/^4\.\d\d \//);
    await expect(panel.warning).toBeVisible();

    // Freed again: the warning goes at the next measure.
    await page.evaluate(() => localStorage.removeItem('e2e.junk'));
    await page.reload();
    await expect(panel.meter).toBeVisible();
    await expect(panel.warning).toHaveCount(0);
  });

  test('the answer to persistent storage is shown', async ({ page }) => {
    const settings = new SettingsPage(page, 'en');
    await settings.goto();
    const panel = new StoragePanel(page);
    await expect(panel.section.getByText(STORAGE_WORDS.persist)).toBeVisible();
    const answers = STORAGE_WORDS.persistAnswers.map((a) => a.replace(/[()]/g, '\\$&')).join('|');
    await expect(panel.persisted).toHaveText(new RegExp(`^(${answers})$`));
    // It is the browser's own answer once it has given one.
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    await expect(panel.persisted).toHaveText(persisted ? 'yes, granted' : STORAGE_WORDS.persistAnswers[1]);
  });

  test('the first save starts the export clock', async ({ page }) => {
    const t0 = Date.now();
    await openAndEdit(page, 1);
    const e = JSON.parse((await dump(page))[KEY_EXPORTED]);
    expect(e.revision).toBe(0);
    expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(Math.abs(Date.parse(e.at) - t0)).toBeLessThan(60_000);
    await expect(exportReminder(page).banner).toHaveCount(0);
  });

  test('after 8 days without an export a reminder appears; "Export now" downloads the plan and ends it', async ({ page }) => {
    const t = await openAndEdit(page, 1);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_EXPORTED, JSON.stringify({ at: secondText(Date.now() - 8 * DAY), revision: 0 })]);
    await page.reload();
    await t.waitReady();
    const r = exportReminder(page);
    await expect(r.banner).toBeVisible();
    await expect(r.banner).toHaveText(new RegExp(`${STORAGE_WORDS.reminder}\\s*8\\. ${STORAGE_WORDS.reminderHint}`));

    const [download] = await Promise.all([page.waitForEvent('download'), r.exportNow.click()]);
    expect(download.suggestedFilename()).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.plan.json');
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(file).toMatchObject({ format: 'gongjian-exchange', kind: 'plan' });
    await expect(r.banner).toHaveCount(0);
    // The export is of the table as stored now (its first export also names
    // the office's signing key in it, which is a save of its own).
    const all = await dump(page);
    const e = JSON.parse(all[KEY_EXPORTED]);
    expect(e.revision).toBe(storedRevision(all[KEY_PLAN]));
    expect(e.revision).toBeGreaterThanOrEqual(1);
    expect(Date.now() - Date.parse(e.at)).toBeLessThan(60_000);

    await page.reload();
    await t.waitReady();
    await expect(r.banner).toHaveCount(0);
  });

  test('"Later" hides the reminder for this visit; 0 days turns it off', async ({ page }) => {
    const t = await openAndEdit(page, 1);
    const eightDaysAgo = JSON.stringify({ at: secondText(Date.now() - 8 * DAY), revision: 0 });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_EXPORTED, eightDaysAgo]);
    await page.reload();
    await t.waitReady();
    const r = exportReminder(page);
    await expect(r.banner).toBeVisible();
    await r.later.click();
    await expect(r.banner).toHaveCount(0);
    // Nothing was exported: the clock is unchanged, and the next visit reminds again.
    expect((await dump(page))[KEY_EXPORTED]).toBe(eightDaysAgo);
    await page.reload();
    await t.waitReady();
    await expect(r.banner).toBeVisible();

    // 0 days: never.
    const settings = new SettingsPage(page, 'en');
    await settings.open();
    await expect(settings.remindDays).toHaveValue('7');
    await settings.change({ remindDays: '0' });
    await expect(r.banner).toHaveCount(0);
    await page.reload();
    await expect(settings.heading).toBeVisible();
    await expect(settings.remindDays).toHaveValue('0');
    await expect(r.banner).toHaveCount(0);
    expect((await dump(page))[KEY_EXPORTED]).toBe(eightDaysAgo);

    // Back to 7: the reminder returns.
    await settings.change({ remindDays: '7' });
    await expect(r.banner).toBeVisible();
  });
});
