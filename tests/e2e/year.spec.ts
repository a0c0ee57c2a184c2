import { type Page } from '@playwright/test';
import { expect, test, type Browsers } from './fixtures/browsers';
import { expectNoInternalIds } from './helpers/no-ids';
import { BoardPage } from './pages/board-page';
import { ExchangePage, type Saved } from './pages/exchange-page';
import { MeetingsPage, OpenDecisions } from './pages/meetings-page';
import { NewPlanPage } from './pages/new-plan-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage, type Lang } from './pages/table-page';
import { UnitsPage } from './pages/units-page';

// The year as a test (issue 13, point 7): a supervision office builds its
// 2027 plan from blank, two units work on it in their own browsers, and
// every record a unit makes lands at the office, named, in either order of
// import. Each browser is a context of its own (its own localStorage), with
// its clock pinned inside 2027.
//
// 1. The office (2027-01-10) starts a blank plan from the example (title,
//    year, kick-off), adds two units, a key action and four tasks (two per
//    unit), and exports both slices.
// 2. Each unit (2027-02-26) imports its slice; on the task it leads it
//    writes the plan (施工图), a milestone, a target, a report with a reading
//    and a problem, a risk, a weekly meeting; it cannot change a deadline
//    ("由督查办设定"); it exports its report.
// 3. The office (2027-03-02) has meanwhile rewritten Dongmen's plan text (a
//    conflict). It imports both reports — Dongmen then Nanhu in one copy of
//    its browser, Nanhu then Dongmen in another — with no refusal, resolves
//    the conflict, imports one again (nothing new), and then the board, the
//    table, both sheets and the meetings page show every unit record by its
//    name, and no page shows an internal id, in Chinese and in English.

const OFFICE_DAY = '2027-01-10T10:00:00+08:00';
const UNIT_DAY = '2027-02-26T16:00:00+08:00';
const IMPORT_DAY = '2027-03-02T09:00:00+08:00';
const TITLE = '2027年攻坚任务责任分工表';
const ACTION = '城市更新攻坚行动';

interface UnitStory {
  name: { zh: string; en: string };
  /** The task it leads (worked on) and its other task. */
  task: { n: string; title: string; due: string };
  other: { n: string; title: string; due: string };
  plan: string;
  milestone: { title: string; due: string };
  target: { name: string; measure: string; baseline: string; target: string; reading: string; shown: string };
  report: { date: string; progress: string; narrative: string };
  /** The unit corrects its report (same date): the new progress and text. */
  correction?: { progress: string; narrative: string };
  problem: string;
  risk: { description: string; mitigation: string };
  meeting: { date: string; minutes: string; decision: string; due: string };
}

const DONGMEN: UnitStory = {
  name: { zh: '东门街道', en: 'Dongmen Sub-district' },
  task: { n: '1.1', title: '东门步行街立面改造', due: '2027-06-30' },
  other: { n: '1.2', title: '东门老旧小区加装电梯', due: '2027-11-30' },
  plan: '1. 完成立面设计\n2. 分段施工\n3. 竣工验收',
  milestone: { title: '完成立面设计', due: '2027-03-05' },
  target: { name: '完成立面改造', measure: '栋', baseline: '0', target: '40', reading: '6', shown: '6' },
  report: { date: '2027-02-26', progress: '15', narrative: '立面设计方案已完成招标' },
  correction: { progress: '20', narrative: '立面设计方案已完成招标，施工图已审查' },
  problem: '临时占道施工审批较慢',
  risk: { description: '雨季施工延误工期', mitigation: '提前完成外立面作业' },
  meeting: { date: '2027-02-25', minutes: '东门街道一周一会：研究立面改造进度', decision: '协调交警部门办理临时占道', due: '2027-03-12' },
};

