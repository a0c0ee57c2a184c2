import { expect, type Locator, type Page } from '@playwright/test';
import type { Lang } from './table-page';

/** The meetings and weekly pages' words the tests rely on, as in src/app/i18n/m_meetings.rs. */
export const MEETING_WORDS = {
  en: {
    meetings: 'Meetings and decisions',
    record: 'Record a meeting',
    kind: 'Kind of meeting',
    weekly: 'Weekly unit meeting (一周一会)',
    hearing: "Leader's monthly hearing (月度听取)",
    date: 'Meeting date',
    chair: 'Chair',
    attendees: 'Attendees',
    tasks: 'Tasks discussed',
    minutes: 'Minutes',
    decisions: 'Decisions',
    decisionText: 'Decision text',
    owner: 'Owner unit',
    due: 'Due date',
    addDecision: 'Add decision',
    removeDecision: 'Remove decision',
    save: 'Save the meeting',
    recorded: 'Meeting recorded.',
    held: 'Meetings held',
    noMeetings: 'No meetings recorded yet.',
    close: 'Close',
    closedOn: 'Closed on',
    openDecisions: 'Open decisions',
    noOpenDecisions: 'No open decisions.',
    weeklyHeading: "This week's progress reports",
    weekFrom: 'Week starting',
    reported: 'Reported',
    owed: 'Still owed',
    reminder: 'Reminder to send',
    copy: 'Copy',
    copied: 'Copied.',
  },
  zh: {
    meetings: '会议与议定事项',
    record: '记录会议',
    kind: '会议类型',
    weekly: '一周一会（单位周例会）',
    hearing: '区领导月度听取',
    date: '会议日期',
    chair: '主持人',
    attendees: '参会人员',
    tasks: '研究的任务',
    minutes: '会议纪要',
    decisions: '议定事项',
    decisionText: '事项内容',
    owner: '责任单位',
    due: '完成时限',
    addDecision: '添加议定事项',
    removeDecision: '移除议定事项',
    save: '保存会议记录',
    recorded: '会议已记录。',
    held: '会议记录',
    noMeetings: '尚无会议记录。',
    close: '办结',
    closedOn: '办结于',
    openDecisions: '区领导/会议议定事项',
    noOpenDecisions: '没有待办的议定事项。',
    weeklyHeading: '本周进展反馈收集',
    weekFrom: '本周自',
    reported: '已反馈',
    owed: '尚未反馈',
    reminder: '待发送的提醒',
    copy: '复制',
    copied: '已复制。',
  },
} as const;

export type MeetingWords = (typeof MEETING_WORDS)[Lang];

export interface DecisionInput {
  text: string;
  owner?: string;
  due?: string;
}

/** `/meetings`: the form that records a meeting, and the meetings held. */
export class MeetingsPage {
  readonly w: MeetingWords;
  readonly heading: Locator;
  readonly form: Locator;
  readonly held: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = MEETING_WORDS[lang]);
    this.heading = page.getByRole('main').getByRole('heading', { level: 2 });
    this.form = page.getByRole('form', { name: w.record, exact: true });
    this.held = page.getByRole('region', { name: w.held, exact: true });
  }

  async goto() {
    await this.page.goto(`/meetings?lang=${this.lang}`);
    await this.waitReady();
  }

  async waitReady() {
    await expect(this.heading).toContainText(this.w.meetings);
  }

  /** The fieldset of the i-th decision row (1-based) of the form. */
  decisionRow(i: number): Locator {
    return this.form.getByRole('group', { name: `${this.lang === 'en' ? 'Decision' : '议定事项'} ${i}`, exact: true });
  }

  /** Fill and save the form; expects "Meeting recorded.". */
  async record(m: { kind?: 'weekly' | 'hearing'; date?: string; chair?: string; attendees?: string[]; tasks?: string[]; minutes?: string; decisions?: DecisionInput[] }) {
    const f = this.form;
    const w = this.w;
    if (m.kind) await f.getByRole('combobox', { name: w.kind, exact: true }).selectOption({ label: m.kind === 'weekly' ? w.weekly : w.hearing });
    if (m.date) await f.getByLabel(w.date, { exact: true }).fill(m.date);
    if (m.chair) await f.getByRole('combobox', { name: w.chair, exact: true }).selectOption({ label: m.chair });
    for (const a of m.attendees ?? []) await f.getByRole('group', { name: w.attendees, exact: true }).getByRole('checkbox', { name: a, exact: true }).check();
    for (const t of m.tasks ?? []) await f.getByRole('group', { name: w.tasks, exact: true }).getByRole('checkbox', { name: t }).check();
    if (m.minutes !== undefined) await f.getByLabel(w.minutes, { exact: true }).fill(m.minutes);
    let i = 0;
    for (const d of m.decisions ?? []) {
      i += 1;
      await f.getByRole('button', { name: w.addDecision, exact: true }).click();
      const row = this.decisionRow(i);
      await row.getByLabel(w.decisionText, { exact: true }).fill(d.text);
      if (d.owner) await row.getByRole('combobox', { name: w.owner, exact: true }).selectOption({ label: d.owner });
      if (d.due) await row.getByLabel(w.due, { exact: true }).fill(d.due);
    }
    await f.getByRole('button', { name: w.save, exact: true }).click();
    await expect(f.getByRole('status')).toHaveText(w.recorded);
  }

  /** The meetings listed, newest first. */
  meetings(): Locator {
    return this.held.getByRole('article');
  }

  /** The row of decision `text` in the list of meetings. */
  decisionRowInList(text: string): Locator {
    return this.held.getByRole('row').filter({ has: this.page.getByRole('cell', { name: text, exact: true }) });
  }
}

/** The board's "Open decisions" section. */
export class OpenDecisions {
  readonly w: MeetingWords;
  readonly section: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.w = MEETING_WORDS[lang];
    this.section = page.getByRole('region', { name: new RegExp(`^${this.w.openDecisions}`) });
  }

  item(text: string): Locator {
    return this.section.getByRole('listitem').filter({ hasText: text });
  }

  closeButton(text: string): Locator {
    return this.section.getByRole('button', { name: `${this.w.close}: ${text}`, exact: true });
  }
}

/** `/weekly`: the units' reports this week, and the reminder. */
export class WeeklyPage {
  readonly w: MeetingWords;
  readonly heading: Locator;
  readonly table: Locator;
  readonly reminder: Locator;
  readonly copy: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = MEETING_WORDS[lang]);
    this.heading = page.getByRole('main').getByRole('heading', { level: 2 });
    this.table = page.getByRole('main').getByRole('table');
    this.reminder = page.getByLabel(w.reminder, { exact: true });
    this.copy = page.getByRole('main').getByRole('button', { name: w.copy, exact: true });
  }

  async goto() {
    await this.page.goto(`/weekly?lang=${this.lang}`);
    await expect(this.heading).toHaveText(this.w.weeklyHeading);
  }

  /** The row of unit `name`. */
  unitRow(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The task numbers (links) in unit `name`'s reported (column 1) or owed (column 2) cell. */
  tasks(name: string, which: 'reported' | 'owed'): Locator {
    return this.unitRow(name).getByRole('cell').nth(which === 'reported' ? 0 : 1).getByRole('link');
  }
}
