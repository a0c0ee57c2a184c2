import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type Page } from '@playwright/test';
import { expect, test, type Browsers } from './fixtures/browsers';
import { expectNoSeriousViolations } from './helpers/axe';
import { storedEnvelope } from './helpers/store';
import { ExchangePage, type Saved } from './pages/exchange-page';
import { NewPlanPage } from './pages/new-plan-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage, type Lang } from './pages/table-page';

// Two browser contexts are two units' browsers: each has its own
// localStorage. The office's opens on the example (Luohu 2022, as of
// 2022-06-30); task 7.1 belongs to the Dongmen Sub-district.
const DONGMEN = { en: 'Dongmen Sub-district', zh: '东门街道' } as const;
const T71 = { en: 'Upgrading and renovating Dongmen Pedestrian Street', zh: '东门步行街升级改造' } as const;
const SLICE_NAMES = {
  en: 'Luohu District 2022 Critical Task Division of Responsibility Table.slice.Dongmen Sub-district.json',
  zh: '罗湖区2022年攻坚任务责任分工表.任务分工.东门街道.json',
} as const;
const SLICE_NAME = SLICE_NAMES.en;
const REPORT_NAME = /^(Luohu District 2022 Critical Task Division of Responsibility Table\.report\.Dongmen Sub-district|罗湖区2022年攻坚任务责任分工表\.[^.]+\.东门街道)\.\d{4}-\d{2}-\d{2}\.json$/;
const KEY = 'gongjian.plan';
/** The plan texts the office (A) and Dongmen (B) write for 7.1 after the slice. */
const A = 'A: the office rewrote the steps';
const B = 'B: Dongmen wrote its own steps';

/** What the office and Dongmen's browser hold once the slice has been sent and imported. */
interface Sliced {
  office: Page;
  unit: Page;
  /** The office's exchange parts. */
  ox: ExchangePage;
  /** Dongmen's exchange parts. */
  ux: ExchangePage;
  slice: Saved;
}

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/**
 * The office adds milestone "Design" (due 2022-07-03) to task 7.1 (and, with
 * `officePlan`, submits the task's plan first), exports Dongmen's slice; a
 * second browser imports it and applies, and so acts as Dongmen.
 */
async function sliceToDongmen(browsers: Browsers, lang: Lang = 'en', opts: { officePlan?: string } = {}): Promise<Sliced> {
  const office = await browsers.open();
  const { sheet } = await SheetPage.fromTable(office, '7.1', lang);
  if (opts.officePlan) await sheet.submitPlan(opts.officePlan, '2022-02-10');
  await sheet.addMilestone('Design', '2022-07-03');
  const ox = new ExchangePage(office, lang);
  await ox.open();
  const slice = await ox.exportSlice(DONGMEN[lang], 'office');
  expect(slice.name).toBe(SLICE_NAMES[lang]);

  const unit = await browsers.open();
  const ux = new ExchangePage(unit, lang);
  await ux.goto();
  await ux.importAndPreview(slice);
  await ux.apply();
  await ux.expectActingAs(DONGMEN[lang]);
  return { office, unit, ox, ux, slice };
}

/** Dongmen's browser opens its copy of task 7.1 (by its title: the unit's table numbers it differently). */
async function unitSheet(unit: Page, lang: Lang = 'en'): Promise<SheetPage> {
  const t = new TablePage(unit, lang);
  await t.goto();
  await t.table.getByRole('link', { name: T71[lang], exact: true }).click();
  const s = new SheetPage(unit, lang);
  await s.waitReady();
  await expect(s.heading).toContainText(T71[lang]);
  return s;
}

/** Dongmen's browser exports its report from /exchange. */
async function exportReport(s: Sliced): Promise<Saved> {
  await s.ux.open();
  const report = await s.ux.exportReport('unit');
  expect(report.name).toMatch(REPORT_NAME);
  return report;
}

/** Dongmen reports "Design" done at 50 % on 2022-06-30, and exports its report. */
async function reportDesignDone(s: Sliced): Promise<Saved> {
  const sheet = await unitSheet(s.unit);
  await sheet.addReport({ date: '2022-06-30', milestones: ['Design'], progress: '50' });
  await expect(sheet.milestoneLight('Design')).toHaveAttribute('data-light', 'done');
  return exportReport(s);
}