const NANHU: UnitStory = {
  name: { zh: '南湖街道', en: 'Nanhu Sub-district' },
  task: { n: '1.3', title: '南湖片区雨污分流改造', due: '2027-09-30' },
  other: { n: '1.4', title: '南湖口袋公园建设', due: '2027-12-15' },
  plan: '1. 管网摸排\n2. 分段施工\n3. 通水验收',
  milestone: { title: '完成管网摸排', due: '2027-03-04' },
  target: { name: '改造雨污管网', measure: '公里', baseline: '0', target: '12', reading: '2.5', shown: '2.5' },
  report: { date: '2027-02-24', progress: '10', narrative: '管网摸排已完成三成' },
  problem: '地下管线资料不全',
  risk: { description: '施工影响周边交通', mitigation: '错峰施工并设置绕行指引' },
  meeting: { date: '2027-02-23', minutes: '南湖街道一周一会：部署雨污分流施工', decision: '补齐地下管线资料', due: '2027-03-15' },
};

/** What the office writes on Dongmen's task 1.1 after the slice: the conflict. */
const OFFICE_PLAN = '督查办：请细化施工步骤';

/** What the first test hands the two import orders: the office's browser, both reports. */
let officeState: Awaited<ReturnType<ReturnType<Page['context']>['storageState']>> | undefined;
const reports: Partial<Record<'dongmen' | 'nanhu', Saved>> = {};

/** A browser whose clock starts at `at` (and runs on from there). */
async function openAt(browsers: Browsers, at: string, storageState?: typeof officeState): Promise<Page> {
  const page = await browsers.open(storageState ? { storageState } : {});
  await page.clock.install({ time: new Date(at) });
  return page;
}

