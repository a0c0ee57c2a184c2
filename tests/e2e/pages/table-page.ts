import { expect, type Locator, type Page } from '@playwright/test';
import { storedEnvelope } from '../helpers/store';

/** The interface words the tests rely on, as in src/app/i18n/m.rs. */
export const WORDS = {
  en: {
    code: 'en',
    htmlLang: 'en',
    filterAction: 'Key action',
    filterUnit: 'Unit (leading, responsible or co-organizing)',
    filterLeader: 'Leader or responsible person',
    search: 'Search',
    clearFilters: 'Clear filters',
    shown: 'Tasks shown',
    addAction: 'Add key action',
    addTask: 'Add task',
    edit: 'Edit',
    delete: 'Delete',
    moveUp: 'Move up',
    moveDown: 'Move down',
    task: 'Task',
    action: 'Key action',
    save: 'Save',
    cancel: 'Cancel',
    titleZh: 'Title (Chinese)',
    titleEn: 'Title (English)',
    responsible: 'Responsible unit',
    coOrganizers: 'Co-organizers',
    start: 'Start date',
    due: 'Due date',
    exampleBanner: 'This is an example: Luohu District 2022 Critical Task Division of Responsibility Table, viewed as of',
    startBlank: 'Start a blank plan',
    /** The language switch: its visible word is its name; the title describes it. */
    switchLang: '中文',
    switchLangHint: 'Switch the interface to Chinese',
    noActions: 'There are no key actions yet. Add one first.',
    navTable: 'Responsibility table',
    navUnits: 'Units and people',
    filterLight: 'Status light',
    nothingMatches: 'No task matches the filters.',
    setByOffice: 'Set by the supervision office',
    columns: ['No.', 'Task', 'Overall leading district leader', 'Overall leading unit', 'Responsible unit', 'Co-organizers', 'Due date', 'Status', 'Actions'],
  },
  zh: {
    code: 'zh',
    htmlLang: 'zh-CN',
    filterAction: '专项行动',
    filterUnit: '单位（牵头、责任或协办）',
    filterLeader: '区领导或责任人',
    search: '搜索',
    clearFilters: '清除筛选',
    shown: '显示的任务数',
    addAction: '添加专项行动',
    addTask: '添加任务',
    edit: '编辑',
    delete: '删除',
    moveUp: '上移',
    moveDown: '下移',
    task: '具体任务',
    action: '专项行动',
    save: '保存',
    cancel: '取消',
    titleZh: '名称（中文）',
    titleEn: '名称（英文）',
    responsible: '责任单位',
    coOrganizers: '协办单位',
    start: '开始日期',
    due: '完成时限',
    exampleBanner: '这是示例：罗湖区2022年攻坚任务责任分工表，按以下日期查看：',
    startBlank: '新建空白计划',
    switchLang: 'English',
    switchLangHint: '切换到英文界面',
    noActions: '还没有专项行动。先添加一个。',
    navTable: '责任分工表',
    navUnits: '单位和人员',
    filterLight: '状态灯',
    nothingMatches: '没有符合筛选条件的任务。',
    setByOffice: '由督查办设定',
    columns: ['序号', '具体任务', '总牵头区领导', '总牵头单位', '责任单位', '协办单位', '完成时限', '状态', '操作'],
  },
} as const;

export type Lang = keyof typeof WORDS;
export type Words = (typeof WORDS)[Lang];

