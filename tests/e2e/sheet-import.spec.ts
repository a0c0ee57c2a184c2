import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXCHANGE_WORDS, ExchangePage } from './pages/exchange-page';
import { expectNoSeriousViolations } from './helpers/axe';
import { SheetImport } from './pages/sheet-import';
import { TablePage } from './pages/table-page';

// An office brings its existing responsibility table in: cells pasted from
// Excel, or a spreadsheet file chosen with "Import file". The mapping is
// shown first (what each column becomes, the first rows, the units matched
// and made, every cell to look at, by its address), then the usual import
// preview; applying is all at once and undoable.

/** Cells as Excel puts them on the clipboard: a title row, a header, the key action left blank under its first row. */
const PASTED = [
  '罗湖区2023年重点工作责任分工表\t\t\t',
  '重点任务\t具体任务\t责任单位\t完成时限',
  '一、打造国际消费中心\t推进东门步行街提升改造\t东门街道\t2023年6月底',
  '\t培育夜间经济集聚区\t区商务局、东门街道\t长期坚持',
  '二、优化营商环境\t建设区政务服务中心\t区政务服务数据局牵头，区住房建设局配合\t尽快',
  '注：本表由区督查办汇总',
].join('\n');

test.describe('importing an existing table (Chinese)', () => {
  test('pasted cells are mapped, previewed, applied as a new plan, and undone', async ({ page }) => {
    const x = new ExchangePage(page, 'zh');
    await x.goto();
    const s = new SheetImport(page, 'zh');
    await s.paste(PASTED);

    // What was found, and where to look.
    await s.expectFound(2, 3);
    await expect(s.column('A')).toHaveValue('Action');
    await expect(s.column('D')).toHaveValue('Due');
    await expect(s.list(s.w.problems)).toHaveText([`${s.w.pasted}!D5 读不出日期“尽快”，完成时限留空`]);
    await expect(s.list(s.w.remarks)).toContainText([`${s.w.pasted}!D4 “长期坚持”没有具体日期，完成时限留空`]);
    await expect(s.firstRows().first()).toContainText('打造国际消费中心推进东门步行街提升改造东门街道2023-06-30');
    // Into a new plan every unit is made, each once.
    await expect(s.mapping.getByText(s.w.unitsFound)).toHaveCount(0);
    await expect(s.mapping.locator('p').filter({ hasText: s.w.unitsNew })).toContainText('(4) 东门街道、区商务局、区政务服务数据局、区住房建设局');
    await expectNoSeriousViolations(page, 'the spreadsheet mapping (zh)');
    // The example is the table: a new plan is what it becomes, titled from the title row.
    await expect(s.mapping.getByRole('radio', { name: s.w.intoNew })).toBeChecked();
    await expect(s.mapping.getByRole('textbox', { name: s.w.newTitle })).toHaveValue('罗湖区2023年重点工作责任分工表');

    await s.previewButton.click();
    await expect(s.mapping).toHaveCount(0);
    await expect(x.preview).toBeVisible();
    await expect(x.preview).toContainText(s.w.madeHere);
    await x.apply();

    // The table, reached without a reload: the new plan, named by the title row.
    const t = new TablePage(page, 'zh');
    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: '责任分工表', exact: true }).click();
    await t.waitReady();
    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText('罗湖区2023年重点工作责任分工表');
    await expect(t.taskTitle('1.1')).toHaveText('推进东门步行街提升改造');
    await expect(t.taskTitle('1.2')).toHaveText('培育夜间经济集聚区');
    await expect(t.taskTitle('2.1')).toHaveText('建设区政务服务中心');
    await expect(t.taskRow('2.1')).toContainText('区政务服务数据局');

    // Undone at once: the example is back.
    await x.undoButton.click();
    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toContainText('2022');
    await expect(t.table).not.toContainText('培育夜间经济集聚区');
  });

  test('a column can be mapped by hand, and cells without a header say so and import nothing', async ({ page }) => {
    const x = new ExchangePage(page, 'zh');
    await x.goto();
    const s = new SheetImport(page, 'zh');
    await s.paste('推进东门步行街提升改造\t东门街道\t2023-06-30\n建设区政务服务中心\t区政务服务数据局\t2023-12-31');
    await expect(s.mapping).toContainText('在前 20 行里找不到表头');
    await expect(s.previewButton).toBeDisabled();
    // By keyboard: the column's select keeps the focus while the mapping
    // beside it updates, and Tab goes on to the next column.
    await s.column('A').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(s.column('A')).toHaveValue('Task');
    await expect(s.firstRows()).toHaveCount(2);
    await expect(s.column('A')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(s.column('B')).toBeFocused();
    // Said by hand: the first column is the task, the second the unit.
    await s.column('A').selectOption({ label: '具体任务' });
    await s.column('B').selectOption({ label: '责任单位' });
    await s.column('C').selectOption({ label: '完成时限' });
    await s.expectFound(1, 2);
    await expect(s.mapping).not.toContainText('表头在第');
    await expect(s.previewButton).toBeEnabled();
    // The table stays as it was until the import is previewed and applied.
    await page.getByRole('button', { name: s.w.cancel, exact: true }).click();
    await expect(s.mapping).toHaveCount(0);
    const t = new TablePage(page, 'zh');
    await t.goto();
    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toContainText('2022');
  });
});

