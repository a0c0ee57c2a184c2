import { expect, type Locator, type Page } from '@playwright/test';
import { TablePage, type Lang } from './table-page';

/** The task sheet's words the tests rely on, as in src/app/i18n/m.rs. */
export const SHEET_WORDS = {
  en: {
    responsible: 'Responsible unit',
    noSuchTask: 'There is no such task',
    planSection: 'Plan (construction drawing)',
    planText: 'The steps',
    planSubmitted: 'Submitted on',
    save: 'Save',
    saved: 'Saved.',
    schedule: 'Schedule (milestones)',
    milestone: 'Milestone',
    due: 'Due date',
    doneOn: 'Done on',
    addMilestone: 'Add milestone',
    invert: 'Invert the schedule from the deadline',
    deadline: 'Deadline',
    dayCount: 'Count',
    calendarDays: 'Calendar days',
    workingDays: 'Working days',
    step: 'Step',
    days: 'Days',
    addStep: 'Add step',
    acceptSchedule: 'Accept as milestones',
    tooLong: 'The steps take longer than the time left',
    reports: 'Progress reports',
    addReport: 'Add a progress report',
    reportDate: 'Date',
    reportingUnit: 'Reporting unit',
    progressPct: 'Overall progress (%)',
    milestonesDone: 'Milestones completed',
    problemsRaised: 'Problems that need coordination (one per line)',
    print: 'Print',
    back: 'Back to the table',
    targets: 'Targets',
    problems: 'Problems needing coordination',
    risks: 'Risks and hidden dangers',
    target: 'Target',
    measure: 'Unit of measure',
    baseline: 'Baseline',
    targetValue: 'Target value',
    addTarget: 'Add target',
    narrative: 'What was done',
    readings: 'Target readings',
    description: 'Description',
    mitigation: 'Mitigation',
    addRisk: 'Record a risk',
    /** "Correct the report of <date>", "Withdraw the report of <date>" (src/app/i18n/m_owner.rs). */
    correctReport: (date: string) => `Correct the report of ${date}`,
    withdrawReport: (date: string) => `Withdraw the report of ${date}`,
    setByLead: 'Written by the lead responsible unit',
    /** The report form's heading while correcting (src/app/i18n/m_owner.rs). */
    correcting: (date: string) => `Correcting the report of ${date}`,
    saveCorrection: 'Submit the correction',
    corrects: (date: string) => `Corrects the report of (${date})`,
    correctedBy: (date: string) => `Corrected (${date})`,
  },
  zh: {
    responsible: '责任单位',
    noSuchTask: '没有这个任务',
    planSection: '施工图',
    planText: '工作步骤',
    planSubmitted: '报送日期',
    save: '保存',
    saved: '已保存。',
    schedule: '时间表（节点）',
    milestone: '节点',
    due: '完成时限',
    doneOn: '完成日期',
    addMilestone: '添加节点',
    invert: '倒排工期',
    deadline: '最终时限',
    dayCount: '工期计算',
    calendarDays: '日历日',
    workingDays: '工作日',
    step: '步骤',
    days: '天数',
    addStep: '添加步骤',
    acceptSchedule: '采用为节点',
    tooLong: '所需时间超过剩余时间',
    reports: '进展反馈',
    addReport: '提交进展反馈',
    reportDate: '反馈日期',
    reportingUnit: '反馈单位',
    progressPct: '总体进度（%）',
    milestonesDone: '本次完成的节点',
    problemsRaised: '需协调解决的问题（每行一个）',
    print: '打印',
    back: '返回责任分工表',
    targets: '量化指标',
    problems: '问题清单',
    risks: '风险隐患',
    target: '指标',
    measure: '计量单位',
    baseline: '基数',
    targetValue: '目标值',
    addTarget: '添加指标',
    narrative: '进展情况',
    readings: '指标读数',
    description: '描述',
    mitigation: '防范措施',
    addRisk: '登记风险',
    correctReport: (date: string) => `更正 ${date} 的进展反馈`,
    withdrawReport: (date: string) => `撤回 ${date} 的进展反馈`,
    setByLead: '由牵头责任单位填写',
    correcting: (date: string) => `正在更正 ${date} 的进展反馈`,
    saveCorrection: '提交更正',
    corrects: (date: string) => `更正此前的进展反馈（${date}）`,
    correctedBy: (date: string) => `已被更正（${date}）`,
  },
} as const;

