import { type Page } from '@playwright/test';
import { expect, test } from './fixtures/browsers';
import { expectNoSeriousViolations } from './helpers/axe';
import { AppraisalPage } from './pages/appraisal-page';
import { ExchangePage } from './pages/exchange-page';
import { NewPlanPage, PLAN_WORDS, PlanDetails } from './pages/new-plan-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';
import { TimelinePage } from './pages/timeline-page';

// The plan's own settings: a supervision office builds its 2027 plan in
// December 2026. Starting a blank plan asks for its title, year and
// kick-off; every task's plan-submission due date, the appraisal's and the
// timeline's default period and the exported files' names follow them.

const TODAY = new Date('2026-12-02T10:00:00+08:00');
const TITLE = { zh: '2027年攻坚任务责任分工表', en: 'Gongjian 2027 plan' } as const;
const UNIT = { zh: '东门街道', en: 'Dongmen Sub-district' } as const;

/** Start a blank 2027 plan from the example, kick-off 2027-02-01. */
async function startPlan(page: Page) {
  const t = new TablePage(page, 'en');
  await t.goto();
  await t.startBlankLink.click();
  const form = new NewPlanPage(page, 'en');
  // In December the form proposes next year.
  await expect(form.fields.year).toHaveValue('2027');
  await form.start({ titleZh: TITLE.zh, titleEn: TITLE.en, year: '2027', kickoff: '2027-02-01' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE.en);
  return t;
}

/** One unit, one key action and one task 1.1 led by the unit. */
async function addTask(page: Page, t: TablePage) {
  await page.goto('/units?lang=en');
  const add = page.getByRole('region', { name: 'Units', exact: true }).getByRole('form', { name: 'Add unit', exact: true });
  await add.getByLabel('Name (Chinese)', { exact: true }).fill(UNIT.zh);
  await add.getByLabel('Name (English)', { exact: true }).fill(UNIT.en);
  await add.getByRole('button', { name: 'Add unit', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Units', exact: true }).getByRole('form', { name: UNIT.en, exact: true })).toBeVisible();

  await t.goto();
  await t.addActionButton.click();
  let f = t.form();
  await f.titleEn.fill('Upgrade the pedestrian street');
  await f.save.click();
  await expect(f.dialog).toHaveCount(0);
  await t.actionButton('addTask', 1).click();
  f = t.form();
  await f.titleEn.fill('Renovate the facades');
  await f.responsible(UNIT.en).check();
  await f.due.fill('2027-10-31');
  await f.save.click();
  await expect(f.dialog).toHaveCount(0);
  await expect(t.taskRows).toHaveCount(1);
}

test.describe("the plan's own settings", () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(TODAY);
  });

  test('a 2027 plan from blank: the due date, the appraisal, the timeline and the file names follow its settings', async ({ page }) => {
    const t = await startPlan(page);
    await addTask(page, t);

    // Every task's plan is due a week after the kick-off.
    const { sheet } = await SheetPage.fromTable(page, '1.1', 'en');
    await expect(sheet.article.getByText(/Due on:\s*2027-02-08/)).toBeVisible();

    // Settings shows the plan's details, the same due date.
    await page.goto('/settings?lang=en');
    const details = new PlanDetails(page, 'en');
    await expect(details.fields.titleZh).toHaveValue(TITLE.zh);
    await expect(details.fields.titleEn).toHaveValue(TITLE.en);
    await expect(details.fields.year).toHaveValue('2027');
    await expect(details.fields.kickoff).toHaveValue('2027-02-01');
    await expect(details.planDue).toHaveValue('7');
    await expect(details.dueOn).toHaveText(`${PLAN_WORDS.en.dueOn} 2027-02-08`);
    // The window is set here only: the lights' form no longer has it.
    await expect(page.getByLabel(PLAN_WORDS.en.planDue)).toHaveCount(1);

    // The appraisal's period defaults to the plan's year.
    const a = new AppraisalPage(page, 'en');
    await a.goto();
    await expect(a.from).toHaveValue('2027-01-01');
    await expect(a.to).toHaveValue('2027-12-31');

    // The timeline opens on 2027 although today is in 2026, and moves to any year.
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    const span = page.getByRole('navigation', { name: 'Move the timeline', exact: true }).getByRole('status');
    await expect(span).toHaveText('Showing: 2027-01-01 – 2027-12-31');
    await expect(tl.tickLabels.first()).toHaveText('2027-01');
    await expect(tl.taskRows).toHaveCount(1);
    await page.getByRole('link', { name: 'Next year ›' }).click();
    await expect(span).toHaveText('Showing: 2028-01-01 – 2028-12-31');
    await expect(page).toHaveURL(/[?&]at=2028-01-01/);
    await page.getByRole('link', { name: '‹ Previous year' }).click();
    await page.getByRole('link', { name: '‹ Previous year' }).click();
    await expect(span).toHaveText('Showing: 2026-01-01 – 2026-12-31');
    await expect(tl.tickLabels.first()).toHaveText('2026-01');
    await page.getByRole('link', { name: "Back to the plan's year" }).click();
    await expect(span).toHaveText('Showing: 2027-01-01 – 2027-12-31');
    // The quarter zoom keeps moving by quarters.
    await tl.zoomLink('quarter').click();
    await expect(span).toHaveText('Showing: 2027-01-01 – 2027-03-31');
    await page.getByRole('link', { name: 'Next quarter ›' }).click();
    await expect(span).toHaveText('Showing: 2027-04-01 – 2027-06-30');

    // The exported files carry the title, the kind and the unit's name.
    const x = new ExchangePage(page, 'en');
    await x.goto();
    const plan = await x.exportPlan('office');
    expect(plan.name).toBe(`${TITLE.en}.plan.json`);
    const slice = await x.exportSlice(UNIT.en, 'office');
    expect(slice.name).toBe(`${TITLE.en}.slice.${UNIT.en}.json`);
    const zh = new ExchangePage(page, 'zh');
    await zh.goto();
    const zhPlan = await zh.exportPlan('office-zh');
    expect(zhPlan.name).toBe(`${TITLE.zh}.总表.json`);
    const zhSlice = await zh.exportSlice(UNIT.zh, 'office-zh');
    expect(zhSlice.name).toBe(`${TITLE.zh}.任务分工.${UNIT.zh}.json`);

    // The table's spreadsheet too.
    await t.goto();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`${TITLE.en}.table.csv`);

    // Moving the kick-off on Settings moves the due date of every task.
    await page.goto('/settings?lang=en');
    await details.change({ kickoff: '2027-03-01', planDue: '10', issuing: UNIT.en });
    await expect(details.dueOn).toHaveText(`${PLAN_WORDS.en.dueOn} 2027-03-11`);
    const again = await SheetPage.fromTable(page, '1.1', 'en');
    await expect(again.sheet.article.getByText(/Due on:\s*2027-03-11/)).toBeVisible();
    // Kept after a reload.
    await page.goto('/settings?lang=en');
    await expect(details.fields.kickoff).toHaveValue('2027-03-01');
    await expect(details.issuing).toHaveValue(/.+/);
    await expect(details.issuing.locator('option:checked')).toHaveText(UNIT.en);
  });

  test('Plan details refuses a blank title, a year out of range and a kick-off outside the year, in both languages, and changes nothing', async ({ page }) => {
    await startPlan(page);
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`/settings?lang=${lang}`);
      const details = new PlanDetails(page, lang);
      await details.fields.fill({ titleZh: ' ', titleEn: '', year: '2027', kickoff: '2026-11-30' });
      await details.save.click();
      const errors = details.fields.errors;
      await expect(errors).toContainText(PLAN_WORDS[lang].fixThese);
      if (lang === 'en') {
        await expect(errors).toContainText('the plan: the name or title is empty');
        await expect(errors).toContainText('the kick-off 2026-11-30 is neither in the plan\'s year 2027 nor in the December before it');
      } else {
        await expect(errors).toContainText('计划：名称为空');
        await expect(errors).toContainText('启动日期 2026-11-30 既不在计划年度 2027 内，也不在上一年 12 月');
      }
      await details.fields.fill({ titleEn: 'Fine', year: '1999', kickoff: '2027-02-01' });
      await details.save.click();
      await expect(errors).toContainText(lang === 'en' ? 'the year 1999 is outside 2000–2100' : '年度 1999 不在 2000–2100 之间');
      await details.fields.fill({ year: '' });
      await details.save.click();
      await expect(errors).toContainText(PLAN_WORDS[lang].badYear);
    }
    const env = await new TablePage(page, 'en').storedEnvelope();
    expect(env.plan).toMatchObject({ year: 2027, kickoff: '2027-02-01', title: { zh: TITLE.zh, en: TITLE.en } });
    // The December before the year is a fine kick-off.
    await page.goto('/settings?lang=en');
    const details = new PlanDetails(page, 'en');
    await details.change({ kickoff: '2026-12-15' });
    await expect(details.dueOn).toHaveText(`${PLAN_WORDS.en.dueOn} 2026-12-22`);
  });

  test("in a unit's browser the plan's details are read-only, set by the supervision office", async ({ page, browsers }) => {
    const t = await startPlan(page);
    await addTask(page, t);
    const x = new ExchangePage(page, 'en');
    await x.goto();
    // The office's browser holds only the office's key: it cannot act as the unit.
    await expect(page.getByLabel('This browser acts as').getByRole('option')).toHaveText(['Supervision office (master table)']);
    const slice = await x.exportSlice(UNIT.en, 'office');
    // The unit's own browser takes its slice in, and so acts as the unit.
    page = await browsers.open();
    const ux = new ExchangePage(page, 'en');
    await ux.goto();
    await ux.importAndPreview(slice);
    await ux.apply();
    await ux.expectActingAs(UNIT.en);
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(`/settings?lang=${lang}`);
      const details = new PlanDetails(page, lang);
      await expect(details.setByOffice).toBeVisible();
      await expect(details.form).toHaveCount(0);
      await expect(details.region.getByRole('definition').first()).toHaveText(TITLE.zh);
      await expect(details.region.getByText('2027-02-08')).toBeVisible();
      await expectNoSeriousViolations(page, `Plan details, read-only (${lang})`);
    }
  });

  test('the new-plan form and Plan details have no serious accessibility violations', async ({ page }) => {
    for (const lang of ['en', 'zh'] as const) {
      const form = new NewPlanPage(page, lang);
      await form.goto();
      await expectNoSeriousViolations(page, `the new-plan form (${lang})`);
      await page.goto(`/settings?lang=${lang}`);
      await expect(new PlanDetails(page, lang).form).toBeVisible();
      await expectNoSeriousViolations(page, `Settings (${lang})`);
    }
  });
});
