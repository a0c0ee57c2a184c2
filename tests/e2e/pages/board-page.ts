import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang } from './table-page';

/** The lights, as the board's `data-testid="count-<key>"` and the table's `?light=<key>` name them. */
export const LIGHTS = ['red', 'yellow', 'green', 'grey', 'review', 'done'] as const;
export type LightKey = (typeof LIGHTS)[number];

/** The board's (and the timeline's) words, as in src/app/i18n/m.rs. */
export const BOARD_WORDS = {
  en: {
    board: 'Progress board',
    navBoard: 'Board',
    navTimeline: 'Timeline',
    scope: 'Board scope',
    myUnit: 'My unit',
    myAction: 'My key action',
    all: 'All',
    completion: 'Overall completion',
    tasksWord: 'tasks',
    byLight: 'Tasks by light',
    actions: 'Key actions',
    units: 'Units',
    overdue: 'Overdue milestones',
    dueWithin: 'Milestones due in the next',
    days: 'days',
    daysOverdue: 'days overdue',
    daysLeft: 'days left',
    notReported: 'Responsible units that have not reported this week',
    problems: 'Problems needing coordination',
    light: { red: 'Red', yellow: 'Yellow', green: 'Green', grey: 'Not started', review: 'Awaiting review', done: 'Done' },
    timeline: 'Timeline',
    today: 'Today',
    zoom: 'Zoom',
    zoomWords: { month: 'Month', quarter: 'Quarter', year: 'Year' },
  },
  zh: {
    board: '进度看板',
    navBoard: '看板',
    navTimeline: '时间轴',
    scope: '看板范围',
    myUnit: '我的单位',
    myAction: '我的专项行动',
    all: '全部',
    completion: '总体完成度',
    tasksWord: '项任务',
    byLight: '任务状态',
    actions: '专项行动',
    units: '单位',
    overdue: '逾期节点',
    /** The due-soon heading is "<n> 天内到期的节点" in Chinese: nothing before the number. */
    dueWithin: '',
    days: '天内到期的节点',
    daysOverdue: '天逾期',
    daysLeft: '天后到期',
    notReported: '本周未反馈的责任单位',
    problems: '问题清单',
    light: { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '未开始', review: '待审核销号', done: '已完成' },
    timeline: '时间轴',
    today: '今天',
    zoom: '时间范围',
    zoomWords: { month: '月', quarter: '季度', year: '年' },
  },
} as const;

export type BoardWords = (typeof BOARD_WORDS)[Lang];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "My unit, my key action": the scope form shared by the board and the
 * timeline. The choice is in the URL (`?unit=…&action=…`) and remembered.
 */
export class ScopePicker {
  readonly form: Locator;
  readonly unit: Locator;
  readonly action: Locator;

  constructor(
    readonly page: Page,
    readonly w: BoardWords,
  ) {
    this.form = page.getByRole('search', { name: w.scope, exact: true });
    this.unit = this.form.getByRole('combobox', { name: w.myUnit, exact: true });
    this.action = this.form.getByRole('combobox', { name: w.myAction, exact: true });
  }

  /** Choose a unit by its name (or `null`: "All"); returns the unit's id (from the option). */
  async chooseUnit(name: string | null): Promise<string> {
    return this.choose(this.unit, name, 'unit');
  }

  /** Choose a key action by its label, e.g. "8 Building the …" (or `null`: "All"). */
  async chooseAction(label: string | RegExp | null): Promise<string> {
    return this.choose(this.action, label, 'action');
  }

  private async choose(select: Locator, label: string | RegExp | null, key: 'unit' | 'action'): Promise<string> {
    const option = label === null ? select.getByRole('option', { name: this.w.all, exact: true }) : select.getByRole('option', { name: label, exact: true });
    const id = (await option.getAttribute('value')) ?? '';
    await select.selectOption({ value: id });
    if (id) {
      await expect(this.page).toHaveURL(new RegExp(`[?&]${key}=${id}(&|$)`));
    } else {
      await expect(this.page).not.toHaveURL(new RegExp(`[?&]${key}=`));
    }
    return id;
  }
}

