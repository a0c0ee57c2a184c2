import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { SettingsPage } from './pages/settings-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage, WORDS, type Lang } from './pages/table-page';

for (const lang of ['en', 'zh'] as Lang[]) {
  test.describe(`accessibility (${lang})`, () => {
    test(`the table page has no serious violations`, async ({ page }) => {
      const t = new TablePage(page, lang);
      await t.goto();
      await expect(page.locator('html')).toHaveAttribute('lang', WORDS[lang].htmlLang);
      await expectNoSeriousViolations(page, `/table (${lang})`);
    });

    test(`the units page has no serious violations`, async ({ page }) => {
      await page.goto(`/units?lang=${lang}`);
      await expect(page.getByRole('heading', { name: lang === 'en' ? 'Units' : '单位', exact: true })).toBeVisible();
      await expectNoSeriousViolations(page, `/units (${lang})`);
    });

    test(`the task dialog has no serious violations`, async ({ page }) => {
      const t = new TablePage(page, lang);
      await t.goto();
      await t.taskButton('edit', '7.1').click();
      await expect(t.dialog).toBeVisible();
      await expectNoSeriousViolations(page, `task dialog (${lang})`);
    });

    test(`the task sheet, with the inverted schedule open, has no serious violations`, async ({ page }) => {
      const { sheet: s } = await SheetPage.fromTable(page, '7.1', lang);
      await expect(page.locator('html')).toHaveAttribute('lang', WORDS[lang].htmlLang);
      // Give every part something to show: a milestone, a report, and a
      // preview of the inverted schedule (with its warning).
      await s.addMilestone(lang === 'en' ? 'Design' : '设计', '2022-07-03');
      await s.addReport({ date: '2022-06-30', progress: '20' });
      const inv = s.invert();
      await inv.open();
      await inv.step(1).fill(lang === 'en' ? 'Build' : '施工');
      await inv.days(1).fill('400');
      await expect(inv.preview).toBeVisible();
      await expect(inv.warning).toBeVisible();
      await expectNoSeriousViolations(page, `task sheet (${lang})`);
    });

    test(`the settings page has no serious violations`, async ({ page }) => {
      const settings = new SettingsPage(page, lang);
      await settings.goto();
      await expect(settings.asOf).toHaveValue('2022-06-30');
      await expectNoSeriousViolations(page, `/settings (${lang})`);
      // Also with its "saved" status shown.
      await settings.change({ warningDays: '5' });
      await expectNoSeriousViolations(page, `/settings after saving (${lang})`);
    });
  });
}

test.describe('keyboard', () => {
  test('Tab reaches "Add key action", Enter opens the dialog, Escape closes it', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await page.locator('body').focus();

    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await t.addActionButton.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab should reach the "Add key action" button').toBe(true);
    await expect(t.addActionButton).toBeFocused();

    await page.keyboard.press('Enter');
    const f = t.form();
    await expect(f.dialog).toBeVisible();
    await expect(f.dialog).toHaveAccessibleName('Add key action');
    // Focus moved into the modal dialog.
    expect(await f.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await expect(f.dialog).toHaveCount(0);
    await expect(t.actionRows).toHaveCount(11);

    // It can be opened again after Escape.
    await t.addActionButton.focus();
    await page.keyboard.press('Enter');
    await expect(f.dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(f.dialog).toHaveCount(0);
  });

  test('the task dialog is keyboard-operable: Escape cancels without saving', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.taskButton('edit', '7.1').focus();
    await page.keyboard.press('Enter');
    const f = t.form();
    await expect(f.dialog).toBeVisible();
    await f.titleEn.fill('Not saved');
    await page.keyboard.press('Escape');
    await expect(f.dialog).toHaveCount(0);
    await expect(t.taskTitle('7.1')).toHaveText('Upgrading and renovating Dongmen Pedestrian Street');
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // The next Tab lands in the content (the first filter), not in the header.
    await page.keyboard.press('Tab');
    await expect(t.actionFilter).toBeFocused();
    // The view is kept.
    await expect(page).toHaveURL(/\/table\?lang=en$/);
  });
});
