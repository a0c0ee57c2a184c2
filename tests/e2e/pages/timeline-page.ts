import { expect, type Locator, type Page } from '@playwright/test';
import { BOARD_WORDS, ScopePicker, type BoardWords } from './board-page';
import { type Lang } from './table-page';

export const ZOOMS = ['month', 'quarter', 'year'] as const;
export type Zoom = (typeof ZOOMS)[number];

/** `/timeline`: the Gantt chart (SVG), its zoom links, its scope, and the table behind it. */
export class TimelinePage {
  readonly w: BoardWords;
  readonly heading: Locator;
  readonly scope: ScopePicker;
  readonly zoomNav: Locator;
  /** The chart: an SVG with role img, named "Timeline · Today <date>". */
  readonly chart: Locator;
  readonly todayLine: Locator;
  /** One `<g>` per row, `data-kind` "action" or "task". */
  readonly taskRows: Locator;
  readonly actionRows: Locator;
  /** The labels of the ticks along the top ("2022-06" or "06-27"). */
  readonly tickLabels: Locator;
  /** The table that says what the chart shows, for screen readers (visually hidden). */
  readonly table: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = BOARD_WORDS[lang]);
    const region = page.getByRole('region', { name: new RegExp(`^${w.timeline} · `) });
    this.heading = region.getByRole('heading', { level: 2 });
    this.scope = new ScopePicker(page, w);
    this.zoomNav = region.getByRole('navigation', { name: w.zoom, exact: true });
    this.chart = region.getByRole('img', { name: new RegExp(`^${w.timeline} · ${w.today} \\d{4}-\\d{2}-\\d{2}$`) });
    this.todayLine = this.chart.getByTestId('today-line');
    this.taskRows = this.chart.locator('g[data-kind="task"]');
    this.actionRows = this.chart.locator('g[data-kind="action"]');
    this.tickLabels = this.chart.locator('text.gantt-tick-label');
    this.table = region.getByRole('table');
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

  /** The row numbers drawn in the chart, in order ("6", "6.1", …). */
  rowLabels(): Locator {
    return this.chart.locator('g.gantt-row > text');
  }

  /** The numbers in the first column of the hidden table. */
  tableNumbers(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') }).locator('td:first-child');
  }

  /** The chart's width in its own units (the viewBox). */
  async viewBox(): Promise<{ width: number; height: number }> {
    const vb = (await this.chart.getAttribute('viewBox')) ?? '';
    const [, , width, height] = vb.split(/\s+/).map(Number);
    return { width, height };
  }
}
