import { expect, type Locator, type Page } from '@playwright/test';

/** The interface words the appraisal and hearing tests rely on, as in src/app/i18n/m_appraisal.rs. */
export const APPRAISAL_WORDS = {
  en: {
    title: 'Appraisal',
    unit: 'Unit appraised',
    from: 'From',
    to: 'To',
    choose: 'What to appraise',
    exempt: 'Exempt…',
    reasonZh: 'Reason (Chinese)',
    reasonEn: 'Reason (English)',
    approvedBy: 'Approved by',
    approvedOn: 'Approved on',
    record: 'Record exemption',
    rules: 'Scoring rules',
    facts: 'Facts behind the score',
    hearingTitle: 'Monthly hearing pack',
    hearingFor: 'Hearing for',
    leader: 'Leader',
    action: 'Key action',
    since: 'Since',
    changes: 'Changes since',
    attention: 'Needs attention now',
    problems: 'Problems waiting for coordination',
  },
  zh: {
    title: '绩效考核',
    unit: '被考核单位',
    from: '起始日期',
    to: '截止日期',
    choose: '考核对象',
    exempt: '容错…',
    reasonZh: '理由（中文）',
    reasonEn: '理由（英文）',
    approvedBy: '批准人',
    approvedOn: '批准日期',
    record: '登记容错',
    rules: '计分规则',
    facts: '计分事实',
    hearingTitle: '月度听取汇报',
    hearingFor: '听取对象',
    leader: '区领导',
    action: '专项行动',
    since: '自此日期以来',
    changes: '以来的变化',
    attention: '当前需关注',
    problems: '待协调解决的问题',
  },
} as const;

export type Lang = keyof typeof APPRAISAL_WORDS;

/** One row of the facts table, as the page shows it. */
export interface FactRow {
  task: string;
  fact: string;
  points: number;
  counted: number;
  exemption: string;
  canExempt: boolean;
}

/** A page's points ("+2", "-3", "0") as a number. */
export function pointsOf(s: string): number {
  return Number(s.trim().replace('−', '-').replace('+', ''));
}

export class AppraisalPage {
  readonly w: (typeof APPRAISAL_WORDS)[Lang];
  readonly heading: Locator;
  readonly picker: Locator;
  readonly unit: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly score: Locator;
  readonly facts: Locator;
  readonly factRows: Locator;
  readonly rules: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.w = APPRAISAL_WORDS[lang];
    this.heading = page.getByRole('heading', { level: 2, name: this.w.title });
    this.picker = page.getByRole('search', { name: this.w.choose });
    this.unit = this.picker.getByRole('combobox', { name: this.w.unit });
    this.from = this.picker.getByLabel(this.w.from, { exact: true });
    this.to = this.picker.getByLabel(this.w.to, { exact: true });
    this.score = page.getByTestId('score');
    this.facts = page.getByRole('table', { name: this.w.facts, exact: true });
    this.factRows = this.facts.locator('tbody tr[data-fact]');
    this.rules = page.getByRole('region', { name: this.w.rules });
  }

  async goto(query: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...query, lang: this.lang });
    await this.page.goto(`/appraisal?${q}`);
    await expect(this.heading).toBeVisible();
  }

  async choose(unit: string, from: string, to: string) {
    await this.unit.selectOption({ label: unit });
    await this.from.fill(from);
    await expect(this.page).toHaveURL(new RegExp(`from=${from}`));
    await this.to.fill(to);
    await expect(this.page).toHaveURL(new RegExp(`to=${to}`));
  }

  async scoreValue(): Promise<number> {
    return Number((await this.score.innerText()).trim());
  }

  async rows(): Promise<FactRow[]> {
    return this.factRows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((c) => c as HTMLElement);
        const num = (s: string) => Number(s.trim().replace('−', '-').replace('+', ''));
        const button = cells[4].querySelector('button');
        return {
          task: cells[0].innerText.trim(),
          fact: cells[1].innerText.trim(),
          points: num(cells[2].innerText),
          counted: num(cells[3].innerText),
          exemption: (button ? cells[4].innerText.replace(button.innerText, '') : cells[4].innerText).trim(),
          canExempt: !!button,
        };
      }),
    );
  }

  /** The row of the fact whose words are `fact` on task `task`. */
  row(task: string, fact: string): Locator {
    return this.factRows.filter({ has: this.page.getByRole('cell', { name: fact, exact: true }) }).filter({ hasText: task });
  }

  /** Exempt one fact with a reason and an approver (by the approver select's option index). */
  async exempt(row: Locator, reasonZh: string, reasonEn: string, approverIndex = 1) {
    await row.getByRole('button', { name: new RegExp(`^${this.w.exempt}`) }).click();
    const form = this.page.locator('form.exempt-form');
    await expect(form).toBeVisible();
    await form.getByLabel(this.w.reasonZh).fill(reasonZh);
    await form.getByLabel(this.w.reasonEn).fill(reasonEn);
    await form.getByLabel(this.w.approvedBy).selectOption({ index: approverIndex });
    const approver = (await form.getByLabel(this.w.approvedBy).locator('option:checked').innerText()).trim();
    await form.getByRole('button', { name: this.w.record }).click();
    await expect(form).toBeHidden();
    return approver;
  }
}

export class HearingPage {
  readonly w: (typeof APPRAISAL_WORDS)[Lang];
  readonly heading: Locator;
  readonly picker: Locator;
  readonly leader: Locator;
  readonly action: Locator;
  readonly since: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.w = APPRAISAL_WORDS[lang];
    this.heading = page.getByRole('heading', { level: 2, name: this.w.hearingTitle });
    this.picker = page.getByRole('search', { name: this.w.hearingFor });
    this.leader = this.picker.getByLabel(this.w.leader);
    this.action = this.picker.getByLabel(this.w.action);
    this.since = this.picker.getByLabel(this.w.since);
  }

  async goto(query: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...query, lang: this.lang });
    await this.page.goto(`/hearing?${q}`);
    await expect(this.heading).toBeVisible();
  }

  /** Choose key action number `n` ("7 …"). */
  async chooseAction(n: number) {
    const label = await this.action.locator('option').evaluateAll(
      (os, n) => os.map((o) => (o as HTMLOptionElement).label).find((l) => l.startsWith(`${n} `)),
      n,
    );
    expect(label, `key action ${n}`).toBeTruthy();
    await this.action.selectOption({ label: label! });
    await expect(this.page).toHaveURL(/action=/);
  }

  section(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }
}