export type SheetWords = (typeof SHEET_WORDS)[Lang];

/** One task's sheet at `/task/:id`, located by role and accessible name. */
export class SheetPage {
  readonly w: SheetWords;
  readonly article: Locator;
  /** "7.1 Upgrading and renovating …" (the number and the title). */
  readonly heading: Locator;
  /** The task's light in the sheet's head: the badge with `data-light`. */
  readonly light: Locator;
  /** Every reason of the task's light, most serious first. */
  readonly reasons: Locator;
  readonly noSuchTask: Locator;
  readonly planSection: Locator;
  readonly scheduleSection: Locator;
  readonly reportsSection: Locator;
  /** The milestones table (the one with a "Done on" column). */
  readonly milestonesTable: Locator;
  /** The progress reports table. */
  readonly reportsTable: Locator;
  readonly reportForm: Locator;
  readonly targetsSection: Locator;
  readonly problemsSection: Locator;
  readonly risksSection: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = SHEET_WORDS[lang]);
    this.article = page.getByRole('article');
    this.heading = this.article.getByRole('heading', { level: 2 });
    const lightDef = this.article.getByRole('definition').filter({ has: page.locator('[data-light]') });
    this.light = lightDef.locator('[data-light]');
    this.reasons = lightDef.getByRole('listitem');
    this.noSuchTask = page.getByRole('main').getByText(w.noSuchTask);
    this.planSection = page.getByRole('region', { name: w.planSection, exact: true });
    this.scheduleSection = page.getByRole('region', { name: w.schedule, exact: true });
    this.reportsSection = page.getByRole('region', { name: w.reports, exact: true });
    this.milestonesTable = this.scheduleSection
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: w.doneOn, exact: true }) });
    this.reportsTable = this.reportsSection.getByRole('table');
    this.reportForm = this.reportsSection.getByRole('form', { name: w.addReport, exact: true });
    this.targetsSection = page.getByRole('region', { name: w.targets, exact: true });
    this.problemsSection = page.getByRole('region', { name: w.problems, exact: true });
    this.risksSection = page.getByRole('region', { name: w.risks, exact: true });
  }

  /** Open the table, follow task `n`'s title link to its sheet; returns the sheet and the task's id. */
  static async fromTable(page: Page, n: string, lang: Lang = 'en'): Promise<{ sheet: SheetPage; id: string }> {
    const t = new TablePage(page, lang);
    await t.goto();
    const id = await t.openSheet(n);
    const sheet = new SheetPage(page, lang);
    await sheet.waitReady();
    return { sheet, id };
  }

  /** Open `/task/<id>` directly, with the language forced, and wait for the sheet. */
  async goto(id: string) {
    await this.page.goto(`/task/${id}?lang=${this.lang}`);
    await this.waitReady();
  }

  async waitReady() {
    await expect(this.heading).toBeVisible();
  }

  /** The value shown next to a fact of the head (e.g. "Responsible unit"). */
  fact(term: string): Locator {
    return this.article
      .locator('dl div')
      .filter({ has: this.page.getByRole('term').getByText(term, { exact: true }) })
      .getByRole('definition');
  }

  /** Expect the task's light (key as in `data-light`) and its first reason. */
  async expectLight(key: 'red' | 'yellow' | 'green' | 'grey' | 'review' | 'done', firstReason?: string | RegExp) {
    await expect(this.light).toHaveAttribute('data-light', key);
    if (firstReason !== undefined) await expect(this.reasons.first()).toHaveText(firstReason);
  }

  // ---- the plan (施工图) ----

  /** Fill the plan's steps and its submission date, and save. */
  async submitPlan(steps: string, on: string) {
    const s = this.planSection;
    await s.getByLabel(this.w.planText, { exact: true }).fill(steps);
    await s.getByLabel(this.w.planSubmitted, { exact: true }).fill(on);
    await s.getByRole('button', { name: this.w.save, exact: true }).click();
    await expect(s.getByRole('status')).toHaveText(this.w.saved);
  }

  // ---- the schedule ----

  /** Add one milestone with its due date. */
  async addMilestone(title: string, due: string) {
    const s = this.scheduleSection;
    await s.getByLabel(this.w.milestone, { exact: true }).fill(title);
    await s.getByLabel(this.w.due, { exact: true }).fill(due);
    await s.getByRole('button', { name: this.w.addMilestone, exact: true }).click();
    await expect(this.milestoneRow(title)).toBeVisible();
  }

  /** The row of milestone `title` in the schedule table. */
  milestoneRow(title: string): Locator {
    return this.milestonesTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: title, exact: true }) });
  }

  /** The light badge of milestone `title`. */
  milestoneLight(title: string): Locator {
    return this.milestoneRow(title).locator('[data-light]');
  }

  /** The "Invert the schedule from the deadline" form, inside its <details>. */
  invert() {
    const w = this.w;
    const details = this.scheduleSection.locator('details').filter({ hasText: w.invert });
    const summary = details.getByText(w.invert, { exact: true });
    return {
      details,
      summary,
      /** Open the <details> (once). */
      open: async () => {
        if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
        await expect(details.getByLabel(w.deadline, { exact: true })).toBeVisible();
      },
      deadline: details.getByLabel(w.deadline, { exact: true }),
      dayCount: details.getByRole('combobox', { name: w.dayCount, exact: true }),
      step: (i: number) => details.getByRole('textbox', { name: `${w.step} ${i}`, exact: true }),
      days: (i: number) => details.getByRole('spinbutton', { name: `${w.days} ${i}`, exact: true }),
      addStep: details.getByRole('button', { name: w.addStep, exact: true }),
      accept: details.getByRole('button', { name: w.acceptSchedule, exact: true }),
      /** The preview of the inverted schedule. */
      preview: details.getByRole('table', { name: w.invert, exact: true }),
      /** The preview row of step `title`: its cells are step, latest start, due, status. */
      previewRow: (title: string) =>
        details
          .getByRole('table', { name: w.invert, exact: true })
          .getByRole('row')
          .filter({ has: this.page.getByRole('cell', { name: title, exact: true }) }),
      warning: details.getByRole('alert'),
    };
  }

  // ---- reports ----

  report() {
    const f = this.reportForm;
    const w = this.w;
    return {
      form: f,
      date: f.getByLabel(w.reportDate, { exact: true }),
      unit: f.getByRole('combobox', { name: w.reportingUnit, exact: true }),
      progress: f.getByLabel(w.progressPct, { exact: true }),
      milestonesDone: f.getByRole('group', { name: w.milestonesDone, exact: true }),
      milestoneDone: (title: string) =>
        f.getByRole('group', { name: w.milestonesDone, exact: true }).getByRole('checkbox', { name: title, exact: true }),
      problems: f.getByLabel(w.problemsRaised, { exact: true }),
      narrative: f.getByLabel(w.narrative, { exact: true }),
      /** The reading of the target labelled `label` ("<target> (<measure>)"). */
      reading: (label: string) => f.getByRole('group', { name: w.readings, exact: true }).getByLabel(label, { exact: true }),
      submit: f.getByRole('button', { name: w.addReport, exact: true }),
      errors: f.getByRole('alert'),
    };
  }

  /**
   * Append a report: the date, optionally the unit, the milestones ticked,
   * the progress, what was done, readings (by the field's label,
   * "<target> (<measure>)"), problems (one per line).
   */
  async addReport(r: {
    date: string;
    unit?: string;
    milestones?: string[];
    progress?: string;
    narrative?: string;
    readings?: Record<string, string>;
    problems?: string;
  }) {
    const f = this.report();
    await f.date.fill(r.date);
    if (r.unit) await f.unit.selectOption({ label: r.unit });
    for (const m of r.milestones ?? []) await f.milestoneDone(m).check();
    if (r.progress !== undefined) await f.progress.fill(r.progress);
    if (r.narrative !== undefined) await f.narrative.fill(r.narrative);
    for (const [label, value] of Object.entries(r.readings ?? {})) await f.reading(label).fill(value);
    if (r.problems !== undefined) await f.problems.fill(r.problems);
    const before = await this.reportRows().count();
    await f.submit.click();
    await expect(this.reportRows()).toHaveCount(before + 1);
  }

  /** The body rows of the reports table (newest first). */
  reportRows(): Locator {
    return this.reportsTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row of the report of `date` (its first cell). */
  reportRow(date: string): Locator {
    return this.reportRows().filter({ has: this.page.getByRole('cell', { name: date, exact: true }) });
  }

  /** The "Correct" button of the unit's own report of `date`. */
  correctButton(date: string): Locator {
    return this.reportsTable.getByRole('button', { name: this.w.correctReport(date), exact: true });
  }

  /**
   * Correct the unit's own report of `date`: "Correct" opens the report
   * form on what it said; the new progress and text are submitted as its
   * correction, and both reports stay listed.
   */
  async correctReport(date: string, c: { progress?: string; narrative?: string }) {
    const before = await this.reportRows().count();
    await this.correctButton(date).click();
    // While correcting, the form is named by its heading "Correcting the report of …".
    const f = this.reportsSection.getByRole('form', { name: this.w.correcting(date), exact: true });
    await expect(f).toBeVisible();
    await expect(f.getByLabel(this.w.reportDate, { exact: true })).toHaveValue(date);
    if (c.progress !== undefined) await f.getByLabel(this.w.progressPct, { exact: true }).fill(c.progress);
    if (c.narrative !== undefined) await f.getByLabel(this.w.narrative, { exact: true }).fill(c.narrative);
    await f.getByRole('button', { name: this.w.saveCorrection, exact: true }).click();
    await expect(this.reportRows()).toHaveCount(before + 1);
    await expect(this.reportForm).toBeVisible();
  }

  /** The "Withdraw" button of the unit's own report of `date`. */
  withdrawButton(date: string): Locator {
    return this.reportsTable.getByRole('button', { name: this.w.withdrawReport(date), exact: true });
  }

  // ---- targets, problems, risks ----

  /** Add a quantitative target (direction "at least"). */
  async addTarget(t: { name: string; measure: string; baseline?: string; target: string }) {
    const s = this.targetsSection;
    const w = this.w;
    await s.getByLabel(w.target, { exact: true }).fill(t.name);
    await s.getByLabel(w.measure, { exact: true }).fill(t.measure);
    if (t.baseline !== undefined) await s.getByLabel(w.baseline, { exact: true }).fill(t.baseline);
    await s.getByLabel(w.targetValue, { exact: true }).fill(t.target);
    await s.getByRole('button', { name: w.addTarget, exact: true }).click();
    await expect(this.targetRow(t.name)).toBeVisible();
  }

  /** The row of target `name` in the targets table. */
  targetRow(name: string): Locator {
    return this.targetsSection.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** The problem items of the task's problem list. */
  problemItems(): Locator {
    return this.problemsSection.getByRole('listitem');
  }

  /** Record a risk with its description and mitigation (level, category and owner left as proposed). */
  async addRisk(r: { description: string; mitigation?: string }) {
    const s = this.risksSection;
    const w = this.w;
    await s.getByLabel(w.description, { exact: true }).fill(r.description);
    if (r.mitigation !== undefined) await s.getByLabel(w.mitigation, { exact: true }).fill(r.mitigation);
    await s.getByRole('button', { name: w.addRisk, exact: true }).click();
    await expect(this.riskRow(r.description)).toBeVisible();
  }

  /** The row of risk `description`. */
  riskRow(description: string): Locator {
    return this.risksSection.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('cell', { name: description, exact: true }) });
  }
}
