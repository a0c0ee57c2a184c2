import { expect, test, type Locator } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { TimelinePage, ZOOMS, type Zoom } from './pages/timeline-page';
import { type Lang } from './pages/table-page';

const ROWS = ['6', '6.1', '7', '7.1', '8', '8.1', '8.2', '8.3', '8.4', '8.5', '9', '9.1', '9.2'];
const TASKS = ROWS.filter((n) => n.includes('.'));
/** The chart's left margin (the row labels), in SVG units: src/app/components/board/timeline.rs. */
const LEFT = 64;

/** The numeric value of an SVG attribute. */
async function num(l: Locator, attr: string): Promise<number> {
  const v = Number(await l.getAttribute(attr));
  expect(Number.isFinite(v), `${attr} is a number`).toBe(true);
  return v;
}

/** The x of each tick line, by its label. */
async function ticks(tl: TimelinePage): Promise<Map<string, number>> {
  const pairs = await tl.chart.locator('line.gantt-tick').evaluateAll((lines) =>
    lines.map((l) => [(l.nextElementSibling?.textContent ?? '').trim(), Number(l.getAttribute('x1'))] as [string, number]),
  );
  return new Map(pairs);
}

async function expectCurrentZoom(tl: TimelinePage, current: Zoom) {
  for (const z of ZOOMS) {
    if (z === current) await expect(tl.zoomLink(z)).toHaveAttribute('aria-current', 'true');
    else await expect(tl.zoomLink(z)).not.toHaveAttribute('aria-current', /.*/);
  }
}

