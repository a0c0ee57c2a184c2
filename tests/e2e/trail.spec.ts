import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { SheetPage } from './pages/sheet-page';

// The change trail (留痕): every change records which unit made it, when,
// and old → new; shown per task (on its sheet) and per unit (/trail).
test.describe('change trail', () => {
  test('a change on the sheet is recorded with old → new, on the task and for the unit', async ({ page }) => {
    const { sheet, id } = await SheetPage.fromTable(page, '7.1');
    const trail = page.getByRole('region', { name: 'Change trail', exact: true });
    await expect(trail).toContainText('No changes recorded yet.');
    await sheet.submitPlan('Survey, design, build', '2022-02-12');
    const rows = trail.getByRole('row');
    // Header plus the two fields the form changed.
    await expect(rows).toHaveCount(3);
    await expect(trail).toContainText('Supervision office (master table)');
    await expect(trail).toContainText('Task 7.1 “Upgrading and renovating Dongmen Pedestrian Street”');
    await expect(trail).toContainText('Plan: — → Survey, design, build');
    await expect(trail).toContainText('— → Survey, design, build');
    await expect(trail).toContainText('Plan submitted on: — → 2022-02-12');
    await expect(trail).toContainText('— → 2022-02-12');
    // A second change shows the old value too, newest first.
    await sheet.submitPlan('Survey, design, build, open', '2022-02-12');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(1)).toContainText('Survey, design, build → Survey, design, build, open');
    // It survives a reload: the trail is stored with the plan.
    await page.reload();
    await sheet.waitReady();
    await expect(trail.getByRole('row')).toHaveCount(4);
    expect(id).toBeTruthy();

    // Per unit: the office's changes; another unit has none.
    await page.goto('/trail?lang=en');
    const table = page.getByRole('table', { name: 'Changes made by a unit' });
    await expect(table.getByRole('row')).toHaveCount(4);
    await page.getByRole('combobox', { name: 'Unit', exact: true }).selectOption({ label: 'Dongmen Sub-district' });
    await expect(page.getByText('No changes recorded yet.')).toBeVisible();
    await expectNoSeriousViolations(page, '/trail (en)');
  });
});
