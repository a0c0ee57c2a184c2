import { expect, test } from '@playwright/test';
import { TablePage } from './pages/table-page';

test.describe('filters live in the URL', () => {
  test('filtering by unit "Dongmen Sub-district" shows only task 7.1, and the URL carries it', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.unitFilter.selectOption({ label: 'Dongmen Sub-district' });

    await t.expectShown(1, 9);
    await expect(t.taskNumbers()).toHaveText(['7.1']);
    await expect(t.taskTitle('7.1')).toHaveText('Upgrading and renovating Dongmen Pedestrian Street');
    // Only the task's own key action is left.
    await expect(t.actionNumbers()).toHaveText(['7']);
    await expect(page).toHaveURL(/[?&]unit=[0-9a-f-]{36}(&|$)/);
    await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
    await expect(t.clearFiltersButton).toBeEnabled();
  });

  test('a copied link shows the same view in a new page and in a new browser context', async ({ page, browser }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.unitFilter.selectOption({ label: 'Dongmen Sub-district' });
    await expect(page).toHaveURL(/[?&]unit=/);
    const link = page.url();

    // Same browser profile, new tab.
    const tab = await page.context().newPage();
    await tab.goto(link);
    const t2 = new TablePage(tab, 'en');
    await t2.waitReady();
    await t2.expectShown(1, 9);
    await expect(t2.taskNumbers()).toHaveText(['7.1']);
    await expect(t2.unitFilter.locator('option:checked')).toHaveText('Dongmen Sub-district');
    await tab.close();

    // Someone else's browser (fresh storage): the example's ids are stable.
    const other = await browser.newContext({ locale: 'en-US' });
    try {
      const p3 = await other.newPage();
      await p3.goto(link);
      const t3 = new TablePage(p3, 'en');
      await t3.waitReady();
      await t3.expectShown(1, 9);
      await expect(t3.taskNumbers()).toHaveText(['7.1']);
    } finally {
      await other.close();
    }
  });

  test('text search "Dawutong" narrows to key action 8 and its tasks', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.searchBox.fill('Dawutong');
    await t.expectShown(5, 9);
    await expect(t.taskNumbers()).toHaveText(['8.1', '8.2', '8.3', '8.4', '8.5']);
    await expect(t.actionNumbers()).toHaveText(['8']);
    await expect(page).toHaveURL(/[?&]q=Dawutong(&|$)/);

    // The search is case-insensitive.
    await t.searchBox.fill('dawutong');
    await t.expectShown(5, 9);
  });

  test('a Chinese search "步行街" finds task 7.1, also from the English interface', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.searchBox.fill('步行街');
    await t.expectShown(1, 9);
    await expect(t.taskNumbers()).toHaveText(['7.1']);
    await expect(page).toHaveURL(/[?&]q=%E6%AD%A5%E8%A1%8C%E8%A1%97(&|$)/);

    // And the same link opened in Chinese.
    const zh = new TablePage(page, 'zh');
    await zh.goto({ q: '步行街' });
    await zh.expectShown(1, 9);
    await expect(zh.taskTitle('7.1')).toHaveText('东门步行街升级改造');
    await expect(zh.searchBox).toHaveValue('步行街');
  });

  test('a search nothing matches says so', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto({ q: 'no such thing anywhere' });
    await t.expectShown(0, 9);
    await expect(t.actionRows).toHaveCount(0);
    await expect(page.getByText('No task matches the filters.')).toBeVisible();
  });

  test('filters combine, and "Clear filters" restores all 9 tasks', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.clearFiltersButton).toBeDisabled();
    await t.actionFilter.selectOption({ label: '9 Industry leading, service upgrading' });
    await t.expectShown(2, 9);
    await t.searchBox.fill('enterprise services');
    await t.expectShown(1, 9);
    await expect(t.taskNumbers()).toHaveText(['9.2']);
    await expect(page).toHaveURL(/action=.*q=enterprise%20services/);

    await t.clearFiltersButton.click();
    await t.expectShown(9, 9);
    await expect(t.taskRows).toHaveCount(9);
    await expect(t.actionRows).toHaveCount(11);
    await expect(t.searchBox).toHaveValue('');
    await expect(t.actionFilter).toHaveValue('');
    await expect(t.clearFiltersButton).toBeDisabled();
    const url = new URL(page.url());
    expect([...url.searchParams.keys()]).toEqual(['lang']);
  });

  test('filtering by a leader shows the tasks they are responsible for', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.leaderFilter.selectOption({ label: 'Chen Xiaojun' });
    await t.expectShown(2, 9);
    await expect(t.taskNumbers()).toHaveText(['9.1', '9.2']);
    await expect(page).toHaveURL(/[?&]leader=/);
  });
});