test.describe('the timeline', () => {
  test('shows the today line inside the chart and one bar per task; actions without tasks are left out', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.heading).toHaveText('Timeline · 2022-06-30');
    await expect(tl.chart).toHaveAccessibleName('Timeline · Today 2022-06-30');

    // One row per task (9) and per key action that has tasks (6, 7, 8, 9 of 11).
    await expect(tl.taskRows).toHaveCount(9);
    await expect(tl.actionRows).toHaveCount(4);
    await expect(tl.rowLabels()).toHaveText(ROWS);
    await expect(tl.taskRows.locator('rect.gantt-bar')).toHaveCount(9);
    for (const row of await tl.taskRows.all()) await expect(row.locator('rect.gantt-bar')).toHaveCount(1);
    // 9.2 has no due date: its bar is drawn open (dashed).
    await expect(tl.taskRows.filter({ hasText: /^9\.2$/ }).locator('rect')).toHaveAttribute('stroke-dasharray', '4 3');
    await expect(tl.taskRows.filter({ hasText: /^9\.1$/ }).locator('rect')).toHaveAttribute('stroke-dasharray', 'none');

    // The today line: inside the chart, between the June and July ticks.
    const { width, height } = await tl.viewBox();
    const x = await num(tl.todayLine, 'x1');
    expect(await num(tl.todayLine, 'x2')).toBe(x);
    expect(x).toBeGreaterThan(LEFT);
    expect(x).toBeLessThan(width);
    expect(await num(tl.todayLine, 'y2')).toBeLessThanOrEqual(height);
    const t = await ticks(tl);
    expect([...t.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
    expect(x).toBeGreaterThan(t.get('2022-06')!);
    expect(x).toBeLessThan(t.get('2022-07')!);
    // And on the screen, within the chart's box.
    const line = (await tl.todayLine.boundingBox())!;
    const chart = (await tl.chart.boundingBox())!;
    expect(line.x).toBeGreaterThanOrEqual(chart.x);
    expect(line.x + line.width).toBeLessThanOrEqual(chart.x + chart.width);
    expect(line.height).toBeGreaterThan(0);
    await expect(tl.chart.getByText('Today', { exact: true })).toBeVisible();
  });

  test('zoom links: Year by default, Month shows MM-DD ticks, Quarter three months; the current one is marked', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.zoomNav.getByRole('link')).toHaveText(['Month', 'Quarter', 'Year']);
    await expectCurrentZoom(tl, 'year');
    await expect(tl.tickLabels).toHaveCount(12);
    await expect(tl.tickLabels.first()).toHaveText('2022-01');

    await tl.zoomLink('month').click();
    await expect(page).toHaveURL(/\/timeline\?zoom=month&lang=en$/);
    await expectCurrentZoom(tl, 'month');
    // June 2022: the 1st, then the Mondays.
    await expect(tl.tickLabels).toHaveText(['06-01', '06-06', '06-13', '06-20', '06-27']);
    for (const label of await tl.tickLabels.allTextContents()) expect(label).toMatch(/^\d{2}-\d{2}$/);
    const x = await num(tl.todayLine, 'x1');
    expect(x).toBeGreaterThan((await ticks(tl)).get('06-27')!);
    expect(x).toBeLessThan((await tl.viewBox()).width);
    await expect(tl.taskRows).toHaveCount(9);

    await tl.zoomLink('quarter').click();
    await expect(page).toHaveURL(/\/timeline\?zoom=quarter&lang=en$/);
    await expectCurrentZoom(tl, 'quarter');
    await expect(tl.tickLabels).toHaveText(['2022-04', '2022-05', '2022-06']);

    await tl.zoomLink('year').click();
    await expect(page).toHaveURL(/\/timeline\?zoom=year&lang=en$/);
    await expectCurrentZoom(tl, 'year');
    await expect(tl.tickLabels).toHaveCount(12);

    // A copied link opens at its zoom.
    await tl.goto({ zoom: 'month' });
    await expectCurrentZoom(tl, 'month');
    await expect(tl.tickLabels.first()).toHaveText('06-01');
  });

  test('a unit scope narrows the rows, is kept by the zoom links, and is remembered', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto({ zoom: 'month' });
    const id = await tl.scope.chooseUnit('Dongmen Sub-district');
    await expect(page).toHaveURL(new RegExp(`/timeline\\?unit=${id}&zoom=month&lang=en$`));
    await expect(tl.taskRows).toHaveCount(1);
    await expect(tl.actionRows).toHaveCount(1);
    await expect(tl.rowLabels()).toHaveText(['7', '7.1']);
    await expect(tl.tableNumbers()).toHaveText(['7', '7.1']);

    await tl.zoomLink('quarter').click();
    await expect(page).toHaveURL(new RegExp(`/timeline\\?unit=${id}&zoom=quarter&lang=en$`));
    await expect(tl.taskRows).toHaveCount(1);

    // The scope is the board's: remembered for the next visit of either page.
    await tl.goto();
    await expect(page).toHaveURL(new RegExp(`[?&]unit=${id}(&|$)`));
    await expect(tl.taskRows).toHaveCount(1);

    // Key action 8 as well: five task rows under one action row.
    await tl.scope.chooseUnit(null);
    await expect(tl.taskRows).toHaveCount(9);
    await tl.scope.chooseAction('8 Building the Dawutong emerging industrial belt');
    await expect(tl.rowLabels()).toHaveText(['8', '8.1', '8.2', '8.3', '8.4', '8.5']);
    await tl.scope.chooseAction(null);
    await expect(tl.rowLabels()).toHaveText(ROWS);
  });

  test('a visually hidden table lists every row with its dates and light', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.table).toHaveAccessibleName('Timeline · Today 2022-06-30');
    await expect(tl.table.getByRole('columnheader')).toHaveText(['No.', 'Start date', 'Due date', 'Status']);
    await expect(tl.tableNumbers()).toHaveText(ROWS);
    for (const n of TASKS) await expect(tl.table.getByRole('cell', { name: n, exact: true })).toHaveCount(1);
    await expect(tl.table.getByRole('row', { name: '7.1 2022-02-07 2022-12-31 Red', exact: true })).toHaveCount(1);
    // Visually hidden: in the page for screen readers, one pixel on screen.
    const box = (await page.locator('figure.timeline figcaption').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(1);
    expect(box.height).toBeLessThanOrEqual(1);
  });

  test('in print, the zoom links and the scope are left out and the chart stays', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.zoomNav).toBeVisible();
    await expect(tl.scope.form).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(tl.zoomNav).toBeHidden();
    await expect(tl.scope.form).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await expect(tl.chart).toBeVisible();
    // The today line is drawn (a vertical line: no width, some height).
    expect((await tl.todayLine.boundingBox())?.height ?? 0).toBeGreaterThan(0);
    await expect(tl.chart.getByText('Today', { exact: true })).toBeVisible();
  });

  // The whole document takes the named landscape page when it shows the
  // timeline, so header and chart print together on one landscape page.
  test('prints on exactly one A4 landscape page', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect(box, 'a MediaBox in the PDF').not.toBeNull();
    const [w, h] = [Number(box![1]), Number(box![2])];
    expect(w, `the first page is landscape (MediaBox ${w} × ${h})`).toBeGreaterThan(h);
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
    expect(Math.round(w)).toBe(842);
    const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length, 'pages in the printed timeline').toBe(1);
  });

  for (const lang of ['en', 'zh'] as Lang[]) {
    test(`axe: the timeline has no serious violations (${lang})`, async ({ page }) => {
      const tl = new TimelinePage(page, lang);
      await tl.goto();
      await expect(tl.taskRows).toHaveCount(9);
      await expectNoSeriousViolations(page, `/timeline (${lang})`);
      await tl.zoomLink('month').click();
      await expectCurrentZoom(tl, 'month');
      await expectNoSeriousViolations(page, `/timeline?zoom=month (${lang})`);
    });
  }

  test('?lang=zh names the chart, the zoom and the today line in Chinese', async ({ page }) => {
    const tl = new TimelinePage(page, 'zh');
    await tl.goto();
    await expect(tl.heading).toHaveText('时间轴 · 2022-06-30');
    await expect(tl.zoomNav.getByRole('link')).toHaveText(['月', '季度', '年']);
    await expect(tl.chart).toHaveAccessibleName('时间轴 · 今天 2022-06-30');
    await expect(tl.chart.getByText('今天', { exact: true })).toBeVisible();
    await expect(tl.table.getByRole('row', { name: '7.1 2022-02-07 2022-12-31 红灯', exact: true })).toHaveCount(1);
  });
});
