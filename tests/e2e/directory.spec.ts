import { expect, test, type Page } from '@playwright/test';
import { TablePage } from './pages/table-page';

/** The "Units and people" page, in English. */
async function openUnits(page: Page) {
  await page.goto('/units?lang=en');
  await expect(page.getByRole('heading', { name: 'Units', exact: true })).toBeVisible();
}

const unitForm = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Units', exact: true }).getByRole('form', { name, exact: true });

test.describe('units and people', () => {
  test('the navigation leads to /units and back, keeping the forced language', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Units and people' }).click();
    await expect(page).toHaveURL(/\/units\?lang=en$/);
    await expect(page.getByRole('heading', { name: 'People', exact: true })).toBeVisible();
    await expect(unitForm(page, 'Dongmen Sub-district')).toBeVisible();
    await page.getByRole('link', { name: 'Responsibility table' }).click();
    await t.waitReady();
    await t.expectShown(9, 9);
  });

  test('/units opens directly (deep link) and lists the example units', async ({ page }) => {
    await openUnits(page);
    for (const name of [
      'Dawutong Emerging Industrial Belt (Sungang–Dongxiao Area) Sub-headquarters',
      'Dongmen Sub-district',
      'Luohu District',
      'Luohu District Development and Reform Bureau',
      'Luohu District Enterprise Service Center',
    ]) {
      await expect(unitForm(page, name)).toBeVisible();
    }
  });

  test('deleting a unit in use is refused, with the places it is used', async ({ page }) => {
    await openUnits(page);
    const form = unitForm(page, 'Dongmen Sub-district');
    await form.getByRole('button', { name: 'Delete', exact: true }).click();

    const alert = form.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Cannot delete: still used in');
    await expect(alert).toContainText('responsible unit of task 7.1');
    await expect(alert).toContainText('the unit of Lu Yi');
    await expect(unitForm(page, 'Dongmen Sub-district')).toBeVisible();
    // Nothing was written.
    expect(await page.evaluate(() => localStorage.getItem('gongjian.plan'))).toBeNull();

    // The table still shows it.
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.taskRow('7.1')).toContainText('Dongmen Sub-district');
  });

  test('the refusal is worded in Chinese in the Chinese interface', async ({ page }) => {
    await page.goto('/units?lang=zh');
    const form = page.getByRole('region', { name: '单位', exact: true }).getByRole('form', { name: '东门街道', exact: true });
    await form.getByRole('button', { name: '删除', exact: true }).click();
    await expect(form.getByRole('alert')).toContainText('不能删除，仍在使用：');
    await expect(form.getByRole('alert')).toContainText('任务 7.1 的责任单位');
  });

  test('a new unit can be added, used in the filter, and then deleted', async ({ page }) => {
    await openUnits(page);
    const add = unitForm(page, 'Add unit');
    await add.getByLabel('Name (Chinese)', { exact: true }).fill('测试单位');
    await add.getByLabel('Name (English)', { exact: true }).fill('Test Unit');
    await add.getByRole('button', { name: 'Add unit', exact: true }).click();

    const created = unitForm(page, 'Test Unit');
    await expect(created).toBeVisible();
    await expect(created.getByLabel('Name (English)', { exact: true })).toHaveValue('Test Unit');
    // The add row is emptied for the next one.
    await expect(add.getByLabel('Name (English)', { exact: true })).toHaveValue('');

    // It is offered in the table's unit filter, and survives a reload.
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.unitFilter.getByRole('option', { name: 'Test Unit', exact: true })).toBeAttached();
    await openUnits(page);
    await expect(unitForm(page, 'Test Unit')).toBeVisible();

    await unitForm(page, 'Test Unit').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(unitForm(page, 'Test Unit')).toHaveCount(0);

    await page.reload();
    await expect(unitForm(page, 'Dongmen Sub-district')).toBeVisible();
    await expect(unitForm(page, 'Test Unit')).toHaveCount(0);
    await t.goto();
    await expect(t.unitFilter.getByRole('option', { name: 'Test Unit', exact: true })).toHaveCount(0);
  });

  test('a unit with no name is refused', async ({ page }) => {
    await openUnits(page);
    const add = unitForm(page, 'Add unit');
    await add.getByRole('button', { name: 'Add unit', exact: true }).click();
    await expect(add.getByRole('alert')).toContainText('empty');
  });
});
