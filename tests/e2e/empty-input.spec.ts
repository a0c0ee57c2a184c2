import { expect, test, type Locator, type Page } from '@playwright/test';
import { MeetingsPage } from './pages/meetings-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// Empty and contradictory input gets a clear message at the form and changes
// nothing (issue 13, point 5). The example plan is "as of" 2022-06-30.

/** The refusal's box sits right above the form's button, where the person is looking. */
async function expectBesideButton(message: Locator, button: Locator) {
  const [m, b] = [await message.boundingBox(), await button.boundingBox()];
  expect(m && b).toBeTruthy();
  const gap = b!.y - (m!.y + m!.height);
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThan(40);
}

/** Focus is inside the refusal's box (the box, or something in it). */
async function expectFocusIn(page: Page, message: Locator) {
  await expect.poll(() => message.evaluate((el) => el.closest('.form-message')?.contains(document.activeElement) ?? false)).toBe(true);
}

const storedPlan = (page: Page) => page.evaluate(() => localStorage.getItem('gongjian.plan'));

test.describe('empty and contradictory input', () => {
  test('an empty report is refused at the form, says what is missing, and stores nothing, even after a reload', async ({ page }) => {
    const { sheet: s, id } = await SheetPage.fromTable(page, '7.1');
    const f = s.report();
    await expect(s.reportRows()).toHaveCount(0);
    await f.submit.click();
    await expect(f.errors).toBeVisible();
    await expect(f.errors).toContainText('Please fix:');
    await expect(f.errors).toContainText('nothing is filled in; give at least one of: the progress, what was done, a target reading');
    await expectBesideButton(f.errors, f.submit);
    await expectFocusIn(page, f.errors);
    // Spaces are not content either.
    await f.form.getByLabel('What was done', { exact: true }).fill('   ');
    await f.submit.click();
    await expect(f.errors).toContainText('nothing is filled in');
    await expect(s.reportRows()).toHaveCount(0);
    expect(await storedPlan(page)).toBeNull();
    await s.goto(id);
    await expect(s.reportRows()).toHaveCount(0);

    // In Chinese, in Chinese words.
    const zh = new SheetPage(page, 'zh');
    await zh.goto(id);
    await zh.report().submit.click();
    await expect(zh.report().errors).toContainText('请先修正：');
    await expect(zh.report().errors).toContainText('什么都没有填写');
    await expect(zh.report().errors).not.toContainText('nothing');
    await expect(zh.reportRows()).toHaveCount(0);

    // A request for help alone is a report.
    await zh.report().form.getByLabel('需要的支持', { exact: true }).fill('需要区住建局协调施工许可');
    await zh.report().submit.click();
    await expect(zh.reportRows()).toHaveCount(1);
    await expect(zh.report().errors).toHaveCount(0);
  });

  test('a progress lower than the unit\'s last report asks for a reason, refuses without one, and keeps it', async ({ page }) => {
    const { sheet: s, id } = await SheetPage.fromTable(page, '7.1');
    await s.addReport({ date: '2022-06-20', progress: '25' });
    const f = s.report();
    const reason = f.form.getByLabel('Why the progress is lower (required)', { exact: true });
    await f.date.fill('2022-06-30');
    await f.progress.fill('30');
    await expect(reason).toHaveCount(0);
    await f.progress.fill('10');
    await expect(reason).toBeVisible();
    await expect(f.form.getByText('This unit reported 25 % on 2022-06-20; this is lower, so say why.')).toBeVisible();

    await f.submit.click();
    await expect(f.errors).toContainText('progress 10 % is lower than the 25 % reported on 2022-06-20; say why it is lower');
    await expect(reason).toBeFocused();
    await expect(s.reportRows()).toHaveCount(1);

    await reason.fill('The survey counted the same shops twice');
    await f.submit.click();
    await expect(s.reportRows()).toHaveCount(2);
    await expect(f.errors).toHaveCount(0);
    const newest = s.reportRows().first();
    await expect(newest.getByRole('cell').nth(2)).toHaveText('10 %Why lower: The survey counted the same shops twice');
    await s.goto(id);
    await expect(s.reportRows().first().getByRole('cell').nth(2)).toContainText('The survey counted the same shops twice');

    const zh = new SheetPage(page, 'zh');
    await zh.goto(id);
    await expect(zh.reportRows().first().getByRole('cell').nth(2)).toHaveText('10 %下降原因：The survey counted the same shops twice');
    await zh.report().progress.fill('5');
    await expect(zh.report().form.getByText('本单位 2022-06-30 反馈的进度为 10%，本次更低，请说明原因。')).toBeVisible();
    await zh.report().submit.click();
    await expect(zh.report().errors).toContainText('请填写进度下降的原因');
  });

  test('an empty meeting is refused beside its button and nothing is recorded', async ({ page }) => {
    const mp = new MeetingsPage(page, 'en');
    await mp.goto();
    const save = mp.form.getByRole('button', { name: mp.w.save, exact: true });
    const alert = mp.form.getByRole('alert');
    await save.click();
    await expect(alert).toContainText('nothing is recorded; write the minutes or add at least one decision');
    await expectBesideButton(alert, save);
    await expectFocusIn(page, alert);
    // Who came and what was on the agenda are not a record by themselves.
    await mp.form.getByRole('group', { name: mp.w.tasks, exact: true }).getByRole('checkbox', { name: /^7\.1 / }).check();
    await save.click();
    await expect(alert).toContainText('nothing is recorded');
    await expect(mp.held.getByText(mp.w.noMeetings)).toBeVisible();
    expect(await storedPlan(page)).toBeNull();

    const zh = new MeetingsPage(page, 'zh');
    await zh.goto();
    await zh.form.getByRole('button', { name: zh.w.save, exact: true }).click();
    await expect(zh.form.getByRole('alert')).toContainText('这次会议没有记录任何内容：请填写会议纪要，或至少添加一项议定事项');
    await expect(zh.held.getByText(zh.w.noMeetings)).toBeVisible();
    // Minutes alone make a meeting.
    await zh.record({ minutes: '研究东门步行街改造进度' });
    await expect(zh.meetings()).toHaveCount(1);
  });

  test('a unit name that duplicates another is refused in the unit editor, spaces and full-width alike', async ({ page }) => {
    await page.goto('/units?lang=en');
    const units = page.getByRole('region', { name: 'Units', exact: true });
    const add = units.getByRole('form', { name: 'Add unit', exact: true });
    const zhName = add.getByLabel('Name (Chinese)', { exact: true });
    const enName = add.getByLabel('Name (English)', { exact: true });
    const addButton = add.getByRole('button', { name: 'Add unit', exact: true });
    await zhName.fill('区发改局');
    await addButton.click();
    await expect(units.getByRole('form', { name: '区发改局', exact: true })).toBeVisible();
    const count = await units.getByRole('form').count();

    await zhName.fill(' 区发改局 ');
    await addButton.click();
    await expect(add.getByRole('alert')).toContainText("a unit named '区发改局' already exists; choose another name");
    await expectFocusIn(page, add.getByRole('alert'));
    await zhName.fill('\u3000区发改局');
    await addButton.click();
    await expect(add.getByRole('alert')).toContainText("a unit named '区发改局' already exists");

    // Full-width letters and another case are the same name as an example unit's.
    await zhName.fill('');
    await enName.fill('ＤＯＮＧＭＥＮ　sub-district');
    await addButton.click();
    await expect(add.getByRole('alert')).toContainText("a unit named 'Dongmen Sub-district' already exists");
    await expect(units.getByRole('form')).toHaveCount(count);

    // Renaming one unit to another's name is refused in its own row.
    const drb = units.getByRole('form', { name: 'Luohu District Enterprise Service Center', exact: true });
    await drb.getByLabel('Name (English)', { exact: true }).fill(' dongmen sub-district ');
    await drb.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(drb.getByRole('alert')).toContainText("a unit named 'Dongmen Sub-district' already exists");

    await page.reload();
    await expect(units.getByRole('form')).toHaveCount(count);
    await expect(units.getByRole('form', { name: 'Luohu District Enterprise Service Center', exact: true })).toBeVisible();

    // In Chinese.
    await page.goto('/units?lang=zh');
    const zhUnits = page.getByRole('region', { name: '单位', exact: true });
    const zhAdd = zhUnits.getByRole('form', { name: '添加单位', exact: true });
    await zhAdd.getByLabel('名称（中文）', { exact: true }).fill('区发改局 ');
    await zhAdd.getByRole('button', { name: '添加单位', exact: true }).click();
    await expect(zhAdd.getByRole('alert')).toContainText('已有同名单位“区发改局”，请换一个名称');
  });

  test('a task without a responsible unit or a deadline shows that reason on the table and its sheet, never green', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.actionButton('addTask', 8).click();
    const f = t.form();
    await f.titleEn.fill('Open the Dawutong innovation hub');
    await f.save.click();
    await expect(f.dialog).toHaveCount(0);
    await expect(t.taskRow('8.6')).toBeVisible();

    // Its plan submitted, nothing else is wrong with it but what is missing.
    const id = await t.openSheet('8.6');
    const s = new SheetPage(page, 'en');
    await s.waitReady();
    await s.submitPlan('1. Find the site', '2022-02-10');
    await s.expectLight('yellow', 'no responsible unit');
    await expect(s.reasons.nth(1)).toHaveText('no deadline set');

    await t.goto();
    await t.expectStatus('8.6', 'yellow', 'Yellow', 'no responsible unit');
    const zh = new TablePage(page, 'zh');
    await zh.goto();
    await zh.expectStatus('8.6', 'yellow', '黄灯', '未确定责任单位');
    const zs = new SheetPage(page, 'zh');
    await zs.goto(id);
    await expect(zs.reasons.nth(0)).toHaveText('未确定责任单位');
    await expect(zs.reasons.nth(1)).toHaveText('未设完成时限');

    // A responsible unit given: only the missing deadline is left.
    await t.goto();
    await t.taskButton('edit', '8.6').click();
    await f.responsible('Luohu District Development and Reform Bureau').check();
    await f.save.click();
    await expect(f.dialog).toHaveCount(0);
    await t.expectStatus('8.6', 'yellow', 'Yellow', 'no deadline set');
    // The example's 9.2 has no deadline either: never green.
    await expect(t.taskLight('9.2')).not.toHaveAttribute('data-light', 'green');
  });
});
