import { expect, test } from './fixtures/browsers';
import { expectNoSeriousViolations } from './helpers/axe';
import { ExchangePage } from './pages/exchange-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// The supervision office's workflows across two browsers and files (issue
// 18): a unit asks to move a deadline and to close its task; the office
// approves the one and returns the other with a reason; the unit's next
// slice brings both answers and the new deadline, and the month's bulletin
// names both decisions. A leader's instruction
// is recorded by the office, shown open on the board, answered by the unit
// in its report, and then no longer open. "No change this week" is one click.
// Task 7.1 of the example is led by the Dongmen Sub-district; its deadline is 2022-12-31.
const DONGMEN = 'Dongmen Sub-district';
const LEADER = 'Zhou Xiaojian'; // a person of the example, named leader of key action 7 here

test('a unit asks for an extension and a closure, the office decides both, and the answers travel back', async ({ browsers }) => {
  test.setTimeout(150_000);
  const office = await browsers.open();
  const ox = new ExchangePage(office, 'en');
  // The office names a district leader for key action 7 (the instructions need one).
  const t = new TablePage(office, 'en');
  await t.goto();
  await t.actionButton('edit', 7).click();
  const f = t.form();
  await f.dialog.getByRole('group', { name: 'Overall leading district leader', exact: true }).getByRole('checkbox', { name: LEADER, exact: true }).check();
  await f.save.click();
  await expect(f.dialog).toHaveCount(0);

  await ox.goto();
  const s1 = await ox.exportSlice(DONGMEN, 'office');
  const unit = await browsers.open();
  const ux = new ExchangePage(unit, 'en');
  await ux.goto();
  await ux.importAndPreview(s1);
  await ux.apply();

  // The unit: an extension of the task's deadline, then a closure.
  const { sheet: us } = await SheetPage.fromTable(unit, '7.1', 'en');
  const requests = unit.getByRole('region', { name: 'Extensions and closure', exact: true });
  const ext = requests.getByRole('form', { name: 'Ask for an extension', exact: true });
  await ext.getByLabel('New date asked for', { exact: true }).fill('2023-03-31');
  await ext.getByLabel('Reason', { exact: true }).fill('Land handover delayed');
  await ext.getByRole('button', { name: 'Ask for an extension', exact: true }).click();
  await expect(requests.getByRole('row').filter({ hasText: 'Land handover delayed' })).toContainText('Awaiting the office');
  const clo = requests.getByRole('form', { name: 'Apply to close the task', exact: true });
  await clo.getByLabel('Finished on', { exact: true }).fill('2022-06-29');
  await clo.getByLabel('What was done (briefly)', { exact: true }).fill('All shops reopened');
  await clo.getByRole('button', { name: 'Apply to close the task', exact: true }).click();
  await expect(us.light).toHaveAttribute('data-light', 'review');
  await expect(us.reasons.first()).toContainText('awaiting the office');
  await expectNoSeriousViolations(unit, 'the unit\'s requests on a sheet');

  // "No change this week": one click, one report more, that says so.
  const before = await us.reportRows().count();
  await unit.getByRole('button', { name: 'No change this week', exact: true }).click();
  await expect(us.reportRows()).toHaveCount(before + 1);
  await expect(us.reportRows().filter({ hasText: 'No change this week' })).toHaveCount(1);

  // The office takes the unit's report in and rules on both.
  await ux.open();
  const r1 = await ux.exportReport('unit');
  await ox.open();
  await ox.importAndPreview(r1);
  await expect(office.locator('.import-preview')).not.toContainText('Refused');
  await ox.apply();
  const { sheet: os } = await SheetPage.fromTable(office, '7.1', 'en');
  await expect(os.light).toHaveAttribute('data-light', 'review');
  const orq = office.getByRole('region', { name: 'Extensions and closure', exact: true });
  const extRow = orq.getByRole('row').filter({ hasText: 'Land handover delayed' });
  await extRow.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(extRow).toContainText('2022-06-30 Approve');
  await expect(os.fact('Start date → Due date')).toContainText('originally 2022-12-31, extended with approval to 2023-03-31');
  const cloRow = orq.getByRole('row').filter({ hasText: 'All shops reopened' });
  await cloRow.getByRole('button', { name: 'Return', exact: true }).click();
  await expect(cloRow.getByRole('alert')).toContainText('give the reason');
  await cloRow.getByLabel('The office\'s reason', { exact: true }).fill('Two shops still closed');
  await cloRow.getByRole('button', { name: 'Return', exact: true }).click();
  await expect(cloRow).toContainText('Return: Two shops still closed');
  await expect(os.light).not.toHaveAttribute('data-light', 'review');
  await expect(orq).toContainText('Closure returned: 1');

  // The month's bulletin names both decisions.
  await office.goto('/bulletin?lang=en');
  const reviews = office.getByRole('region', { name: /Extensions and closures reviewed in the period/ });
  await expect(reviews.getByRole('row').filter({ hasText: 'Extension: approved' })).toContainText('7.1');
  await expect(reviews.getByRole('row').filter({ hasText: 'Closure: returned' })).toContainText('7.1');
  await SheetPage.fromTable(office, '7.1', 'en');

  // And records a leader's instruction on 7.1: open on the board.
  const ins = office.getByRole('region', { name: 'Leaders\' instructions', exact: true });
  const form = ins.getByRole('form', { name: 'Record an instruction', exact: true });
  await form.getByRole('combobox', { name: 'Leader', exact: true }).selectOption({ label: LEADER });
  await form.getByLabel('Given on', { exact: true }).fill('2022-06-20');
  await form.getByLabel('Instruction', { exact: true }).fill('Reopen the last two shops before July');
  await form.getByRole('button', { name: 'Record an instruction', exact: true }).click();
  await expect(ins.getByRole('row').filter({ hasText: 'Reopen the last two shops' })).toContainText('Not answered yet');
  await office.goto('/?lang=en');
  const open = office.getByRole('region', { name: /Instructions not yet answered/ });
  await expect(open).toContainText('Reopen the last two shops before July');
  await expect(open).toContainText('10 Days waiting');

  // The unit's next slice: the new deadline, both answers, the instruction.
  await ox.open();
  const s2 = await ox.exportSlice(DONGMEN, 'office');
  await ux.open();
  await ux.importAndPreview(s2);
  await ux.apply();
  const { sheet: us2 } = await SheetPage.fromTable(unit, '7.1', 'en');
  await expect(us2.fact('Start date → Due date')).toContainText('originally 2022-12-31');
  const urq = unit.getByRole('region', { name: 'Extensions and closure', exact: true });
  await expect(urq).toContainText('Return: Two shops still closed');
  await expect(urq).toContainText('Approve');
  const uins = unit.getByRole('region', { name: 'Leaders\' instructions', exact: true });
  const row = uins.getByRole('row').filter({ hasText: 'Reopen the last two shops' });
  await row.getByLabel('What was done', { exact: true }).fill('Owners met; both reopen on 1 July');
  await row.getByRole('button', { name: 'Report what was done', exact: true }).click();
  await expect(row).toContainText('Owners met; both reopen on 1 July');

  // The answer reaches the office: the instruction is no longer open.
  await ux.open();
  const r2 = await ux.exportReport('unit');
  await ox.open();
  await ox.importAndPreview(r2);
  await ox.apply();
  await office.goto('/?lang=en');
  await expect(office.getByRole('region', { name: /Instructions not yet answered/ })).toContainText('No instruction is waiting for an answer.');
});

test('in Chinese the workflows read in Chinese, and a co-organizer is told who asks', async ({ page }) => {
  const { sheet } = await SheetPage.fromTable(page, '7.1', 'zh');
  const region = page.getByRole('region', { name: '延期与办结', exact: true });
  await expect(region).toContainText('没有延期申请或办结申请。');
  // The office's browser does not ask: a responsible unit does.
  await expect(region).toContainText('延期和办结由该任务的责任单位申请，督查室审核。');
  await expect(page.getByRole('region', { name: '领导批示', exact: true })).toContainText('没有领导批示。');
  await expect(page.getByRole('button', { name: '本周无变化', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'the sheet\'s workflow sections (zh)');
  void sheet;
});
