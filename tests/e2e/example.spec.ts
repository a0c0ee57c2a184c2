import { expect, test } from '@playwright/test';
import { NewPlanPage, PLAN_WORDS } from './pages/new-plan-page';
import { TablePage, WORDS } from './pages/table-page';

test.describe('the embedded example', () => {
  test('a first visit opens the Luohu 2022 example, marked as an example', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();

    await expect(t.exampleBanner).toBeVisible();
    await expect(t.exampleBanner).toContainText('2022-06-30');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Luohu District 2022 Critical Task Division of Responsibility Table');

    await expect(t.actionRows).toHaveCount(11);
    await expect(t.actionNumbers()).toHaveText(Array.from({ length: 11 }, (_, i) => String(i + 1)));
    await expect(t.taskRows).toHaveCount(9);
    await expect(t.taskNumbers()).toHaveText(['6.1', '7.1', '8.1', '8.2', '8.3', '8.4', '8.5', '9.1', '9.2']);
    await t.expectShown(9, 9);
    await expect(t.taskRow('7.1')).toContainText('Dongmen Sub-district');
    await expect(t.actionRow(9)).toContainText('Luohu District Enterprise Service Center');

    // Opening the app must not write anything.
    expect(await t.storedEnvelope()).toBeNull();
  });

  test('as of 2022-06-30 every task is Red for its missing plan, and its title links to its sheet', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.table.getByRole('columnheader')).toHaveText([...WORDS.en.columns]);
    for (const n of ['6.1', '7.1', '8.1', '8.2', '8.3', '8.4', '8.5', '9.1', '9.2']) {
      await t.expectStatus(n, 'red', 'Red', 'plan not submitted, due 2022-02-14');
      await expect(t.taskLink(n)).toHaveAttribute('href', /^\/task\/[0-9a-f-]{36}\?lang=en$/);
    }
    await expect(t.taskLink('7.1')).toHaveText('Upgrading and renovating Dongmen Pedestrian Street');

    const zh = new TablePage(page, 'zh');
    await zh.goto();
    await zh.expectStatus('7.1', 'red', '红灯', '施工图未报送，应于 2022-02-14 前报送');
    await expect(zh.taskLink('7.1')).toHaveAttribute('href', /\?lang=zh$/);
  });

  test('?lang=zh shows Chinese, ?lang=en English, and <html lang> follows', async ({ page }) => {
    const zh = new TablePage(page, 'zh');
    await zh.goto();
    await expect(zh.table.getByRole('columnheader')).toHaveText([...WORDS.zh.columns]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(zh.exampleBanner).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('罗湖区2022年攻坚任务责任分工表');
    await expect(zh.taskTitle('7.1')).toHaveText('东门步行街升级改造');

    const en = new TablePage(page, 'en');
    await en.goto();
    await expect(en.table.getByRole('columnheader')).toHaveText([...WORDS.en.columns]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(en.taskTitle('7.1')).toHaveText('Upgrading and renovating Dongmen Pedestrian Street');
  });

  test('the language switch toggles, and the choice persists after a reload', async ({ page }) => {
    // The browser's own language is English (locale en-US in the config).
    await page.goto('/table');
    const en = new TablePage(page, 'en');
    const zh = new TablePage(page, 'zh');
    await en.waitReady();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The switch is named by its visible word, written in the other language.
    await expect(en.langSwitch).toHaveAccessibleDescription(WORDS.en.switchLangHint);
    await expect(en.langSwitch.locator('[lang="zh-CN"]')).toHaveText('中文');

    await en.langSwitch.click();
    await zh.waitReady();
    await expect(zh.table.getByRole('columnheader')).toHaveText([...WORDS.zh.columns]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await page.evaluate(() => localStorage.getItem('gongjian.lang'))).toBe('zh');
    expect(new URL(page.url()).search).toBe('');

    await page.reload();
    await zh.waitReady();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(zh.langSwitch).toHaveText('English');
    await expect(zh.langSwitch).toHaveAccessibleDescription(WORDS.zh.switchLangHint);

    await zh.langSwitch.click();
    await en.waitReady();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await en.waitReady();
    await expect(en.table.getByRole('columnheader')).toHaveText([...WORDS.en.columns]);
    expect(await page.evaluate(() => localStorage.getItem('gongjian.lang'))).toBe('en');
  });

  test('the switch also works when the URL forces a language', async ({ page }) => {
    const en = new TablePage(page, 'en');
    await en.goto();
    await en.langSwitch.click();
    const zh = new TablePage(page, 'zh');
    await zh.waitReady();
    await expect(page).toHaveURL(/[?&]lang=zh(&|$)/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });

  test('"Start a blank plan" asks for the title, year and kick-off first, then empties the table, and that survives a reload', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.startBlankLink.click();
    const form = new NewPlanPage(page, 'en');
    await expect(form.heading).toBeVisible();
    await expect(page.getByRole('note')).toHaveText('The new plan replaces the example.');
    // Nothing typed: the form says what is missing and the example stays.
    await form.fields.year.fill('');
    await form.create.click();
    await expect(form.fields.errors).toContainText(PLAN_WORDS.en.badYear);
    await expect(form.fields.errors).toContainText(PLAN_WORDS.en.badKickoff);
    await form.fields.fill({ year: '2023', kickoff: '2023-02-06' });
    await form.create.click();
    await expect(form.fields.errors).toContainText('the plan: the name or title is empty');
    expect(await t.storedEnvelope()).toBeNull();

    await form.start({ titleEn: 'Blank 2023 table', year: '2023', kickoff: '2023-02-06' });
    await t.waitReady();
    await expect(t.exampleBanner).toHaveCount(0);
    await expect(t.actionRows).toHaveCount(0);
    await expect(t.taskRows).toHaveCount(0);
    await t.expectShown(0, 0);
    await expect(page.getByText(WORDS.en.noActions)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Blank 2023 table');

    const env = await t.storedEnvelope();
    expect(env).toMatchObject({ format: 'gongjian-store', version: 1, plan: { year: 2023, kickoff: '2023-02-06' } });
    expect(env.plan.example).toBeFalsy();

    await page.reload();
    await t.waitReady();
    await expect(t.exampleBanner).toHaveCount(0);
    await expect(t.actionRows).toHaveCount(0);
    await t.expectShown(0, 0);
    await expect(page.getByText(WORDS.en.noActions)).toBeVisible();
  });

  test('cancelling the new-plan form keeps the example', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.startBlankLink.click();
    const form = new NewPlanPage(page, 'en');
    await form.fields.fill({ titleEn: 'Not wanted', kickoff: '2023-02-06' });
    await form.cancel.click();
    await expect(t.exampleBanner).toBeVisible();
    await t.goto();
    await expect(t.actionRows).toHaveCount(11);
    expect(await t.storedEnvelope()).toBeNull();
  });
});
