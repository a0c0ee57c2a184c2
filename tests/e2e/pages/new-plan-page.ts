import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang } from './table-page';

/** The words of the new-plan form and of Settings → Plan details, as in src/app/i18n/m_plan.rs. */
export const PLAN_WORDS = {
  en: {
    newHeading: 'Start a new plan',
    details: 'Plan details',
    titleZh: 'Title (Chinese)',
    titleEn: 'Title (English)',
    year: 'Year',
    kickoff: 'Kick-off date (kick-off meeting)',
    issuing: 'Issuing unit',
    planDue: 'Plan-submission window (days after kick-off)',
    dueOn: 'Every task\'s plan is due on:',
    create: 'Create the plan',
    cancel: 'Cancel',
    save: 'Save',
    saved: 'Saved.',
    setByOffice: 'Set by the supervision office',
    badYear: 'Fill in the year (a whole number, 2000–2100).',
    badKickoff: 'Fill in the kick-off date.',
    fixThese: 'Please fix:',
  },
  zh: {
    newHeading: '新建计划',
    details: '计划信息',
    titleZh: '计划名称（中文）',
    titleEn: '计划名称（英文）',
    year: '年度',
    kickoff: '启动日期（启动会）',
    issuing: '印发单位',
    planDue: '施工图报送期限（启动后天数）',
    dueOn: '各任务施工图应报送日期：',
    create: '新建计划',
    cancel: '取消',
    save: '保存',
    saved: '已保存。',
    setByOffice: '由督查办设定',
    badYear: '请填写年度（2000–2100 之间的整数）。',
    badKickoff: '请填写启动日期。',
    fixThese: '请先修正：',
  },
} as const;

export interface PlanHead {
  titleZh?: string;
  titleEn?: string;
  year?: string;
  kickoff?: string;
}

/** The fields title / year / kick-off, inside `scope` (the new-plan form or Plan details). */
export class HeadFields {
  readonly titleZh: Locator;
  readonly titleEn: Locator;
  readonly year: Locator;
  readonly kickoff: Locator;
  readonly errors: Locator;

  constructor(scope: Locator, lang: Lang) {
    const w = PLAN_WORDS[lang];
    this.titleZh = scope.getByLabel(w.titleZh, { exact: true });
    this.titleEn = scope.getByLabel(w.titleEn, { exact: true });
    this.year = scope.getByLabel(w.year, { exact: true });
    this.kickoff = scope.getByLabel(w.kickoff);
    this.errors = scope.getByRole('alert');
  }

  async fill(h: PlanHead) {
    if (h.titleZh !== undefined) await this.titleZh.fill(h.titleZh);
    if (h.titleEn !== undefined) await this.titleEn.fill(h.titleEn);
    if (h.year !== undefined) await this.year.fill(h.year);
    if (h.kickoff !== undefined) await this.kickoff.fill(h.kickoff);
  }
}

/** `/new`: the form that starts a blank plan with its title, year and kick-off. */
export class NewPlanPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly fields: HeadFields;
  readonly create: Locator;
  readonly cancel: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = PLAN_WORDS[lang];
    const region = page.getByRole('region', { name: w.newHeading, exact: true });
    this.heading = region.getByRole('heading', { name: w.newHeading, exact: true });
    this.form = region.getByRole('form', { name: w.newHeading, exact: true });
    this.fields = new HeadFields(this.form, lang);
    this.create = this.form.getByRole('button', { name: w.create, exact: true });
    this.cancel = this.form.getByRole('button', { name: w.cancel, exact: true });
  }

  async goto() {
    await this.page.goto(`/new?lang=${this.lang}`);
    await expect(this.heading).toBeVisible();
  }

  /** Fill the form and create the plan; the app then shows the (empty) table. */
  async start(h: PlanHead) {
    await expect(this.heading).toBeVisible();
    await this.fields.fill(h);
    await this.create.click();
    await expect(this.page).toHaveURL(/\/table(\?|$)/);
  }
}

/** Settings → Plan details. */
export class PlanDetails {
  readonly region: Locator;
  readonly form: Locator;
  readonly fields: HeadFields;
  readonly issuing: Locator;
  readonly planDue: Locator;
  /** "Every task's plan is due on: <date>". */
  readonly dueOn: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly setByOffice: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = PLAN_WORDS[lang];
    this.region = page.getByRole('region', { name: w.details, exact: true });
    this.form = this.region.getByRole('form', { name: w.details, exact: true });
    this.fields = new HeadFields(this.form, lang);
    this.issuing = this.form.getByRole('combobox', { name: w.issuing, exact: true });
    this.planDue = this.form.getByLabel(w.planDue, { exact: true });
    this.dueOn = this.form.getByRole('status').filter({ hasText: w.dueOn });
    this.save = this.form.getByRole('button', { name: w.save, exact: true });
    this.saved = this.form.getByRole('status').filter({ hasText: w.saved });
    this.setByOffice = this.region.getByText(w.setByOffice, { exact: true });
  }

  async change(h: PlanHead & { planDue?: string; issuing?: string }) {
    await this.fields.fill(h);
    if (h.planDue !== undefined) await this.planDue.fill(h.planDue);
    if (h.issuing !== undefined) await this.issuing.selectOption({ label: h.issuing });
    await this.save.click();
    await expect(this.saved).toBeVisible();
  }
}