/** The office: a blank 2027 plan with two units, one key action and four tasks. */
async function officeBuildsThePlan(office: Page) {
  const t = new TablePage(office, 'zh');
  await t.goto();
  await expect(t.exampleBanner).toBeVisible();
  await t.startBlankLink.click();
  const form = new NewPlanPage(office, 'zh');
  await form.start({ titleZh: TITLE, year: '2027', kickoff: '2027-02-01' });
  await expect(office.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(t.exampleBanner).toHaveCount(0);

  const units = new UnitsPage(office, 'zh');
  await units.goto();
  await units.add(DONGMEN.name);
  await units.add(NANHU.name);

  await t.goto();
  await t.addActionButton.click();
  let f = t.form();
  await f.titleZh.fill(ACTION);
  await f.save.click();
  await expect(f.dialog).toHaveCount(0);
  for (const u of [DONGMEN, NANHU]) {
    for (const task of [u.task, u.other]) {
      await t.actionButton('addTask', 1).click();
      f = t.form();
      await f.titleZh.fill(task.title);
      await f.responsible(u.name.zh).check();
      await f.due.fill(task.due);
      await f.save.click();
      await expect(f.dialog).toHaveCount(0);
      await expect(t.taskTitle(task.n)).toHaveText(task.title);
    }
  }
  await expect(t.taskNumbers()).toHaveText(['1.1', '1.2', '1.3', '1.4']);
  // Every task's plan is due a week after the kick-off.
  const { sheet } = await SheetPage.fromTable(office, '1.1', 'zh');
  await expect(sheet.planSection).toContainText('2027-02-08');
}

/** A unit's browser imports its slice and is that unit from then on. */
async function unitImportsItsSlice(unit: Page, u: UnitStory, slice: Saved): Promise<ExchangePage> {
  const ux = new ExchangePage(unit, 'zh');
  await ux.goto();
  await ux.importAndPreview(slice);
  await expect(ux.fact(ux.w.fileKind)).toHaveText(ux.w.kindSlice);
  await expect(ux.replaces).toBeVisible();
  await expect(ux.list(ux.w.added).filter({ hasText: u.task.title })).toHaveCount(1);
  await ux.apply();
  await ux.expectActingAs(u.name.zh);
  return ux;
}

/** The unit writes everything it owns on the task it leads, tries a deadline, and exports its report. */
async function unitWorks(unit: Page, ux: ExchangePage, u: UnitStory): Promise<Saved> {
  // Its table holds its two tasks, numbered as in the master table; the
  // office's fields are not its to edit.
  const t = new TablePage(unit, 'zh');
  await t.goto();
  await expect(t.taskNumbers()).toHaveText([u.task.n, u.other.n]);
  for (const n of [u.task.n, u.other.n]) {
    await expect(t.taskButton('edit', n)).toHaveCount(0);
    await expect(t.taskSetByOffice(n)).toBeVisible();
  }
  await expect(t.taskRow(u.task.n)).toContainText(u.task.due);
  await expect(t.addActionButton).toHaveCount(0);

  await t.openSheet(u.task.n);
  const s = new SheetPage(unit, 'zh');
  await s.waitReady();
  await expect(s.heading).toHaveText(`${u.task.n} ${u.task.title}`);
  await s.submitPlan(u.plan, '2027-02-05');
  await s.addMilestone(u.milestone.title, u.milestone.due);
  await s.addTarget(u.target);
  await s.addReport({
    date: u.report.date,
    progress: u.report.progress,
    narrative: u.report.narrative,
    readings: { [`${u.target.name} (${u.target.measure})`]: u.target.reading },
    problems: u.problem,
  });
  await expect(s.problemItems().filter({ hasText: u.problem })).toHaveCount(1);
  await expect(s.targetRow(u.target.name).getByRole('cell').nth(4)).toHaveText(u.target.shown);
  if (u.correction) {
    // It corrects its report: both stay, only the correction counts and can be corrected again.
    await s.correctReport(u.report.date, u.correction);
    await expectReports(s, u);
  }
  await s.addRisk(u.risk);

  // Its weekly meeting, with one decision of its own.
  const mp = new MeetingsPage(unit, 'zh');
  await mp.goto();
  await mp.record({
    kind: 'weekly',
    date: u.meeting.date,
    tasks: [u.task.title],
    minutes: u.meeting.minutes,
    decisions: [{ text: u.meeting.decision, owner: u.name.zh, due: u.meeting.due }],
  });
  await expect(mp.meetings().filter({ hasText: u.meeting.minutes })).toHaveCount(1);

  await ux.open();
  const report = await ux.exportReport(u.name.en);
  expect(report.name).toBe(`${TITLE}.进展反馈.${u.name.zh}.${UNIT_DAY.slice(0, 10)}.json`);
  return report;
}

/** The office imports `file`: no refusal, `conflicts` conflicts (taking the file's value), applied. */
async function officeImports(ox: ExchangePage, file: Saved, u: UnitStory, conflicts: number) {
  await ox.importAndPreview(file);
  await expect(ox.fact(ox.w.fileKind)).toHaveText(ox.w.kindReport);
  await expect(ox.fact(ox.w.from)).toHaveText(u.name.zh);
  await expect(ox.listSummary(ox.w.refusedList)).toHaveCount(0);
  await expect(ox.refused).toHaveCount(0);
  // The preview names what the unit made.
  const added = ox.list(ox.w.added);
  // (Soft: a wrong label is reported, and the import still goes on.)
  for (const name of [`${u.task.n} · 节点「${u.milestone.title}」`, `${u.task.n} · 量化指标「${u.target.name}」`, u.problem, u.risk.description, u.meeting.date]) {
    await expect.soft(added.filter({ hasText: name }), `the preview lists "${name}" as added`).toHaveCount(1);
  }
  await expect(ox.conflicts).toHaveCount(conflicts);
  if (conflicts) {
    const c = ox.conflicts.first();
    await expect(c).toHaveAccessibleName(`具体任务 ${u.task.n}「${u.task.title}」 · ${ox.w.planField}`);
    await expect(ox.choice(c, 'keep')).toHaveAccessibleName(`${ox.w.keep}：${OFFICE_PLAN}`);
    await expect(ox.applyButton).toBeDisabled();
    await ox.choice(c, 'take').check();
  }
  await ox.apply();
  await expect(ox.done).toContainText(`${ox.w.imported} ${file.name}`);
}

/** The office sees every record of `u` by its name on the task's sheet. */
async function expectUnitRecordsOnSheet(office: Page, u: UnitStory, lang: Lang) {
  const { sheet } = await SheetPage.fromTable(office, u.task.n, lang);
  await expect(sheet.heading).toHaveText(`${u.task.n} ${u.task.title}`);
  await expect(sheet.planSection.getByLabel(sheet.w.planText, { exact: true })).toHaveValue(u.plan);
  await expect(sheet.milestoneRow(u.milestone.title).getByRole('cell').nth(1)).toHaveText(u.milestone.due);
  await expect(sheet.targetRow(u.target.name).getByRole('cell').nth(4)).toHaveText(u.target.shown);
  await expectReports(sheet, u);
  await expect(sheet.problemItems().filter({ hasText: u.problem })).toHaveCount(1);
  await expect(sheet.problemItems().filter({ hasText: u.problem })).toContainText(u.name[lang]);
  await expect(sheet.riskRow(u.risk.description)).toContainText(u.risk.mitigation);
  await expectNoInternalIds(office, lang, { where: `task sheet ${u.task.n}` });
}

/**
 * The task's reports: the unit's report, and, when it corrected it, the
 * correction above it (the one that counts) and the original marked
 * corrected; the task's progress is the standing report's.
 */
async function expectReports(sheet: SheetPage, u: UnitStory) {
  const lang = sheet.lang;
  const { date } = u.report;
  const rows = sheet.reportRows();
  const last = u.correction ?? u.report;
  await expect(rows).toHaveCount(u.correction ? 2 : 1);
  const standing = rows.filter({ hasText: last.narrative });
  const cells = standing.getByRole('cell');
  await expect(cells.nth(0)).toHaveText(date);
  await expect(cells.nth(1)).toHaveText(u.name[lang]);
  await expect(cells.nth(2)).toHaveText(`${last.progress} %`);
  await expect(cells.nth(3)).toHaveText(u.correction ? `${sheet.w.corrects(date)} ${last.narrative}` : last.narrative);
  await expect(cells.nth(5)).toHaveText(`${u.target.name}: ${u.target.shown} ${u.target.measure}`);
  if (u.correction) {
    const old = rows.filter({ hasText: sheet.w.correctedBy(date) }).getByRole('cell');
    await expect(old.nth(2)).toHaveText(`${u.report.progress} %`);
    await expect(old.nth(3)).toHaveText(`${sheet.w.correctedBy(date)} ${u.report.narrative}`);
    // Newest first: the correction above the report it corrects, in every browser.
    await expect.soft(rows.first(), 'the correction is listed above the report it corrects').toContainText(sheet.w.corrects(date));
  }
  await expect(sheet.fact(lang === 'zh' ? '进度' : 'Progress')).toHaveText(`${last.progress} %`);
}

/** The office, after both reports: the board, the table, both sheets, the meetings; no internal id. */
async function expectEverythingLanded(office: Page) {
  for (const lang of ['zh', 'en'] as Lang[]) {
    const board = new BoardPage(office, lang);
    await board.goto();
    for (const u of [DONGMEN, NANHU]) {
      await expect(board.problems.items.filter({ hasText: u.problem })).toHaveCount(1);
      await expect(board.dueSoon.items.filter({ hasText: u.milestone.title })).toHaveCount(1);
      await expect(new OpenDecisions(office, lang).item(u.meeting.decision)).toHaveCount(1);
      await expect(board.unitLastReport(u.name[lang])).toContainText(u.report.date);
    }
    await expectNoInternalIds(office, lang, { where: 'board' });

    const t = new TablePage(office, lang);
    await t.goto();
    await t.expectShown(4, 4);
    for (const u of [DONGMEN, NANHU]) {
      await expect(t.taskRow(u.task.n)).toContainText(u.name[lang]);
      await expect(t.taskStatus(u.task.n)).toContainText(u.milestone.title);
      await expect(t.taskButton('edit', u.task.n)).toBeVisible();
    }
    await expectNoInternalIds(office, lang, { where: 'table' });

    for (const u of [DONGMEN, NANHU]) await expectUnitRecordsOnSheet(office, u, lang);

    const mp = new MeetingsPage(office, lang);
    await mp.goto();
    for (const u of [DONGMEN, NANHU]) {
      const m = mp.meetings().filter({ hasText: u.meeting.minutes });
      await expect(m).toHaveCount(1);
      await expect(m.getByRole('heading', { level: 4 })).toContainText(u.meeting.date);
      await expect(m.getByRole('link', { name: `${u.task.n} ${u.task.title}` })).toBeVisible();
      await expect(mp.decisionRowInList(u.meeting.decision)).toContainText(u.name[lang]);
    }
    await expectNoInternalIds(office, lang, { where: 'meetings' });

    const ox = new ExchangePage(office, lang);
    await ox.goto();
    await expectNoInternalIds(office, lang, { where: 'exchange' });
    await office.goto(`/trail?lang=${lang}`);
    await expect(office.getByRole('main').getByRole('heading').first()).toBeVisible();
    await expectNoInternalIds(office, lang, { where: 'trail' });
  }
}

/**
 * One order of import: a copy of the office's browser (as it was before the
 * reports came) imports them in `order`, resolves the one conflict, imports
 * the first again (nothing new), and shows everything.
 */
async function importInOrder(browsers: Browsers, order: UnitStory[]) {
  expect(officeState, 'the first test left the office browser').toBeDefined();
  const office = await openAt(browsers, IMPORT_DAY, officeState);
  const ox = new ExchangePage(office, 'zh');
  await ox.goto();
  await ox.expectActingAs(ox.w.office);
  for (const u of order) await officeImports(ox, reports[u === DONGMEN ? 'dongmen' : 'nanhu']!, u, u === DONGMEN ? 1 : 0);

  // The first file again: nothing new.
  const before = await office.evaluate(() => localStorage.getItem('gongjian.plan'));
  await ox.importAndPreview(reports[order[0] === DONGMEN ? 'dongmen' : 'nanhu']!);
  await expect(ox.nothingNew).toHaveText(ox.w.nothingNew);
  await expect(ox.applyButton).toBeDisabled();
  await expect(ox.listSummary(ox.w.refusedList)).toHaveCount(0);
  await expect(ox.conflicts).toHaveCount(0);
  await ox.cancelButton.click();
  expect(await office.evaluate(() => localStorage.getItem('gongjian.plan'))).toBe(before);

  await expectEverythingLanded(office);
}

test.describe('a 2027 plan from blank, the office and two units', () => {
  // The two orders of import replay the reports the first test made.
  test.describe.configure({ mode: 'serial' });

  test('the office builds the plan and sends the slices; each unit works on its task and sends its report', async ({ browsers }) => {
    test.setTimeout(90_000);
    const office = await openAt(browsers, OFFICE_DAY);
    await officeBuildsThePlan(office);
    const ox = new ExchangePage(office, 'zh');
    await ox.open();
    const slices: Saved[] = [];
    for (const u of [DONGMEN, NANHU]) {
      const slice = await ox.exportSlice(u.name.zh, 'office');
      expect(slice.name).toBe(`${TITLE}.任务分工.${u.name.zh}.json`);
      slices.push(slice);
    }
    expect(new Set(slices.map((s) => s.name)).size).toBe(2);

    // The units, each in its own browser, some weeks later.
    for (const [i, u] of [DONGMEN, NANHU].entries()) {
      const unit = await openAt(browsers, UNIT_DAY);
      const ux = await unitImportsItsSlice(unit, u, slices[i]);
      reports[u === DONGMEN ? 'dongmen' : 'nanhu'] = await unitWorks(unit, ux, u);
    }

    // Meanwhile the office rewrites Dongmen's plan text: the conflict.
    await office.clock.setSystemTime(new Date(IMPORT_DAY));
    const { sheet } = await SheetPage.fromTable(office, DONGMEN.task.n, 'zh');
    // (The same submission date as the unit's: only the text conflicts.)
    await sheet.submitPlan(OFFICE_PLAN, '2027-02-05');
    officeState = await office.context().storageState();
  });

  test('the office imports Dongmen then Nanhu: nothing refused, one conflict resolved, the same file again is nothing new, every record shown by name', async ({
    browsers,
  }) => {
    test.setTimeout(60_000);
    await importInOrder(browsers, [DONGMEN, NANHU]);
  });

  test('the office imports Nanhu then Dongmen: the same outcome', async ({ browsers }) => {
    test.setTimeout(60_000);
    await importInOrder(browsers, [NANHU, DONGMEN]);
  });
});