/** The progress board at `/`, located by role and accessible name. */
export class BoardPage {
  readonly w: BoardWords;
  readonly heading: Locator;
  readonly scope: ScopePicker;
  /** The card "Overall completion": its progress bar and "9 tasks". */
  readonly completionCard: Locator;
  readonly completionBar: Locator;
  /** "9 tasks". */
  readonly totalText: Locator;
  /** The number of tasks on the board, a link to the table narrowed like the board. */
  readonly totalLink: Locator;
  /** The card "Tasks by light": the stacked bar and the counts. */
  readonly lightCard: Locator;
  readonly lightBar: Locator;
  readonly actionsTable: Locator;
  readonly unitsTable: Locator;
  readonly overdue: BoardList;
  readonly dueSoon: BoardList;
  readonly silent: BoardList;
  readonly problems: BoardList;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = BOARD_WORDS[lang]);
    const board = page.getByRole('region', { name: new RegExp(`^${escape(w.board)}( ·|$)`) });
    this.heading = board.getByRole('heading', { level: 2 });
    this.scope = new ScopePicker(page, w);
    this.completionCard = board.locator('.card').filter({ has: page.getByRole('heading', { name: w.completion, exact: true }) });
    this.completionBar = this.completionCard.getByRole('img');
    this.totalText = this.completionCard.getByRole('paragraph');
    this.totalLink = this.totalText.getByRole('link');
    this.lightCard = board.locator('.card').filter({ has: page.getByRole('heading', { name: w.byLight, exact: true }) });
    this.lightBar = this.lightCard.getByRole('img');
    this.actionsTable = board.getByRole('region', { name: w.actions, exact: true }).getByRole('table');
    this.unitsTable = board.getByRole('region', { name: w.units, exact: true }).getByRole('table');
    const list = (start: string) => new BoardList(page, board.getByRole('region', { name: new RegExp(`^${escape(start)}`) }));
    this.overdue = list(`${w.overdue} `);
    // "Milestones due in the next 14 days", "14 天内到期的节点".
    this.dueSoon = new BoardList(page, board.getByRole('region', { name: new RegExp(`^${escape(w.dueWithin)}\\s*\\d+ ${escape(w.days)}`) }));
    this.silent = list(w.notReported);
    this.problems = list(`${w.problems} `);
  }

  /** Open `/` (with `query`), the language forced by `?lang=`, and wait for the board. */
  async goto(query: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...query, lang: this.lang });
    await this.page.goto(`/?${q}`);
    await this.waitReady();
  }

  async waitReady() {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toContainText(this.w.board);
  }

  /** The count of tasks with light `l` (its `data-testid`). */
  count(l: LightKey): Locator {
    return this.page.getByTestId(`count-${l}`);
  }

  /** The link around the count of light `l`. */
  countLink(l: LightKey): Locator {
    return this.lightCard.getByRole('link').filter({ has: this.count(l) });
  }

  /** The counts of every light, in LIGHTS order, as numbers. */
  async counts(): Promise<Record<LightKey, number>> {
    const out = {} as Record<LightKey, number>;
    for (const l of LIGHTS) out[l] = Number(await this.count(l).textContent());
    return out;
  }

  // ---- key actions ----

  /** Body rows of the key-action table. */
  actionRows(): Locator {
    return this.actionsTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The numbers of the listed key actions. */
  actionNumbers(): Locator {
    return this.actionRows().locator('td:first-child');
  }

  /** Key action `n`'s row. */
  actionRow(n: number): Locator {
    return this.actionRows().filter({ has: this.page.getByRole('cell', { name: String(n), exact: true }) });
  }

  /** Key action `n`'s progress bar (role img, named "<title>: <n> %"). */
  actionBar(n: number): Locator {
    return this.actionRow(n).getByRole('img');
  }

  /** Key action `n`'s mini counts: links named "<light> <count>". */
  miniCounts(n: number): Locator {
    return this.actionRow(n).locator('.mini-counts').getByRole('link');
  }

  /** Key action `n`'s mini count of light `l`. */
  miniCount(n: number, l: LightKey): Locator {
    return this.miniCounts(n).filter({ hasText: new RegExp(`^${escape(this.w.light[l])} \\d+$`) });
  }

  // ---- units ----

  unitRows(): Locator {
    return this.unitsTable.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  /** The unit names, in the table's order. */
  unitNames(): Locator {
    return this.unitsTable.getByRole('rowheader');
  }

  unitRow(name: string): Locator {
    return this.unitRows().filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** A unit row's link: its tasks, its red tasks, its yellow tasks. */
  unitLink(name: string, column: 'tasks' | 'red' | 'yellow'): Locator {
    const i = { tasks: 0, red: 1, yellow: 2 }[column];
    return this.unitRow(name).getByRole('cell').nth(i).getByRole('link');
  }

  /** A unit row's "Last report" cell. */
  unitLastReport(name: string): Locator {
    return this.unitRow(name).getByRole('cell').nth(3);
  }
}

/** One of the board's lists: a heading with its count (a link to the table) and the items. */
export class BoardList {
  readonly heading: Locator;
  /** The count in the heading: a link to exactly the tasks behind the list. */
  readonly countLink: Locator;
  readonly items: Locator;

  constructor(
    readonly page: Page,
    readonly region: Locator,
  ) {
    this.heading = region.getByRole('heading', { level: 3 });
    this.countLink = this.heading.getByRole('link');
    this.items = region.getByRole('list').getByRole('listitem');
  }

  /** The item that starts with `start` (a unit name, a task number). */
  item(start: string): Locator {
    return this.items.filter({ hasText: new RegExp(`^\\s*${escape(start)}`) });
  }
}