/** The responsibility table at `/table` (the home page `/` is the board), located by role and accessible name. */
export class TablePage {
  readonly w: Words;
  readonly table: Locator;
  readonly filters: Locator;
  readonly actionFilter: Locator;
  readonly unitFilter: Locator;
  readonly leaderFilter: Locator;
  /** The "Status light" select (values red, yellow, green, grey, done). */
  readonly lightFilter: Locator;
  readonly searchBox: Locator;
  readonly clearFiltersButton: Locator;
  /** "Tasks shown: n / total". */
  readonly shownStatus: Locator;
  readonly addActionButton: Locator;
  /** Rows of key actions (their title is a row header). */
  readonly actionRows: Locator;
  /** Rows of tasks (numbered "a.t"). */
  readonly taskRows: Locator;
  readonly exampleBanner: Locator;
  /** The example banner's "Start a blank plan" (a link to the new-plan form, /new). */
  readonly startBlankLink: Locator;
  readonly langSwitch: Locator;
  /** The open modal dialog, if any. */
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = WORDS[lang]);
    this.table = page.getByRole('table', { name: w.navTable });
    this.filters = page.getByRole('search');
    this.actionFilter = this.filters.getByRole('combobox', { name: w.filterAction, exact: true });
    this.unitFilter = this.filters.getByRole('combobox', { name: w.filterUnit, exact: true });
    this.leaderFilter = this.filters.getByRole('combobox', { name: w.filterLeader, exact: true });
    this.lightFilter = this.filters.getByRole('combobox', { name: w.filterLight, exact: true });
    this.searchBox = this.filters.getByRole('searchbox', { name: w.search });
    this.clearFiltersButton = this.filters.getByRole('button', { name: w.clearFilters });
    this.shownStatus = page.getByRole('status').filter({ hasText: w.shown });
    this.addActionButton = page.getByRole('button', { name: w.addAction, exact: true });
    this.actionRows = this.table.getByRole('row').filter({ has: page.getByRole('rowheader') });
    this.taskRows = this.table.getByRole('row').filter({ has: page.getByRole('cell', { name: /^\d+\.\d+$/ }) });
    this.exampleBanner = page.getByRole('complementary', { name: w.exampleBanner });
    this.startBlankLink = page.getByRole('link', { name: w.startBlank });
    this.langSwitch = page.getByRole('banner').getByRole('button', { name: w.switchLang, exact: true });
    this.dialog = page.getByRole('dialog');
  }

  /** Open `/table` (or `path`) with the language forced by `?lang=` and wait until the table is up. */
  async goto(query: Record<string, string> = {}, path = '/table') {
    const q = new URLSearchParams({ ...query, lang: this.lang });
    await this.page.goto(`${path}?${q}`);
    await this.waitReady();
  }

  /** The wasm app has rendered the table. */
  async waitReady() {
    await expect(this.table).toBeVisible();
  }

  /** The numbers in the first column of the task rows, e.g. ["6.1", "7.1", …]. */
  taskNumbers(): Locator {
    return this.taskRows.getByRole('cell', { name: /^\d+\.\d+$/ });
  }

  /** The numbers of the key action rows, ["1", "2", …]. */
  actionNumbers(): Locator {
    return this.actionRows.getByRole('cell', { name: /^\d+$/ });
  }

  /** The task row numbered `n` (e.g. "8.6"). */
  taskRow(n: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: n, exact: true }) });
  }

  /** The key action row numbered `n`. */
  actionRow(n: number): Locator {
    return this.actionRows.filter({ has: this.page.getByRole('cell', { name: String(n), exact: true }) });
  }

  /** The title cell of task `n` (the second cell of its row). */
  taskTitle(n: string): Locator {
    return this.taskRow(n).getByRole('cell').nth(1);
  }

  /** The link to task `n`'s sheet: its title. */
  taskLink(n: string): Locator {
    return this.taskTitle(n).getByRole('link');
  }

  /** The Status cell of task `n` (after "Due date"): the light's word and its first reason. */
  taskStatus(n: string): Locator {
    return this.taskRow(n).getByRole('cell').nth(7);
  }

  /** The light badge in task `n`'s Status cell; its `data-light` is red, yellow, green, grey or done. */
  taskLight(n: string): Locator {
    return this.taskStatus(n).locator('[data-light]');
  }

  /**
   * Expect task `n`'s Status cell to show the light `key` (its `data-light`),
   * its word, and `reason` as its first reason.
   */
  async expectStatus(n: string, key: string, word: string, reason: string) {
    await expect(this.taskLight(n)).toHaveAttribute('data-light', key);
    await expect(this.taskLight(n)).toHaveText(word);
    await expect(this.taskStatus(n)).toHaveAccessibleName(`${word} ${reason}`);
  }

  /** Open task `n`'s sheet by its title link and return the task's id (from the URL). */
  async openSheet(n: string): Promise<string> {
    await this.taskLink(n).click();
    await expect(this.page).toHaveURL(/\/task\/[0-9a-f-]{36}(\?|$)/);
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  /** A task row's button: `verb` is one of edit, delete, moveUp, moveDown. */
  taskButton(verb: 'edit' | 'delete' | 'moveUp' | 'moveDown', n: string): Locator {
    return this.page.getByRole('button', { name: `${this.w[verb]} ${this.w.task} ${n}`, exact: true });
  }

  /** A key action row's button. */
  actionButton(verb: 'addTask' | 'edit' | 'delete' | 'moveUp' | 'moveDown', n: number): Locator {
    return this.page.getByRole('button', { name: `${this.w[verb]} ${this.w.action} ${n}`, exact: true });
  }

  /** Task `n`'s Actions cell when this browser may not edit the task: "Set by the supervision office". */
  taskSetByOffice(n: string): Locator {
    return this.taskRow(n).getByRole('cell', { name: this.w.setByOffice, exact: true });
  }

  /** Wait until the status says "Tasks shown: shown / total". */
  async expectShown(shown: number, total?: number) {
    const tail = total === undefined ? '\\d+' : String(total);
    await expect(this.shownStatus).toHaveText(new RegExp(`${this.w.shown}:\\s*${shown}\\s*/\\s*${tail}$`));
  }

  /** Accept the next confirm() and return its message. */
  acceptNextConfirm(): Promise<string> {
    return new Promise((resolve) => {
      this.page.once('dialog', async (d) => {
        const msg = d.message();
        await d.accept();
        resolve(msg);
      });
    });
  }

  /** Fields of the task (or key action) dialog. */
  form() {
    const d = this.dialog;
    const w = this.w;
    return {
      dialog: d,
      titleZh: d.getByLabel(w.titleZh, { exact: true }),
      titleEn: d.getByLabel(w.titleEn, { exact: true }),
      responsible: (unit: string) =>
        d.getByRole('group', { name: w.responsible, exact: true }).getByRole('checkbox', { name: unit, exact: true }),
      coOrganizer: (unit: string) =>
        d.getByRole('group', { name: w.coOrganizers, exact: true }).getByRole('checkbox', { name: unit, exact: true }),
      start: d.getByLabel(w.start, { exact: true }),
      due: d.getByLabel(w.due, { exact: true }),
      errors: d.getByRole('alert'),
      save: d.getByRole('button', { name: w.save, exact: true }),
      cancel: d.getByRole('button', { name: w.cancel, exact: true }),
    };
  }

  /** The table stored in this browser, as one envelope (`readEnvelope`), or null. */
  async storedEnvelope(): Promise<any> {
    return storedEnvelope(this.page);
  }
}