/**
 * After the slice, the office writes plan text `a` for 7.1 and Dongmen
 * writes `b` (both "submitted on" 2022-02-10); Dongmen exports its report.
 */
async function planConflict(s: Sliced, a: string, b: string, lang: Lang = 'en'): Promise<Saved> {
  const { sheet: os } = await SheetPage.fromTable(s.office, '7.1', lang);
  await os.submitPlan(a, '2022-02-10');
  const us = await unitSheet(s.unit, lang);
  await us.submitPlan(b, '2022-02-10');
  return exportReport(s);
}

/** Task 7.1's plan text as stored in the office's browser. */
async function taskPlanText(page: Page): Promise<string> {
  const env = (await storedEnvelope(page, KEY));
  return env.plan.tasks.find((t: { title: { en: string } }) => t.title.en === T71.en).plan;
}

test.describe('exchange between units (two browsers)', () => {
  test('round trip: the office slices 7.1 for Dongmen, Dongmen reports "Design" done, the office previews, applies and sees it; the same file again is nothing new', async ({
    browsers,
  }) => {
    // The office: 7.1's plan is in, "Design" is due in 3 days.
    const office = await browsers.open();
    const { sheet } = await SheetPage.fromTable(office, '7.1');
    await sheet.submitPlan('1. Design the new street front\n2. Build', '2022-02-10');
    await sheet.addMilestone('Design', '2022-07-03');
    const ot = new TablePage(office, 'en');
    await ot.goto();
    await ot.expectStatus('7.1', 'yellow', 'Yellow', "milestone 'Design' due in 3 days");

    // It cuts Dongmen's slice on /exchange.
    const ox = new ExchangePage(office, 'en');
    await ox.open();
    await ox.expectActingAs('Supervision office (master table)');
    await expect(ox.exportSliceButton).toBeDisabled();
    await expect(ox.exportReportButton).toHaveCount(0);
    const slice = await ox.exportSlice('Dongmen Sub-district', 'office');
    expect(slice.name).toBe(SLICE_NAME);
    expect(JSON.parse(slice.text)).toMatchObject({ format: 'gongjian-exchange', version: 1, kind: 'slice', exported_by: null });

    // Dongmen's browser, still on the example, imports it with "Import file".
    const unit = await browsers.open();
    const ux = new ExchangePage(unit, 'en');
    await ux.goto();
    await ux.expectActingAs('Supervision office (master table)');
    await ux.importAndPreview(slice);
    await expect(ux.fact('File kind')).toHaveText("Unit's slice");
    await expect(ux.fact('From')).toHaveText('Supervision office (master table)');
    await expect(ux.replaces).toBeVisible();
    await expect(ux.list('To be added')).toContainText([`Task 7.1 “${T71.en}”`, `7.1 · Milestone “Design”`]);
    await expect(ux.list('To be added').filter({ hasText: 'Milestone “' })).toHaveText(/ · Milestone “Design”$/);
    await expect(ux.conflicts).toHaveCount(0);
    await ux.apply();
    await expect(ux.done).toContainText(`Imported ${slice.name}：`);
    await ux.expectActingAs('Dongmen Sub-district');
    await expect(ux.whoAmI.locator('option:checked')).toHaveText('Dongmen Sub-district');
    await expect(ux.reportCount).toHaveText('0');

    // Its table holds only Dongmen's task.
    const ut = new TablePage(unit, 'en');
    await ut.goto();
    await ut.expectShown(1, 1);
    await expect(ut.taskRows).toHaveCount(1);
    await expect(ut.table.getByRole('link')).toHaveText([T71.en]);
    await expect(ut.taskRows.first()).toContainText('Dongmen Sub-district');

    // Dongmen reports "Design" done, and exports its report.
    const us = await unitSheet(unit);
    await expect(us.milestoneLight('Design')).toHaveAttribute('data-light', 'yellow');
    await us.addReport({ date: '2022-06-30', milestones: ['Design'], progress: '50' });
    await expect(us.milestoneLight('Design')).toHaveAttribute('data-light', 'done');
    await ux.open();
    await expect(ux.reportCount).toHaveText('1');
    const report = await ux.exportReport('unit');
    expect(report.name).toMatch(REPORT_NAME);
    const { plan_id, unit: dongmenId } = JSON.parse(slice.text);
    expect(JSON.parse(report.text)).toMatchObject({ kind: 'report', plan_id, unit: dongmenId, exported_by: dongmenId });

    // The office imports it: the preview lists the report to be added, and
    // nothing has changed yet.
    await ot.goto();
    const before = await stored(office);
    await ox.importAndPreview(report);
    await expect(ox.fact('File kind')).toHaveText("Unit's report");
    await expect(ox.fact('From')).toHaveText('Dongmen Sub-district');
    await expect(ox.replaces).toHaveCount(0);
    await expect(ox.listSummary('To be added')).toHaveText('To be added (1)');
    await expect(ox.list('To be added')).toHaveText([`7.1 · Progress report by Dongmen Sub-district, 2022-06-30`]);
    await expect(ox.listSummary('To be changed')).toHaveCount(0);
    await expect(ox.listSummary("Refused (not the sender's to change)")).toHaveCount(0);
    await expect(ox.conflicts).toHaveCount(0);
    await ot.expectStatus('7.1', 'yellow', 'Yellow', "milestone 'Design' due in 3 days");
    expect(await stored(office)).toBe(before);

    // Applied: "Imported …: 1 added, 0 changed"; the table's row turns green.
    await ox.apply();
    await expect(ox.done).toHaveText(new RegExp(`^Imported ${report.name.replace(/\./g, '\\.')}：1 added，0 changed\\s*Undo import$`));
    await ot.expectStatus('7.1', 'green', 'Green', 'on track');
    await expect.poll(async () => (await storedEnvelope(office, KEY)).plan.reports.length).toBe(1);

    // The task sheet shows the report and "Design" done.
    await ot.openSheet('7.1');
    await sheet.waitReady();
    await sheet.expectLight('green', 'on track');
    await expect(sheet.milestoneLight('Design')).toHaveAttribute('data-light', 'done');
    await expect(sheet.milestoneLight('Design')).toHaveText('Done');
    await expect(sheet.milestoneRow('Design').getByRole('cell').nth(2)).toHaveText('2022-06-30');
    await expect(sheet.fact('Progress')).toHaveText('50 %');
    await expect(sheet.reportRows()).toHaveCount(1);
    await expect(sheet.reportRows().first().getByRole('cell')).toHaveText(['2022-06-30', 'Dongmen Sub-district', '50 %', '', 'Design', '', '', /Correct/]);

    // The same file again: nothing new, nothing to apply.
    const after = await stored(office);
    await ox.importAndPreview(report);
    await expect(ox.nothingNew).toHaveText('Nothing new: everything in this file is already in the table.');
    await expect(ox.applyButton).toBeDisabled();
    await expect(ox.listSummary('To be added')).toHaveCount(0);
    await expect(ox.listSummary('Skipped, already present')).toBeVisible();
    await ox.cancelButton.click();
    await expect(ox.preview).toHaveCount(0);
    await expect(sheet.reportRows()).toHaveCount(1);
    expect(await stored(office)).toBe(after);
  });

  test('"Undo import" puts the table and the sheet back as they were before the report', async ({ browsers }) => {
    const s = await sliceToDongmen(browsers, 'en', { officePlan: '1. Design\n2. Build' });
    const report = await reportDesignDone(s);

    const ot = new TablePage(s.office, 'en');
    await ot.goto();
    await ot.expectStatus('7.1', 'yellow', 'Yellow', "milestone 'Design' due in 3 days");
    await s.ox.importAndPreview(report);
    await s.ox.apply();
    await ot.expectStatus('7.1', 'green', 'Green', 'on track');

    await s.ox.undoButton.click();
    await expect(s.ox.done).toHaveCount(0);
    await ot.expectStatus('7.1', 'yellow', 'Yellow', "milestone 'Design' due in 3 days");
    await expect.poll(async () => (await storedEnvelope(s.office, KEY)).plan.reports.length).toBe(0);

    await ot.openSheet('7.1');
    const sheet = new SheetPage(s.office, 'en');
    await sheet.waitReady();
    await expect(sheet.reportsSection.getByText('No reports yet.')).toBeVisible();
    await expect(sheet.milestoneLight('Design')).toHaveAttribute('data-light', 'yellow');

    // After a reload too: the undo was saved.
    await s.office.reload();
    await sheet.waitReady();
    await expect(sheet.reportsSection.getByText('No reports yet.')).toBeVisible();
  });

  test("a plan text changed on both sides is a conflict: both values are shown, Apply waits for a choice, the file's value is taken", async ({
    browsers,
  }) => {
    const s = await sliceToDongmen(browsers);
    const report = await planConflict(s, A, B);

    const ot = new TablePage(s.office, 'en');
    await ot.goto();
    const before = await stored(s.office);
    await s.ox.importAndPreview(report);
    await expect(s.ox.conflicts).toHaveCount(1);
    const c = s.ox.conflicts.first();
    await expect(c).toHaveAccessibleName(`Task 7.1 “${T71.en}” · Plan`);
    await expect(s.ox.choice(c, 'keep')).toHaveAccessibleName(`Keep the table's value：${A}`);
    await expect(s.ox.choice(c, 'take')).toHaveAccessibleName(`Take the file's value：${B}`);
    await expect(s.ox.choice(c, 'keep')).not.toBeChecked();
    await expect(s.ox.choice(c, 'take')).not.toBeChecked();
    await expect(s.ox.chooseAll).toHaveText('Choose a value for each conflict; still open: 1');
    await expect(s.ox.applyButton).toBeDisabled();
    expect(await stored(s.office)).toBe(before);

    // Keeping, then changing one's mind: one choice per conflict.
    await s.ox.choice(c, 'keep').check();
    await expect(s.ox.chooseAll).toHaveCount(0);
    await expect(s.ox.applyButton).toBeEnabled();
    await s.ox.choice(c, 'take').check();
    await expect(s.ox.choice(c, 'take')).toBeChecked();
    await expect(s.ox.choice(c, 'keep')).not.toBeChecked();
    await s.ox.apply();
    await expect(s.ox.done).toContainText(`Imported ${report.name}：0 added，1 changed`);
    await expect.poll(async () => taskPlanText(s.office)).toBe(B);

    const os = new SheetPage(s.office, 'en');
    await ot.openSheet('7.1');
    await os.waitReady();
    await expect(os.planSection.getByLabel('The steps', { exact: true })).toHaveValue(B);
    await s.office.reload();
    await os.waitReady();
    await expect(os.planSection.getByLabel('The steps', { exact: true })).toHaveValue(B);
  });

  test('an import applied while the task sheet is open shows the new plan text in its form', async ({ browsers }) => {
    const s = await sliceToDongmen(browsers);
    const report = await planConflict(s, A, B);
    const { sheet: os } = await SheetPage.fromTable(s.office, '7.1');
    await expect(os.planSection.getByLabel('The steps', { exact: true })).toHaveValue(A);
    await s.ox.importAndPreview(report);
    await s.ox.choice(s.ox.conflicts.first(), 'take').check();
    await s.ox.apply();
    await expect.poll(async () => taskPlanText(s.office)).toBe(B);
    await expect(os.planSection.getByLabel('The steps', { exact: true })).toHaveValue(B);
    // And the undo shows A again.
    await s.ox.undoButton.click();
    await expect(os.planSection.getByLabel('The steps', { exact: true })).toHaveValue(A);
  });

  test('text typed on the open sheet is not overwritten by an import, nor does it silently overwrite the import', async ({ browsers }) => {
    const s = await sliceToDongmen(browsers);
    const report = await planConflict(s, A, B);
    const { sheet: os } = await SheetPage.fromTable(s.office, '7.1');
    const steps = os.planSection.getByLabel('The steps', { exact: true });
    await steps.fill('C typed but not saved');
    await s.ox.importAndPreview(report);
    await s.ox.choice(s.ox.conflicts.first(), 'take').check();
    await s.ox.apply();
    await expect.poll(async () => taskPlanText(s.office)).toBe(B);
    // The typed text stays; the page says what the table has now; Save waits.
    await expect(steps).toHaveValue('C typed but not saved');
    const alert = os.planSection.getByRole('alert');
    await expect(alert).toContainText(B);
    await expect(os.planSection.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    await alert.getByRole('button', { name: "Use the table's value" }).click();
    await expect(steps).toHaveValue(B);
    await expect(alert).toHaveCount(0);
    // Typing again and choosing to save over the table is deliberate.
    await steps.fill('D');
    await os.planSection.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => taskPlanText(s.office)).toBe('D');
  });

  test('a truncated report is refused with its name and the line where it stops, and changes nothing', async ({ browsers }) => {
    const s = await sliceToDongmen(browsers);
    const report = await reportDesignDone(s);
    const truncated = { name: report.name, text: report.text.slice(0, Math.floor(report.text.length / 2)) };

    const ot = new TablePage(s.office, 'en');
    await ot.goto();
    const before = await stored(s.office);
    expect(before).not.toBeNull();
    const rows = await ot.taskRows.count();
    await s.ox.importRefused(truncated);
    await expect(s.ox.refused).toContainText('Cannot import the file');
    await expect(s.ox.refused.locator('code')).toHaveText(report.name);
    await expect(s.ox.refused).toContainText(`not valid JSON at line ${truncated.text.split('\n').length}`);
    await expect(s.ox.refused).toContainText('The table is unchanged.');
    await expect(s.ox.preview).toHaveCount(0);

    expect(await stored(s.office)).toBe(before);
    await expect(ot.taskRows).toHaveCount(rows);
    await ot.expectShown(9, 9);
    await ot.expectStatus('7.1', 'red', 'Red', 'plan not submitted, due 2022-02-14');

    await s.ox.refused.getByRole('button', { name: 'Dismiss' }).click();
    await expect(s.ox.refused).toHaveCount(0);
    expect(await stored(s.office)).toBe(before);
  });

  test('a report changed after export is refused by its checksum, one that is not UTF-8 by the place of its first bad byte; neither changes anything, and the report as exported previews', async ({
    browsers,
  }) => {
    const s = await sliceToDongmen(browsers);
    const report = await reportDesignDone(s);
    const before = await stored(s.office);
    await s.ox.open();

    // One value changed by hand, the checksum left as it was exported.
    const changed = { name: 'changed.json', text: report.text.replace('"2022-06-30"', '"2022-06-29"') };
    expect(changed.text).not.toBe(report.text);
    await s.ox.importRefused(changed);
    await expect(s.ox.refused.locator('code')).toHaveText('changed.json');
    await expect(s.ox.refused).toContainText('at $.sha256: the checksum does not match the body');
    await expect(s.ox.refused).toContainText('The table is unchanged.');
    await s.ox.refused.getByRole('button', { name: 'Dismiss' }).click();

    // A byte that is not UTF-8 (as a file saved in another encoding has) inside the plan's id.
    const at = report.text.indexOf('"plan_id": "') + '"plan_id": "'.length;
    const bytes = Buffer.concat([Buffer.from(report.text.slice(0, at), 'utf8'), Buffer.from([0xff]), Buffer.from(report.text.slice(at), 'utf8')]);
    const lines = report.text.slice(0, at).split('\n');
    await s.ox.importInput.setInputFiles({ name: 'gbk.json', mimeType: 'application/json', buffer: bytes });
    await expect(s.ox.refused).toBeVisible();
    await expect(s.ox.refused.locator('code')).toHaveText('gbk.json');
    await expect(s.ox.refused).toContainText(
      `at $.plan_id (line ${lines.length}, column ${[...lines[lines.length - 1]].length + 1}): the file is not UTF-8 text`,
    );
    await s.ox.refused.getByRole('button', { name: 'Dismiss' }).click();
    expect(await stored(s.office)).toBe(before);

    // The report as exported: its checksum, digested by the browser, holds.
    await s.ox.importAndPreview(report);
  });

  test('a report from another plan is refused at $.plan_id and changes nothing; so is a whole plan offered to the other plan', async ({ browsers }) => {
    // A third browser starts a blank plan with one unit, and slices it for
    // that unit; a fourth imports the slice and reports back.
    const other = await browsers.open();
    const t3 = new TablePage(other, 'en');
    await t3.goto();
    other.on('dialog', (d) => d.accept());
    await t3.startBlankLink.click();
    await new NewPlanPage(other, 'en').start({ titleEn: 'Another office', year: '2022', kickoff: '2022-02-07' });
    await expect(t3.exampleBanner).toHaveCount(0);
    await other.goto('/units?lang=en');
    const add = other.getByRole('region', { name: 'Units', exact: true }).getByRole('form', { name: 'Add unit', exact: true });
    await add.getByLabel('Name (Chinese)', { exact: true }).fill('测试单位');
    await add.getByLabel('Name (English)', { exact: true }).fill('Test Unit');
    await add.getByRole('button', { name: 'Add unit', exact: true }).click();
    const x3 = new ExchangePage(other, 'en');
    await x3.open();
    const otherSlice = await x3.exportSlice('Test Unit', 'other-office');

    const otherUnit = await browsers.open();
    const x4 = new ExchangePage(otherUnit, 'en');
    await x4.goto();
    await x4.importAndPreview(otherSlice);
    await x4.apply();
    await x4.expectActingAs('Test Unit');
    const otherReport = await x4.exportReport('other-unit');
    const otherPlanId = JSON.parse(otherSlice.text).plan_id;
    expect(JSON.parse(otherReport.text)).toMatchObject({ kind: 'report', plan_id: otherPlanId });

    // The office, with an edit of its own stored.
    const office = await browsers.open();
    const { sheet } = await SheetPage.fromTable(office, '7.1');
    await sheet.addMilestone('Design', '2022-07-03');
    const ox = new ExchangePage(office, 'en');
    const ot = new TablePage(office, 'en');
    await ot.goto();
    const before = await stored(office);
    expect(before).not.toBeNull();
    expect((await storedEnvelope(office, KEY)).plan.id).not.toBe(otherPlanId);
    const rows = await ot.taskRows.count();

    await ox.importRefused(otherReport);
    await expect(ox.refused).toContainText('Cannot import the file');
    await expect(ox.refused.locator('code')).toHaveText(otherReport.name);
    await expect(ox.refused).toContainText('$.plan_id');
    await expect(ox.refused).toContainText('another plan');
    await expect(ox.refused).toContainText('The table is unchanged.');
    await expect(ox.preview).toHaveCount(0);
    expect(await stored(office)).toBe(before);
    await expect(ot.taskRows).toHaveCount(rows);
    await ot.expectStatus('7.1', 'red', 'Red', 'plan not submitted, due 2022-02-14');
    await ox.expectActingAs('Supervision office (master table)');

    // The other way round: the office's whole plan offered to the other
    // plan's unit is refused there too.
    await ox.open();
    const officePlan = await ox.exportPlan('office');
    const unitBefore = await stored(otherUnit);
    await x4.importRefused(officePlan);
    await expect(x4.refused.locator('code')).toHaveText(officePlan.name);
    await expect(x4.refused).toContainText('$.plan_id');
    await expect(x4.refused).toContainText('another plan');
    expect(await stored(otherUnit)).toBe(unitBefore);
    await x4.expectActingAs('Test Unit');
  });

  test('a file dropped onto the page opens its preview', async ({ browsers }) => {
    const office = await browsers.open();
    const ox = new ExchangePage(office, 'en');
    await ox.goto();
    const slice = await ox.exportSlice('Dongmen Sub-district', 'office');

    const unit = await browsers.open();
    const ut = new TablePage(unit, 'en');
    await ut.goto();
    const dataTransfer = await unit.evaluateHandle(
      ({ name, text }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        return dt;
      },
      { name: slice.name, text: slice.text },
    );
    await unit.getByRole('main').dispatchEvent('drop', { dataTransfer });
    const ux = new ExchangePage(unit, 'en');
    await expect(ux.preview).toBeVisible();
    await expect(ux.preview.getByRole('heading', { level: 2 })).toHaveText(`Import preview ${slice.name}`);
    await expect(ux.fact('File kind')).toHaveText("Unit's slice");
    await expect(ux.applyButton).toBeEnabled();

    // Cancelling leaves the table as it was.
    await ux.cancelButton.click();
    await expect(ux.preview).toHaveCount(0);
    await ut.expectShown(9, 9);
    expect(await stored(unit)).toBeNull();
  });

  test('the schema is served, and a slice, a report and a whole plan validate against it', async ({ browsers, request }) => {
    const res = await request.get('/schema/gongjian-exchange-v1.json');
    expect(res.status()).toBe(200);
    const schema = await res.json();
    expect(schema.title).toContain('Gongjian exchange file');

    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    // Number formats the schema generator writes beside "type".
    ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    ajv.addFormat('uint32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 32 });
    ajv.addFormat('uint64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) && n >= 0 });
    const validate = ajv.compile(schema);

    const s = await sliceToDongmen(browsers, 'en', { officePlan: '1. Design\n2. Build' });
    const report = await reportDesignDone(s);
    await s.ox.goto();
    const plan = await s.ox.exportPlan('office');
    expect(plan.name).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.plan.json');

    for (const [file, kind] of [
      [s.slice, 'slice'],
      [report, 'report'],
      [plan, 'plan'],
    ] as const) {
      const json = JSON.parse(file.text);
      expect(json.kind, file.name).toBe(kind);
      const ok = validate(json);
      expect(validate.errors ?? [], `${file.name} should validate`).toEqual([]);
      expect(ok).toBe(true);
    }
    // The schema is not a rubber stamp: a file without its checksum fails.
    const { sha256: _, ...unsigned } = JSON.parse(report.text);
    expect(validate(unsigned)).toBe(false);
  });

  test("the unit's copy numbers its task as the master table does (7.1, not 1.1)", async ({ browsers }) => {
    const s = await sliceToDongmen(browsers);
    const ut = new TablePage(s.unit, 'en');
    await ut.goto();
    await expect(ut.taskNumbers()).toHaveText(['7.1']);
    const sheet = await unitSheet(s.unit);
    await expect(sheet.heading).toHaveText(`7.1 ${T71.en}`);
  });
});

for (const lang of ['en', 'zh'] as Lang[]) {
  test.describe(`exchange accessibility (${lang})`, () => {
    test(`/exchange and the import preview with a conflict have no serious violations (${lang})`, async ({ browsers }) => {
      const s = await sliceToDongmen(browsers, lang);
      await s.ux.goto();
      await expect(s.ux.exportReportButton).toBeVisible();
      await expectNoSeriousViolations(s.unit, `/exchange as a unit (${lang})`);

      const report = await planConflict(s, lang === 'en' ? 'Office steps' : '督查办的步骤', lang === 'en' ? 'Unit steps' : '单位的步骤', lang);

      await s.ox.goto();
      await expect(s.ox.exportSliceButton).toBeVisible();
      await expectNoSeriousViolations(s.office, `/exchange as the office (${lang})`);
      await s.ox.importAndPreview(report);
      await expect(s.ox.conflicts).toHaveCount(1);
      await expect(s.ox.applyButton).toBeDisabled();
      await expectNoSeriousViolations(s.office, `import preview with a conflict (${lang})`);
    });
  });
}

test.describe('exchange keyboard', () => {
  test('Tab reaches the "Import file" control: its input takes the focus, and the label shows it', async ({ page }) => {
    const x = new ExchangePage(page, 'en');
    await x.goto();
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await x.importInput.evaluate((el) => el === document.activeElement);
    }
    expect(reached, 'Tab should reach the "Import file" input').toBe(true);
    await expect(x.importInput).toBeFocused();
    await expect(x.importInput).toHaveAttribute('type', 'file');
    // The visually hidden input's label draws the focus ring.
    const label = x.banner.locator('label').filter({ has: page.locator('input[type=file]') });
    await expect(label).toHaveCSS('outline-style', 'solid');
  });
});
