import { expect, type Locator, type Page } from '@playwright/test';
import { BOARD_WORDS, ScopePicker, type BoardWords } from './board-page';
import { type Lang } from './table-page';

export const ZOOMS = ['month', 'quarter', 'year'] as const;
export type Zoom = (typeof ZOOMS)[number];

/** The timeline's own words, as in src/app/i18n/m_timeline.rs and m_plan.rs. */
export const TIMELINE_WORDS = {
  en: {
    nameColumn: 'Key action / task',
    schedule: 'Schedule',
    chartBox: 'Timeline chart (scrolls sideways)',
    legend: 'Legend',
    legendItems: [
      'Bar colours:',
      'Green',
      'Yellow',
      'Red',
      'Not started',
      'Done',
      'Key action: the span of its tasks',
      'Dashed edge: no due date',
      'Milestone (coloured by its status)',
      'Overdue milestone (red, dark outline)',
      'Today',
    ],
    overdueMilestone: 'Overdue milestone',
    milestone: 'Milestone',
    move: 'Move the timeline',
    showing: 'Showing:',
    prev: { month: '‹ Previous month', quarter: '‹ Previous quarter', year: '‹ Previous year' },
    next: { month: 'Next month ›', quarter: 'Next quarter ›', year: 'Next year ›' },
  },
  zh: {
    nameColumn: '专项行动 / 任务',
    schedule: '进度条',
    chartBox: '时间轴图表（可左右滚动）',
    legend: '图例',
    legendItems: [
      '任务条颜色：',
      '绿灯',
      '黄灯',
      '红灯',
      '未开始',
      '已完成',
      '专项行动：其任务的总期间',
      '虚线边：未设完成时限',
      '节点（颜色为其状态）',
      '逾期节点（黑边红色）',
      '今天',
    ],
    overdueMilestone: '逾期节点',
    milestone: '节点',
    move: '切换期间',
    showing: '显示期间：',
    prev: { month: '‹ 上一月', quarter: '‹ 上一季度', year: '‹ 上一年' },
    next: { month: '下一月 ›', quarter: '下一季度 ›', year: '下一年 ›' },
  },
};
export type TimelineWords = (typeof TIMELINE_WORDS)[Lang];

/**
 * `/timeline`: the Gantt chart (a table: one row per key action and task,
 * the time axis in its header row), its legend, zoom links, the links to
 * the span before and after, and its scope.
 */
export class TimelinePage {
  readonly w: BoardWords;
  readonly tw: TimelineWords;
  readonly heading: Locator;
  readonly scope: ScopePicker;
  readonly zoomNav: Locator;
  /** The chart: a table captioned "Timeline · Today <date>". */
  readonly chart: Locator;
  /** The same table, as a screen reader finds it. */
  readonly table: Locator;
  /** The box the chart scrolls sideways in. */
  readonly scroller: Locator;
  /** The "Today" mark on the axis (hidden when today is outside the span). */
  readonly todayLine: Locator;
  /** One row per task / key action. */
  readonly taskRows: Locator;
  readonly actionRows: Locator;
  /** The labels of the ticks along the axis ("2022-06" or "06-27"). */
  readonly tickLabels: Locator;
  readonly legend: Locator;
  readonly moveNav: Locator;
  /** "Showing: 2022-01-01 – 2022-12-31". */
  readonly span: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = BOARD_WORDS[lang]);
    const tw = (this.tw = TIMELINE_WORDS[lang]);
    const region = page.getByRole('region', { name: new RegExp(`^${w.timeline} · `) });
    this.heading = region.getByRole('heading', { level: 2 });
    this.scope = new ScopePicker(page, w);
    this.zoomNav = region.getByRole('navigation', { name: w.zoom, exact: true });
    this.chart = region.getByRole('table', { name: new RegExp(`^${w.timeline} · ${w.today} \\d{4}-\\d{2}-\\d{2}$`) });
    this.table = this.chart;
    this.scroller = region.getByRole('region', { name: tw.chartBox, exact: true });
    this.todayLine = this.chart.getByTestId('today-line');
    this.taskRows = this.chart.locator('tr[data-kind="task"]');
    this.actionRows = this.chart.locator('tr[data-kind="action"]');
    this.tickLabels = this.chart.locator('.gantt-tick-label');
    this.legend = region.getByRole('list', { name: tw.legend, exact: true });
    this.moveNav = region.getByRole('navigation', { name: tw.move, exact: true });
    this.span = this.moveNav.getByRole('status');
  }

  /** Open `/timeline` (with `query`), the language forced, and wait for the chart. */
  async goto(query: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...query, lang: this.lang });
    await this.page.goto(`/timeline?${q}`);
    await this.waitReady();
  }

  async waitReady() {
    await expect(this.chart).toBeVisible();
    await expect(this.todayLine).toHaveCount(1);
  }

  /** The zoom link "Month", "Quarter" or "Year". */
  zoomLink(z: Zoom): Locator {
    return this.zoomNav.getByRole('link', { name: this.w.zoomWords[z], exact: true });
  }

  /** The link to the span before ("‹ Previous year") or after ("Next year ›"). */
  stepLink(z: Zoom, next: boolean): Locator {
    return this.moveNav.getByRole('link', { name: (next ? this.tw.next : this.tw.prev)[z], exact: true });
  }

  /** The row numbers in the chart's first column, in order ("6", "6.1", …). */
  rowLabels(): Locator {
    return this.chart.locator('tr.gantt-row .gantt-no');
  }

  /** The same numbers (kept for the specs that read "the table's" numbers). */
  tableNumbers(): Locator {
    return this.rowLabels();
  }

  /** A row header whose number is `n`, relative to where it is used. */
  private header(n: string): Locator {
    const no = this.page.locator('.gantt-no', { hasText: new RegExp(`^${n.replace(/\./g, '\\.')}$`) });
    return this.page.getByRole('rowheader').filter({ has: no });
  }

  /** The first cell of row `n` ("7.1"): its number and title. */
  rowHeader(n: string): Locator {
    return this.chart.locator(this.header(n));
  }

  /** The link to task `n`'s sheet ("7.1 Upgrading …"). */
  taskLink(n: string): Locator {
    return this.rowHeader(n).getByRole('link');
  }

  /** The row of task or key action `n`. */
  row(n: string): Locator {
    return this.chart.getByRole('row').filter({ has: this.header(n) });
  }

  /** A milestone's mark, by its accessible name. */
  mark(name: string | RegExp): Locator {
    return this.chart.getByRole('img', { name, exact: typeof name === 'string' });
  }
}
