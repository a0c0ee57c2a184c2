import { expect, test } from '@playwright/test';
import { SettingsPage } from './pages/settings-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// The example is looked at as of 2022-06-30; every task's plan was due
// 2022-02-14 (a week after the 2022-02-07 kick-off) and none was submitted.
const PLAN_MISSING = 'plan not submitted, due 2022-02-14';
const T71 = 'Upgrading and renovating Dongmen Pedestrian Street';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe('the task sheet (one task, one form)', () => {
  test("task 7.1's title opens its sheet at /task/<uuid>; a direct load shows the same; an unknown id says so", async ({
    page,
    context,
  }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.taskLink('7.1')).toHaveText(T71);
    const id = await t.openSheet('7.1');
    expect(id).toMatch(UUID);
    await expect(page).toHaveURL(new RegExp(`/task/${id}\\?lang=en$`));

    const expectSheet = async (s: SheetPage) => {
      await expect(s.heading).toHaveText(`7.1 ${T71}`);
      await expect(s.fact('Responsible unit')).toHaveText('Dongmen Sub-district');
      await expect(s.fact('Responsible person')).toHaveText('Lu Yi');
      await expect(s.light).toHaveText('Red');
      await s.expectLight('red', PLAN_MISSING);
    };
    const s = new SheetPage(page, 'en');
    await expectSheet(s);
    await expect(page.getByRole('heading', { level: 2 })).toHaveCount(1);

    // A copied link, opened in a new page.
    const other = await context.newPage();
    const s2 = new SheetPage(other, 'en');
    await s2.goto(id);
    await expectSheet(s2);

    // "Back to the table" keeps the language.
    await s2.page.getByRole('link', { name: 'Back to the table' }).click();
    await expect(other).toHaveURL(/\/table\?lang=en$/);
    await new TablePage(other, 'en').waitReady();

    // An id that names no task, and one that is no id at all.
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'not-a-task']) {
      await other.goto(`/task/${bad}?lang=en`);
      await expect(s2.noSuchTask).toBeVisible();
      await expect(s2.noSuchTask).toHaveText('There is no such task (it may have been deleted).');
      await expect(s2.article).toHaveCount(0);
    }
    // Opening the sheet writes nothing.
    expect(await page.evaluate(() => localStorage.getItem('gongjian.plan'))).toBeNull();
  });

  test('inverting the schedule from the deadline: preview in calendar and working days, a warning when too long, accept', async ({
    page,
  }) => {
    const { sheet: s } = await SheetPage.fromTable(page, '7.1');
    const inv = s.invert();
    await expect(inv.details).not.toHaveAttribute('open');
    await inv.open();
    // The deadline defaults to the task's due date.
    await expect(inv.deadline).toHaveValue('2022-12-31');
    await expect(inv.dayCount).toHaveValue('calendar');
    await expect(inv.preview).toHaveCount(0);

    await inv.step(1).fill('Design');
    await inv.days(1).fill('60');
    await inv.addStep.click();
    await inv.step(2).fill('Build');
    await inv.days(2).fill('120');

    // Calendar days: Build takes the last 120 days, Design the 60 before.
    await expect(inv.previewRow('Build').getByRole('cell')).toHaveText(['Build', '2022-09-03', '2022-12-31', '']);
    await expect(inv.previewRow('Design').getByRole('cell')).toHaveText(['Design', '2022-07-05', '2022-09-02', '']);
    await expect(inv.preview.getByRole('row')).toHaveCount(3);
    await expect(inv.warning).toHaveCount(0);

    // Working days: 2022-12-31 is a Saturday, so Build is due Friday
    // 2022-12-30; 120 working days are 24 weeks back to Monday 2022-07-18,
    // and Design's 60 working days then start on 2022-04-25, before today.
    await inv.dayCount.selectOption({ label: 'Working days' });
    await expect(inv.previewRow('Build').getByRole('cell')).toHaveText(['Build', '2022-07-18', '2022-12-30', '']);
    await expect(inv.previewRow('Design').getByRole('cell')).toHaveText(['Design', '2022-04-25', '2022-07-15', 'should have started']);
    await expect(inv.warning).toContainText('The steps take longer than the time left');

    // Back to calendar days; then a first step far too long.
    await inv.dayCount.selectOption({ label: 'Calendar days' });
    await expect(inv.previewRow('Build').getByRole('cell').nth(2)).toHaveText('2022-12-31');
    await expect(inv.warning).toHaveCount(0);
    await inv.days(1).fill('400');
    await expect(inv.warning).toHaveText(
      'The steps take longer than the time left: the first should have started before today.',
    );
    await expect(inv.previewRow('Design').getByRole('cell').nth(3)).toHaveText('should have started');
    await inv.days(1).fill('60');
    await expect(inv.warning).toHaveCount(0);
    await expect(inv.previewRow('Design').getByRole('cell')).toHaveText(['Design', '2022-07-05', '2022-09-02', '']);

    // Nothing is a milestone until accepted.
    await expect(s.scheduleSection.getByText('No milestones yet.')).toBeVisible();
    await inv.accept.click();
    await expect(s.milestonesTable).toBeVisible();
    const expectMilestones = async () => {
      await expect(s.milestonesTable.getByRole('row')).toHaveCount(3);
      await expect(s.milestoneRow('Design').getByRole('cell').nth(1)).toHaveText('2022-09-02');
      await expect(s.milestoneRow('Build').getByRole('cell').nth(1)).toHaveText('2022-12-31');
      // Far enough away: on track.
      await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'green');
      await expect(s.milestoneLight('Build')).toHaveAttribute('data-light', 'green');
    };
    await expectMilestones();
    // The form is emptied for the next schedule.
    await expect(inv.step(1)).toHaveValue('');
    await expect(inv.step(2)).toHaveCount(0);
    await expect(inv.preview).toHaveCount(0);

    await page.reload();
    await s.waitReady();
    await expectMilestones();

    // A milestone can be deleted (after a confirm).
    page.once('dialog', (d) => d.accept());
    await s.milestonesTable.getByRole('button', { name: 'Delete Build', exact: true }).click();
    await expect(s.milestoneRow('Build')).toHaveCount(0);
    await expect(s.milestoneRow('Design')).toBeVisible();
  });

  test('a schedule ending after the task is due is refused with the reason', async ({ page }) => {
    const { sheet: s } = await SheetPage.fromTable(page, '7.1');
    const inv = s.invert();
    await inv.open();
    await inv.deadline.fill('2023-01-31');
    await inv.step(1).fill('Late step');
    await inv.days(1).fill('10');
    await expect(inv.previewRow('Late step').getByRole('cell').nth(2)).toHaveText('2023-01-31');
    await inv.accept.click();
    await expect(inv.warning).toContainText("due 2023-01-31 is after the task's due date 2022-12-31");
    await expect(s.scheduleSection.getByText('No milestones yet.')).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('gongjian.plan'))).toBeNull();
  });

  test('a report that completes a milestone changes the light; reports are append-only and persist', async ({ page }) => {
    const { sheet: s } = await SheetPage.fromTable(page, '7.1');
    await s.expectLight('red', PLAN_MISSING);

    // Submit the plan (施工图): "plan not submitted" goes away.
    await s.submitPlan('1. Design the new street front\n2. Build\n3. Acceptance', '2022-02-10');
    await expect(s.reasons.filter({ hasText: 'plan not submitted' })).toHaveCount(0);
    await expect(s.light).not.toHaveAttribute('data-light', 'red');

    // A milestone due within the 7-day warning window, and a later one.
    await s.addMilestone('Design', '2022-07-03');
    await s.addMilestone('Build', '2022-12-31');
    await s.expectLight('yellow', "milestone 'Design' due in 3 days");
    await expect(s.light).toHaveText('Yellow');
    await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'yellow');
    await expect(s.reportsSection.getByText('No reports yet.')).toBeVisible();

    // The Dongmen Sub-district reports it done, at 50 %.
    const r = s.report();
    await expect(r.date).toHaveValue('2022-06-30');
    await s.addReport({ date: '2022-06-30', unit: 'Dongmen Sub-district', milestones: ['Design'], progress: '50' });

    const expectAfterReport = async () => {
      await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'done');
      await expect(s.milestoneLight('Design')).toHaveText('Done');
      await expect(s.milestoneRow('Design').getByRole('cell').nth(2)).toHaveText('2022-06-30');
      await expect(s.reasons.filter({ hasText: "milestone 'Design'" })).toHaveCount(0);
      await expect(s.light).not.toHaveAttribute('data-light', 'yellow');
      await s.expectLight('green', 'on track');
      await expect(s.fact('Progress')).toHaveText('50 %');
      await expect(s.milestoneLight('Build')).toHaveAttribute('data-light', 'green');
      await expect(s.reportRows()).toHaveCount(1);
      await expect(s.reportRows().first().getByRole('cell')).toHaveText(['2022-06-30', 'Dongmen Sub-district', '50 %', '', 'Design', '', '', /Correct/]);
      // Append-only: no edit or delete on a report.
      // Never edited or deleted: only corrected or withdrawn by a later record.
      await expect(s.reportsTable.getByRole('button', { name: /^(Edit|Delete)/ })).toHaveCount(0);
      await expect(s.reportsTable.getByRole('button')).toHaveText(['Correct', 'Withdraw']);
      await expect(s.reportsSection.getByRole('button')).toHaveText(['Correct', 'Withdraw', 'Add a progress report', 'No change this week']);
      // A done milestone is no longer offered.
      await expect(r.milestonesDone.getByRole('checkbox')).toHaveCount(1);
      await expect(r.milestoneDone('Design')).toHaveCount(0);
      await expect(r.milestoneDone('Build')).toBeVisible();
    };
    await expectAfterReport();
    // The next report starts from this one (issue 18: only what changed is typed).
    await expect(r.progress).toHaveValue('50');

    await page.reload();
    await s.waitReady();
    await expectAfterReport();
    // The plan as submitted is still there.
    await expect(s.planSection.getByLabel('Submitted on', { exact: true })).toHaveValue('2022-02-10');
  });

  test('moving "today" past a due date turns the light red with its reason, on the sheet and in the table', async ({ page }) => {
    const { sheet: s, id } = await SheetPage.fromTable(page, '7.1');
    await s.addMilestone('Design', '2022-07-03');
    await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'yellow');

    const settings = new SettingsPage(page, 'en');
    await settings.open();
    await expect(settings.asOf).toHaveValue('2022-06-30');
    await settings.change({ asOf: '2022-07-15' });
    const t = new TablePage(page, 'en');
    await expect(t.exampleBanner).toContainText('2022-07-15');

    // Back on the sheet (history, no reload): overdue since 2022-07-03.
    await page.goBack();
    await s.waitReady();
    await s.expectLight('red', "milestone 'Design' 12 days overdue");
    await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'red');
    await expect(s.milestoneRow('Design').getByRole('cell').nth(3)).toContainText("milestone 'Design' 12 days overdue");
    await expect(s.article.getByRole('term').filter({ hasText: 'Status' })).toHaveText('Status (2022-07-15)');
    await expect(s.reasons).toContainText([PLAN_MISSING]);

    // The table says the same in its Status column.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Responsibility table' }).click();
    await t.waitReady();
    await t.expectStatus('7.1', 'red', 'Red', "milestone 'Design' 12 days overdue");
    await t.expectStatus('8.1', 'red', 'Red', PLAN_MISSING);
    await expect(t.exampleBanner).toContainText('2022-07-15');

    // After a reload too.
    await page.reload();
    await t.waitReady();
    await expect(t.exampleBanner).toContainText('2022-07-15');
    await t.expectStatus('7.1', 'red', 'Red', "milestone 'Design' 12 days overdue");
    await s.goto(id);
    await s.expectLight('red', "milestone 'Design' 12 days overdue");
  });

  test('an empty "View as of" means today: the lights, the sheet and the banner use the clock', async ({ page }) => {
    // The browser's clock says 2022-07-15, 10:00 in Shanghai.
    await page.clock.setFixedTime(new Date('2022-07-15T10:00:00+08:00'));
    const { sheet: s, id } = await SheetPage.fromTable(page, '7.1');
    await s.addMilestone('Design', '2022-07-03');
    await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'yellow');

    const settings = new SettingsPage(page, 'en');
    await settings.goto();
    await settings.change({ asOf: '' });
    const t = new TablePage(page, 'en');
    await expect(t.exampleBanner).toContainText('2022-07-15');

    await s.goto(id);
    await s.expectLight('red', "milestone 'Design' 12 days overdue");
    await expect(s.article.getByRole('term').filter({ hasText: 'Status' })).toHaveText('Status (2022-07-15)');
    await expect(s.report().date).toHaveValue('2022-07-15');
  });

  test('the warning window decides between yellow and green', async ({ page }) => {
    const { sheet: s } = await SheetPage.fromTable(page, '7.1');
    await s.submitPlan('Steps', '2022-02-10');
    await s.addMilestone('Design', '2022-07-03');
    await s.addReport({ date: '2022-06-30', progress: '50' });
    // Due in 3 days, inside the default 7-day window: the only reason.
    await s.expectLight('yellow', "milestone 'Design' due in 3 days");
    await expect(s.reasons).toHaveCount(1);

    const settings = new SettingsPage(page, 'en');
    await settings.open();
    await expect(settings.warningDays).toHaveValue('7');
    await settings.change({ warningDays: '2' });
    await page.goBack();
    await s.waitReady();
    await s.expectLight('green', 'on track');
    await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'green');

    // 3 days is inside a 3-day window.
    await settings.open();
    await expect(settings.warningDays).toHaveValue('2');
    await settings.change({ warningDays: '3' });
    await page.goBack();
    await s.waitReady();
    await s.expectLight('yellow', "milestone 'Design' due in 3 days");
  });

  test('the table filters by light, and the filter is in the URL', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await expect(t.lightFilter).toHaveValue('');
    await expect(t.lightFilter.getByRole('option')).toHaveText(['All', 'Red', 'Yellow', 'Green', 'Not started', 'Awaiting review', 'Done']);

    await t.lightFilter.selectOption({ label: 'Red' });
    await expect(page).toHaveURL(/[?&]light=red(&|$)/);
    await t.expectShown(9, 9);
    await expect(t.taskRows).toHaveCount(9);
    for (const n of ['6.1', '7.1', '8.1', '8.2', '8.3', '8.4', '8.5', '9.1', '9.2']) {
      await t.expectStatus(n, 'red', 'Red', PLAN_MISSING);
    }

    await t.lightFilter.selectOption({ label: 'Green' });
    await expect(page).toHaveURL(/[?&]light=green(&|$)/);
    await t.expectShown(0, 9);
    await expect(page.getByText('No task matches the filters.')).toBeVisible();

    // Make 8.3 green: its plan submitted, and a fresh report well on pace.
    await t.clearFiltersButton.click();
    await t.expectShown(9, 9);
    await expect(t.lightFilter).toHaveValue('');
    expect(new URL(page.url()).searchParams.has('light')).toBe(false);
    const id = await t.openSheet('8.3');
    const s = new SheetPage(page, 'en');
    await s.waitReady();
    await s.submitPlan('Relocate in two phases', '2022-02-10');
    await s.addReport({ date: '2022-06-30', progress: '60' });
    await s.expectLight('green', 'on track');

    await t.goto({ light: 'green' });
    await expect(t.lightFilter).toHaveValue('green');
    await t.expectShown(1, 9);
    await expect(t.taskNumbers()).toHaveText(['8.3']);
    await expect(t.actionNumbers()).toHaveText(['8']);
    await expect(t.taskLink('8.3')).toHaveAttribute('href', `/task/${id}?lang=en`);
    await t.expectStatus('8.3', 'green', 'Green', 'on track');

    await t.lightFilter.selectOption({ label: 'Red' });
    await t.expectShown(8, 9);
    await expect(t.taskRow('8.3')).toHaveCount(0);
  });

  test('the sheet prints on one A4 page, without buttons, forms or navigation', async ({ page }) => {
    const { sheet: s } = await SheetPage.fromTable(page, '7.1');
    await s.submitPlan('1. Design the new street front\n2. Build it in two phases\n3. Acceptance and opening', '2022-02-10');
    const inv = s.invert();
    await inv.open();
    await inv.step(1).fill('Design');
    await inv.days(1).fill('60');
    await inv.addStep.click();
    await inv.step(2).fill('Build');
    await inv.days(2).fill('120');
    await inv.addStep.click();
    await inv.step(3).fill('Acceptance');
    await inv.days(3).fill('0');
    await expect(inv.previewRow('Acceptance')).toBeVisible();
    await inv.accept.click();
    await s.addMilestone('Site survey', '2022-07-03');
    await expect(s.milestonesTable.getByRole('row')).toHaveCount(5);
    await s.addReport({ date: '2022-06-30', milestones: ['Site survey'], progress: '20' });

    // What must not print: every button and form, the header's navigation
    // and language switch, the example banner. All visible on screen…
    const t = new TablePage(page, 'en');
    const addMilestone = page.getByRole('button', { name: 'Add milestone' });
    const noPrint = [
      addMilestone,
      page.getByRole('button', { name: 'Print' }),
      s.planSection.getByRole('button', { name: 'Save' }),
      page.getByRole('navigation', { name: 'Main navigation' }),
      t.langSwitch,
      t.exampleBanner,
      page.getByRole('link', { name: 'Back to the table' }),
      s.reportForm,
      inv.details,
      s.milestonesTable.getByRole('columnheader', { name: 'Actions' }),
      s.milestonesTable.getByRole('button', { name: 'Delete Design' }),
      s.milestonesTable.getByRole('button', { name: 'Delete Site survey' }),
      page.getByRole('button', { name: 'Record a risk' }),
      page.getByRole('button', { name: 'Add target' }),
    ];
    for (const l of noPrint) await expect(l).toBeVisible();
    // …and hidden in print.
    await page.emulateMedia({ media: 'print' });
    for (const l of noPrint) await expect(l).toBeHidden();
    // What the sheet says is printed.
    await expect(s.heading).toBeVisible();
    await expect(s.light).toBeVisible();
    await expect(s.milestonesTable).toBeVisible();
    await expect(s.reportsTable).toBeVisible();

    const pdf = await page.pdf({ format: 'A4' });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length, 'pages in the printed sheet').toBe(1);

    await page.emulateMedia({ media: 'screen' });
    await expect(addMilestone).toBeVisible();
  });

  test('only the responsible unit and the co-organizers of the task can report', async ({ page }) => {
    // 7.1 has one responsible unit and no co-organizer.
    let { sheet: s } = await SheetPage.fromTable(page, '7.1');
    await expect(s.report().unit.getByRole('option')).toHaveText(['Dongmen Sub-district']);
    await expect(s.report().unit.locator('option:checked')).toHaveText('Dongmen Sub-district');

    // 9.2 gets Dongmen Sub-district as a co-organizer.
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.taskButton('edit', '9.2').click();
    const f = t.form();
    await f.coOrganizer('Dongmen Sub-district').check();
    await f.save.click();
    await expect(f.dialog).toHaveCount(0);
    await t.openSheet('9.2');
    s = new SheetPage(page, 'en');
    await s.waitReady();
    await expect(s.fact('Co-organizers')).toHaveText('Dongmen Sub-district');
    const r = s.report();
    // The lead unit first and chosen; no other unit of the plan is offered.
    await expect(r.unit.getByRole('option')).toHaveText(['Luohu District Enterprise Service Center', 'Dongmen Sub-district']);
    await expect(r.unit.locator('option:checked')).toHaveText('Luohu District Enterprise Service Center');
    await expect(r.unit.getByRole('option', { name: 'Luohu District', exact: true })).toHaveCount(0);
    // (The risk owner, by contrast, can be any unit.)
    await expect(s.page.getByRole('combobox', { name: 'Owner', exact: true }).getByRole('option')).toHaveCount(6);

    // The co-organizer reports.
    await s.addReport({ date: '2022-06-29', unit: 'Dongmen Sub-district', progress: '30' });
    await expect(s.reportRows().first().getByRole('cell').nth(1)).toHaveText('Dongmen Sub-district');
    await expect(r.errors).toHaveCount(0);
  });

  test('?lang=zh shows the sheet in Chinese, with the reason in Chinese', async ({ page }) => {
    const { sheet: s, id } = await SheetPage.fromTable(page, '7.1', 'zh');
    await expect(page).toHaveURL(new RegExp(`/task/${id}\\?lang=zh$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(s.heading).toHaveText('7.1 东门步行街升级改造');
    await expect(s.fact('责任单位')).toHaveText('东门街道');
    for (const h of ['施工图', '时间表（节点）', '量化指标', '进展反馈', '问题清单', '风险隐患']) {
      await expect(page.getByRole('heading', { level: 3, name: h, exact: true })).toBeVisible();
    }
    await expect(s.light).toHaveText('红灯');
    await s.expectLight('red', '施工图未报送，应于 2022-02-14 前报送');

    // A milestone typed in Chinese, due soon, gives its reason in Chinese.
    await s.addMilestone('设计', '2022-07-03');
    await expect(s.reasons.nth(1)).toHaveText('节点“设计” 3 天后到期');

    // A direct load in Chinese.
    await s.goto(id);
    await expect(s.planSection).toBeVisible();
    await s.expectLight('red', '施工图未报送，应于 2022-02-14 前报送');

    // The switch turns the same sheet English.
    await page.getByRole('banner').getByRole('button', { name: 'English', exact: true }).click();
    const en = new SheetPage(page, 'en');
    await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
    await expect(en.planSection).toBeVisible();
    await en.expectLight('red', PLAN_MISSING);
  });
});
