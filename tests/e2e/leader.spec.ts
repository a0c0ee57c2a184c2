import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { BoardPage } from './pages/board-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// A district leader's board: the office names the leader of a key action,
// the board narrows to the key actions that leader leads, and answers first
// what is red and why, what needs the leader, and the risks. An open high
// risk turns its task yellow, naming the risk; Settings can turn that off.

const LEADER = 'Zhou Xiaojian';
const RISK = '征地拆迁未完成，影响开工';
const RISK_REASON = `高风险未消除：${RISK}`;

test('the office names a key action\'s leader; the leader\'s board shows that action, its red tasks with reasons and its high risk', async ({ page }) => {
  // The office names the leader of key action 6.
  const t = new TablePage(page, 'zh');
  await t.goto();
  await t.actionButton('edit', 6).click();
  const f = t.form();
  await f.dialog.getByRole('group', { name: '总牵头区领导', exact: true }).getByRole('checkbox', { name: LEADER, exact: true }).check();
  await f.save.click();
  await expect(f.dialog).toHaveCount(0);

  // A high risk on 6.1, recorded on its sheet: the sheet names it as a reason.
  const sheetId = await t.openSheet('6.1');
  const sheet = new SheetPage(page, 'zh');
  await sheet.waitReady();
  await sheet.risksSection.getByRole('combobox', { name: /^等级/ }).selectOption({ label: '高' });
  await sheet.addRisk({ description: RISK });
  await expect(sheet.reasons).toContainText([RISK_REASON]);

  // The board, narrowed to the leader.
  await page.goto('/?lang=zh');
  const b = new BoardPage(page, 'zh');
  await expect(b.heading).toBeVisible();
  const picker = b.scope.form.getByRole('combobox', { name: '区领导', exact: true });
  const option = picker.getByRole('option', { name: LEADER, exact: true });
  const leaderId = (await option.getAttribute('value')) ?? '';
  expect(leaderId).not.toBe('');
  await picker.selectOption({ value: leaderId });
  await expect(page).toHaveURL(new RegExp(`[?&]leader=${leaderId}(&|$)`));
  // Only key action 6 and its task.
  await expect(b.actionsTable.getByRole('row')).toHaveCount(2);
  await expect(b.totalLink).toHaveText('1');

  // Red tasks by number, name and reason, first on the board.
  const red = page.getByRole('region', { name: /^红灯任务/ });
  await expect(red.getByRole('listitem')).toHaveCount(1);
  await expect(red.getByRole('listitem').first()).toContainText(/^6\.1 .+ — 施工图未报送/);
  const sections = await page.locator('.board-section h3').allTextContents();
  expect(sections.findIndex((s) => s.startsWith('红灯任务'))).toBeLessThan(sections.findIndex((s) => s.startsWith('专项行动')));

  // The risk register: one open high risk, linking to its task's sheet.
  const risks = page.getByRole('region', { name: /^未消除的风险/ });
  await expect(risks.getByRole('listitem')).toHaveCount(1);
  await expect(risks.getByRole('listitem').first()).toContainText(RISK);
  await expectNoSeriousViolations(page, 'the leader\'s board (zh)');
  await risks.getByRole('listitem').first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/task/${sheetId}`));

  // The leader's hearing pack: the risk, the meetings' decisions, each task's plan, as of the plan's day.
  await page.goto(`/hearing?lang=zh&leader=${leaderId}`);
  await expect(page.getByText('截至 2022-06-30', { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: '未消除的风险' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table', { name: '未消除的风险' })).toContainText(RISK);
  await expect(page.getByText('这些任务的会议没有议定事项。', { exact: true })).toBeVisible();
  const plans = page.getByRole('table', { name: '施工图报送情况' });
  await expect(plans.getByRole('row')).toHaveCount(2);
  await expect(plans.getByRole('row').nth(1)).toContainText('未报送，应于此日前报送： 2022-02-14');
  await expectNoSeriousViolations(page, 'the leader\'s hearing pack (zh)');

  // The table the board links to is narrowed to the leader too.
  await page.goto(`/?lang=zh&leader=${leaderId}`);
  await red.getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/table\\?.*leader=${leaderId}`));
  await t.waitReady();
  await t.expectShown(1);
});

test('Settings turns the high-risk rule off and on; a closed risk no longer counts', async ({ page }) => {
  const { sheet, id } = await SheetPage.fromTable(page, '8.1', 'zh');
  await sheet.risksSection.getByRole('combobox', { name: /^等级/ }).selectOption({ label: '重大' });
  await sheet.addRisk({ description: RISK });
  await expect(sheet.reasons).toContainText([`重大风险未消除：${RISK}`]);

  await page.goto('/settings?lang=zh');
  const rule = page.getByRole('checkbox', { name: '未消除的高风险使任务亮黄灯', exact: true });
  await expect(rule).toBeChecked();
  await rule.uncheck();
  await sheet.goto(id);
  await expect(sheet.reasons.filter({ hasText: RISK })).toHaveCount(0);

  await page.goto('/settings?lang=zh');
  await page.getByRole('checkbox', { name: '未消除的高风险使任务亮黄灯', exact: true }).check();
  await sheet.goto(id);
  await expect(sheet.reasons.filter({ hasText: RISK })).toHaveCount(1);
});

test('in English, the leader picker and the new board sections are named in English', async ({ page }) => {
  const b = new BoardPage(page, 'en');
  await page.goto('/?lang=en');
  await expect(b.heading).toBeVisible();
  // The example names no district leader: there is no leader to pick.
  await expect(b.scope.form.getByRole('combobox', { name: 'District leader', exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Red tasks \d+ tasks$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Problems that need a district leader 0' })).toBeVisible();
  await expect(page.getByText('No open risk.', { exact: true })).toBeVisible();
});
