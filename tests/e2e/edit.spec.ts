import { expect, test } from '@playwright/test';
import { TablePage } from './pages/table-page';

test.describe('editing the table', () => {
  test('add a task under key action 8: it is 8.6 and survives a reload', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.actionButton('addTask', 8).click();

    const f = t.form();
    await expect(f.dialog).toBeVisible();
    await expect(f.dialog).toHaveAccessibleName('Add task');
    await f.titleEn.fill('Open the Dawutong innovation hub');
    await f.responsible('Luohu District Development and Reform Bureau').check();
    await expect(f.dialog.getByText('(lead)')).toBeVisible();
    await f.due.fill('2022-11-30');
    await f.save.click();

    await expect(f.dialog).toHaveCount(0);
    const row = t.taskRow('8.6');
    await expect(row).toBeVisible();
    await expect(t.taskTitle('8.6')).toHaveText('Open the Dawutong innovation hub');
    await expect(row).toContainText('Luohu District Development and Reform Bureau');
    await expect(row).toContainText('2022-11-30');
    await t.expectShown(10, 10);
    // The new task sits right after 8.5, before key action 9.
    await expect(t.taskNumbers()).toHaveText(['6.1', '7.1', '8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '9.1', '9.2']);

    const env = await t.storedEnvelope();
    expect(env).toMatchObject({ format: 'gongjian-store', version: 1 });
    expect(env.revision).toBeGreaterThanOrEqual(1);

    await page.reload();
    await t.waitReady();
    await expect(t.taskTitle('8.6')).toHaveText('Open the Dawutong innovation hub');
    await expect(t.taskRow('8.6')).toContainText('2022-11-30');
    await t.expectShown(10, 10);
  });

  test('a due date before the start date is refused with a reason, and nothing changes', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.taskButton('edit', '7.1').click();

    const f = t.form();
    await expect(f.dialog).toHaveAccessibleName('Edit · Task 7.1');
    await expect(f.titleEn).toHaveValue('Upgrading and renovating Dongmen Pedestrian Street');
    await expect(f.due).toHaveValue('2022-12-31');
    await f.titleEn.fill('A title that must not be saved');
    await f.start.fill('2022-12-01');
    await f.due.fill('2022-11-01');
    await f.save.click();

    await expect(f.errors).toBeVisible();
    await expect(f.errors).toContainText('is before its start');
    await expect(f.errors).toContainText('2022-11-01');
    // The dialog stays open with what was typed; the table is unchanged.
    await expect(f.dialog).toBeVisible();
    await expect(t.taskTitle('7.1')).toHaveText('Upgrading and renovating Dongmen Pedestrian Street');
    await expect(t.taskRow('7.1')).toContainText('2022-12-31');

    await f.cancel.click();
    await expect(f.dialog).toHaveCount(0);
    await expect(t.taskTitle('7.1')).toHaveText('Upgrading and renovating Dongmen Pedestrian Street');
    await expect(t.taskRow('7.1')).toContainText('2022-12-31');
    // A refused edit is not saved.
    expect(await t.storedEnvelope()).toBeNull();

    // Reopening shows the stored values, not the refused ones.
    await t.taskButton('edit', '7.1').click();
    await expect(f.titleEn).toHaveValue('Upgrading and renovating Dongmen Pedestrian Street');
    await expect(f.start).toHaveValue('');
    await expect(f.due).toHaveValue('2022-12-31');
  });

  test('editing a task changes its row and survives a reload', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.taskButton('edit', '9.2').click();
    const f = t.form();
    await f.due.fill('2022-10-31');
    await f.coOrganizer('Dongmen Sub-district').check();
    await f.save.click();
    await expect(f.dialog).toHaveCount(0);
    await expect(t.taskRow('9.2')).toContainText('2022-10-31');
    await expect(t.taskRow('9.2').getByRole('cell').nth(5)).toHaveText('Dongmen Sub-district');

    await page.reload();
    await t.waitReady();
    await expect(t.taskRow('9.2')).toContainText('2022-10-31');
    await expect(t.taskRow('9.2').getByRole('cell').nth(5)).toHaveText('Dongmen Sub-district');
  });

  test('moving a task up renumbers the tasks', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.taskTitle('8.2')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    await expect(t.taskTitle('8.3')).toHaveText('Facilitate relocating the Hong Kong supply warehouses');

    await t.taskButton('moveUp', '8.3').click();
    await expect(t.taskTitle('8.2')).toHaveText('Facilitate relocating the Hong Kong supply warehouses');
    await expect(t.taskTitle('8.3')).toHaveText('Begin reconstructing 172,000 m² of rundown buildings');
    // The buttons follow the new numbers.
    await expect(t.taskRow('8.2').getByRole('button', { name: 'Edit Task 8.2', exact: true })).toBeVisible();

    await page.reload();
    await t.waitReady();
    await expect(t.taskTitle('8.2')).toHaveText('Facilitate relocating the Hong Kong supply warehouses');

    // Moving the first task up does nothing, and saves nothing.
    const revision = () => page.evaluate(() => JSON.parse(localStorage.getItem('gongjian.plan')!).revision);
    const before = await revision();
    await t.taskButton('moveUp', '8.1').click();
    await expect(t.taskTitle('8.1')).toHaveText('Transfer 200,000 m² of land for industrial projects');
    await t.taskButton('moveDown', '8.2').click();
    await expect(t.taskTitle('8.3')).toHaveText('Facilitate relocating the Hong Kong supply warehouses');
    // Only the real move (down) was saved.
    await expect.poll(revision).toBe(before + 1);
  });

  test('deleting a task (confirmed) removes it, also after a reload', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    const confirmed = t.acceptNextConfirm();
    await t.taskButton('delete', '9.1').click();
    expect(await confirmed).toBe('Delete this task?');

    await expect(t.taskRows).toHaveCount(8);
    await t.expectShown(8, 8);
    await expect(t.table).not.toContainText('Link the district');
    // 9.2 became 9.1.
    await expect(t.taskTitle('9.1')).toHaveText('Coordinate enterprise services district-wide and upgrade them');
    await expect(t.taskRow('9.2')).toHaveCount(0);

    await page.reload();
    await t.waitReady();
    await expect(t.taskRows).toHaveCount(8);
    await expect(t.table).not.toContainText('Link the district');
  });

  test('deleting a task, then dismissing the confirm, keeps it', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    page.once('dialog', (d) => d.dismiss());
    await t.taskButton('delete', '9.1').click();
    await expect(t.taskRows).toHaveCount(9);
    expect(await t.storedEnvelope()).toBeNull();
  });

  test('adding a key action makes it number 12', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.addActionButton.click();
    const f = t.form();
    await expect(f.dialog).toHaveAccessibleName('Add key action');
    await f.titleZh.fill('测试专项行动');
    await f.titleEn.fill('A new key action');
    await f.save.click();
    await expect(f.dialog).toHaveCount(0);

    await expect(t.actionRows).toHaveCount(12);
    await expect(t.actionRow(12).getByRole('rowheader')).toHaveText('A new key action');
    await expect(t.actionFilter.getByRole('option', { name: '12 A new key action' })).toBeAttached();
    await expect(t.actionButton('addTask', 12)).toBeVisible();

    await page.reload();
    await t.waitReady();
    await expect(t.actionRow(12).getByRole('rowheader')).toHaveText('A new key action');
  });

  test('a key action with no title is refused', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.addActionButton.click();
    const f = t.form();
    await f.save.click();
    await expect(f.errors).toBeVisible();
    await expect(f.errors).toContainText('empty');
    await f.cancel.click();
    await expect(t.actionRows).toHaveCount(11);
  });
});