test('in English, the office adds pasted rows into its current plan', async ({ page }) => {
  const t = new TablePage(page, 'en');
  await t.goto();
  // The office has worked on the plan: it is not the untouched example any more.
  await t.addActionButton.click();
  const f = t.form();
  await f.titleEn.fill('Own action');
  await f.save.click();
  await expect(f.dialog).toHaveCount(0);

  const x = new ExchangePage(page, 'en');
  await x.goto();
  const s = new SheetImport(page, 'en');
  await s.paste('Key action\tTask\tResponsible unit\tDue date\nNight economy\tOpen the night market\tDongmen Sub-district\t2022-09-30');
  await s.expectFound(1, 1);
  await expectNoSeriousViolations(page, 'the spreadsheet mapping (en)');
  await expect(s.mapping.getByRole('radio', { name: s.w.intoCurrent })).toBeChecked();
  await expect(s.mapping.locator('p').filter({ hasText: s.w.unitsFound })).toContainText('Dongmen Sub-district');
  await s.previewButton.click();
  await expect(x.preview).toBeVisible();
  await expect(x.list(EXCHANGE_WORDS.en.added)).toHaveCount(2);
  await x.apply();
  await t.goto();
  await expect(t.table).toContainText('Open the night market');
  await expect(t.table).toContainText('Own action');
});

const FIXTURES = join(__dirname, '..', 'fixtures', 'spreadsheets');

interface Expected {
  sheet: string;
  actions: number;
  tasks: number;
  units: string[];
  samples: { action: string; task: string; responsible: string[]; co_organizers: string[]; due: string | null }[];
}

/** Choose a fixture with the header's "Import file" control. */
async function choose(page: Page, x: ExchangePage, name: string, mimeType: string) {
  await x.importInput.setInputFiles({ name, mimeType, buffer: readFileSync(join(FIXTURES, name)) });
}

/** The Chinese office imports `name` as a new plan and finds its sampled tasks in the table. */
async function importAsNewPlan(page: Page, name: string, mimeType: string) {
  const expected: Expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8'));
  const x = new ExchangePage(page, 'zh');
  await x.goto();
  const s = new SheetImport(page, 'zh');
  await choose(page, x, name, mimeType);
  await expect(s.mapping).toBeVisible({ timeout: 20_000 });
  await s.expectFound(expected.actions, expected.tasks);
  await expect(s.mapping.getByRole('radio', { name: s.w.intoNew })).toBeChecked();
  await s.previewButton.click();
  await expect(x.preview).toBeVisible();
  await x.apply();
  const t = new TablePage(page, 'zh');
  await t.goto();
  await expect(t.taskRows).toHaveCount(expected.tasks);
  for (const sample of expected.samples) {
    const row = t.table.getByRole('row').filter({ hasText: sample.task });
    await expect(row).toHaveCount(1);
    for (const u of sample.responsible) await expect(row).toContainText(u);
    if (sample.due) await expect(row).toContainText(sample.due);
    await expect(t.table.getByRole('rowheader', { name: sample.action })).toHaveCount(1);
  }
}

test.describe('importing a spreadsheet file (Chinese)', () => {
  test('an .xlsx in the seed\'s layout (title merged across, the key action merged down) becomes the plan', async ({ page }) => {
    await importAsNewPlan(page, 'seed_layout.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  test('a CSV saved by Chinese Excel in GB18030 becomes the plan', async ({ page }) => {
    await importAsNewPlan(page, 'gb18030.csv', 'text/csv');
  });

  test('a renamed file that is not a spreadsheet is refused by name, saying why, and nothing changes', async ({ page }) => {
    const x = new ExchangePage(page, 'zh');
    await x.goto();
    const s = new SheetImport(page, 'zh');
    await x.importInput.setInputFiles({ name: '任务表.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是表格，只是一段文字。') });
    await expect(s.refused).toBeVisible({ timeout: 20_000 });
    await expect(s.refused).toContainText('任务表.xlsx');
    await expect(s.refused).toContainText('这个文件不是电子表格');
    await expect(s.refused).toContainText(EXCHANGE_WORDS.zh.unchanged);
    const t = new TablePage(page, 'zh');
    await t.goto();
    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toContainText('2022');
  });
});
