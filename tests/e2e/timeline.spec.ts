import { seedPlan } from './helpers/store';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './helpers/axe';
import { pdfPageTexts } from './helpers/pdf-text';
import { SheetPage } from './pages/sheet-page';
import { TimelinePage, ZOOMS, type Zoom } from './pages/timeline-page';
import { type Lang } from './pages/table-page';

const ROWS = ['6', '6.1', '7', '7.1', '8', '8.1', '8.2', '8.3', '8.4', '8.5', '9', '9.1', '9.2'];
const TASKS = ROWS.filter((n) => n.includes('.'));
const TITLE_71 = { en: 'Upgrading and renovating Dongmen Pedestrian Street', zh: '东门步行街升级改造' };
const TITLE_8 = { en: 'Building the Dawutong emerging industrial belt', zh: '大梧桐新兴产业带建设攻坚行动' };
// The large plan (1,000 tasks) `make test-e2e` writes from the Rust generator.
const FIXTURE = join(__dirname, '..', '..', 'target', 'e2e-large-plan.json');
/** The most printed pages the large plan's timeline may take: 29 when this was written (32 before, 30 of them without the axis or a name). */
const LARGE_PLAN_MAX_PAGES = 31;

/** The left edge of an element on the screen. */
async function left(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  return box!.x;
}

/** The left edge of each tick label, by its text. */
async function ticks(tl: TimelinePage): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of await tl.tickLabels.all()) out.set((await t.textContent())!.trim(), await left(t));
  return out;
}

async function expectCurrentZoom(tl: TimelinePage, current: Zoom) {
  for (const z of ZOOMS) {
    if (z === current) await expect(tl.zoomLink(z)).toHaveAttribute('aria-current', 'true');
    else await expect(tl.zoomLink(z)).not.toHaveAttribute('aria-current', /.*/);
  }
}

/** How much wider than the window the page is (0: not at all). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.describe('the timeline', () => {
  test('shows the today line on the axis and one bar per task; actions without tasks are left out', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.heading).toHaveText('Timeline · 2022-06-30');

    // One row per task (9) and per key action that has tasks (6, 7, 8, 9 of 11).
    await expect(tl.taskRows).toHaveCount(9);
    await expect(tl.actionRows).toHaveCount(4);
    await expect(tl.rowLabels()).toHaveText(ROWS);
    await expect(tl.taskRows.locator('.gantt-bar')).toHaveCount(9);
    for (const row of await tl.taskRows.all()) await expect(row.locator('.gantt-bar')).toHaveCount(1);
    // 9.2 has no due date: its bar is drawn open (a dashed end).
    await expect(tl.row('9.2').locator('.gantt-bar')).toHaveClass(/\bopen\b/);
    await expect(tl.row('9.1').locator('.gantt-bar')).not.toHaveClass(/\bopen\b/);

    // The axis: the twelve months; today between the June and July ticks.
    const t = await ticks(tl);
    expect([...t.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
    await expect(tl.todayLine).toHaveText('Today');
    await expect(tl.todayLine).toBeVisible();
    const line = (await tl.todayLine.boundingBox())!;
    const x = line.x + line.width / 2;
    expect(x).toBeGreaterThan(t.get('2022-06')!);
    expect(x).toBeLessThan(t.get('2022-07')!);
    // A bar that runs all year (7.1 from Feb 7 to Dec 31) crosses the today line.
    const bar = (await tl.row('7.1').locator('.gantt-bar').boundingBox())!;
    expect(bar.x).toBeLessThan(x);
    expect(bar.x + bar.width).toBeGreaterThan(x);
  });

  test('each row names its task or key action in the page language; a task row links to its sheet', async ({ page }) => {
    for (const lang of ['en', 'zh'] as Lang[]) {
      const tl = new TimelinePage(page, lang);
      await tl.goto();
      await expect(tl.rowHeader('7.1')).toHaveText(`7.1 ${TITLE_71[lang]}`);
      await expect(tl.rowHeader('8')).toHaveText(`8 ${TITLE_8[lang]}`);
      // Every task row is a link; key action rows are not.
      for (const n of TASKS) await expect(tl.taskLink(n)).toHaveCount(1);
      await expect(tl.rowHeader('8').getByRole('link')).toHaveCount(0);
      await expect(tl.taskLink('7.1')).toHaveAccessibleName(`7.1 ${TITLE_71[lang]}`);
    }
    // Clicking a row's link opens that task's sheet, the language kept.
    const tl = new TimelinePage(page, 'zh');
    await tl.goto();
    await tl.taskLink('7.1').click();
    await expect(page).toHaveURL(/\/task\/[^/?]+\?lang=zh$/);
    const sheet = new SheetPage(page, 'zh');
    await sheet.waitReady();
    await expect(sheet.heading).toContainText(TITLE_71.zh);
  });

  test('the legend says what each colour and shape means, in both languages', async ({ page }) => {
    for (const lang of ['en', 'zh'] as Lang[]) {
      const tl = new TimelinePage(page, lang);
      await tl.goto();
      await expect(tl.legend.getByRole('listitem')).toHaveText(tl.tw.legendItems);
      // The swatches are drawn as the chart draws them: the red bar's colour is the red light's.
      const red = tl.legend.getByRole('listitem').filter({ hasText: new RegExp(`^${tl.w.light.red}$`) }).locator('.gantt-bar');
      await expect(red).toHaveCSS('background-color', 'rgb(217, 45, 32)');
      await expect(tl.legend.locator('.gantt-mark.overdue')).toHaveCount(1);
    }
  });

  test('an overdue milestone stands out on its red bar and is named as overdue', async ({ page }) => {
    const { sheet } = await SheetPage.fromTable(page, '7.1');
    await sheet.addMilestone('Design', '2022-05-31');
    await sheet.addMilestone('Acceptance', '2022-11-30');
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    const overdue = tl.mark('Overdue milestone 2022-05-31: Design');
    await expect(overdue).toBeVisible();
    await expect(tl.mark('Milestone 2022-11-30 · Green: Acceptance')).toBeVisible();
    await expect(tl.row('7.1').locator('.gantt-bar')).toHaveCSS('background-color', 'rgb(217, 45, 32)');
    // A dark outline and a white ring: not a red diamond on a red bar.
    await expect(overdue).toHaveCSS('border-top-color', 'rgb(17, 17, 17)');
    await expect(overdue).toHaveCSS('box-shadow', /rgb\(255, 255, 255\)/);
    // It sits on the bar, on its due day (between the May and June ticks).
    const t = await ticks(tl);
    const box = (await overdue.boundingBox())!;
    expect(box.x + box.width / 2).toBeGreaterThan(t.get('2022-05')!);
    expect(box.x + box.width / 2).toBeLessThan(t.get('2022-06')!);

    const zh = new TimelinePage(page, 'zh');
    await zh.goto();
    await expect(zh.mark('逾期节点 2022-05-31：Design')).toBeVisible();
  });

  for (const zoom of ZOOMS) {
    test(`the ${zoom} zoom steps back into the previous year and on into the next`, async ({ page }) => {
      const tl = new TimelinePage(page, 'en');
      await tl.goto({ zoom });
      await expect(tl.span).toContainText('2022-');
      for (const [next, year] of [
        [false, '2021'],
        [true, '2023'],
      ] as [boolean, string][]) {
        await tl.goto({ zoom });
        // At most a year of steps (12 months) reaches the neighbouring year;
        // each step moves to the span right after (or before) the last.
        let steps = 0;
        let last = (await tl.span.textContent())!;
        while (!last.includes(`${tl.tw.showing} ${year}-`)) {
          expect(steps, `${zoom}: ${year} reached within 12 steps`).toBeLessThan(12);
          await tl.stepLink(zoom, next).click();
          await expect(tl.span).not.toHaveText(last);
          const now = (await tl.span.textContent())!;
          const [from, to] = [...last.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => new Date(m[0]).getTime());
          const [nfrom, nto] = [...now.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => new Date(m[0]).getTime());
          if (next) expect(nfrom - to, 'the next span starts the day after').toBe(86_400_000);
          else expect(from - nto, 'the previous span ends the day before').toBe(86_400_000);
          last = now;
          steps++;
        }
        await expect(tl.tickLabels.first()).toContainText(zoom === 'month' ? /^\d{2}-01$/ : `${year}-`);
        await expect(page).toHaveURL(new RegExp(`[?&]at=${year}-`));
        await expect(tl.taskRows).toHaveCount(9);
      }
    });
  }

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
    // June 2022: the 1st, then the Mondays; today after the last Monday.
    await expect(tl.tickLabels).toHaveText(['06-01', '06-06', '06-13', '06-20', '06-27']);
    const line = (await tl.todayLine.boundingBox())!;
    expect(line.x).toBeGreaterThan((await ticks(tl)).get('06-27')!);
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

  test('a screen reader reads the chart as a table: each row its name, dates and light', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.table).toHaveAccessibleName('Timeline · Today 2022-06-30');
    await expect(tl.table.getByRole('columnheader')).toHaveText(['Key action / task 2022-01-01 – 2022-12-31', /^Schedule/]);
    await expect(tl.table.getByRole('rowheader')).toHaveCount(ROWS.length);
    await expect(tl.row('7.1').getByRole('cell')).toHaveText('2022-02-07 – 2022-12-31 · Red');
    await expect(tl.row('9.2').getByRole('cell')).toHaveText(/^\d{4}-\d{2}-\d{2} – no due date · /);
  });

  for (const lang of ['en', 'zh'] as Lang[]) {
    test(`at 375 px the page keeps to the window and the names stay while the chart scrolls (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 740 });
      const tl = new TimelinePage(page, lang);
      await tl.goto();
      expect(await pageOverflow(page), 'page wider than the window by').toBeLessThanOrEqual(0);
      await expect(tl.legend).toBeVisible();
      // The chart scrolls inside its own box…
      const scrolls = await tl.scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(scrolls).toBeGreaterThan(0);
      const name = tl.rowHeader('7.1');
      const bar = tl.row('7.1').locator('.gantt-bar');
      const [nameX, barX] = [await left(name), await left(bar)];
      await tl.scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      // …the bars move; the names stay where they were, in the window.
      await expect.poll(() => left(bar)).toBeLessThan(barX - 50);
      expect(await left(name)).toBeCloseTo(nameX, 0);
      // Within the chart's box and the window.
      const [box, frame] = [(await name.boundingBox())!, (await tl.scroller.boundingBox())!];
      expect(box.x).toBeGreaterThanOrEqual(Math.max(0, frame.x));
      expect(box.x + box.width).toBeLessThanOrEqual(Math.min(375, frame.x + frame.width));
      await expect(tl.taskLink('7.1')).toBeVisible();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await expectNoSeriousViolations(page, `/timeline at 375 px (${lang})`);
    });
  }

  test('in print, the zoom links and the scope are left out; the chart, its legend and the axis stay', async ({ page }) => {
    const tl = new TimelinePage(page, 'en');
    await tl.goto();
    await expect(tl.zoomNav).toBeVisible();
    await expect(tl.scope.form).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(tl.zoomNav).toBeHidden();
    await expect(tl.scope.form).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await expect(tl.chart).toBeVisible();
    await expect(tl.legend).toBeVisible();
    await expect(tl.todayLine).toBeVisible();
    // The axis is the table's header group: the browser repeats it on every printed page.
    await expect(tl.chart.locator('thead')).toHaveCSS('display', 'table-header-group');
    await expect(tl.tickLabels.first()).toBeVisible();
    await expect(tl.taskRows.first()).toHaveCSS('break-inside', 'avoid');
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
    const pages = pdfPageTexts(pdf);
    expect(pages.length, 'pages in the printed timeline').toBe(1);
    expect(pages[0]).toContain(`7.1 ${TITLE_71.en}`);
    expect(pages[0]).toContain('2022-01');
  });

  test('the large plan prints on pages that each carry the time axis and the task names', async ({ page }) => {
    test.skip(!existsSync(FIXTURE), `${FIXTURE} is missing: make test-e2e writes it (cargo test --lib write_large_fixture -- --ignored)`);
    test.setTimeout(90_000);
    await seedPlan(page, readFileSync(FIXTURE, 'utf8'));
    const tl = new TimelinePage(page, 'en');
    await page.goto('/timeline?lang=en');
    await expect(tl.taskRows).toHaveCount(1000, { timeout: 30_000 });
    const year = /(\d{4})-01-01/.exec((await tl.span.textContent())!)![1];
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPageTexts(await page.pdf({ preferCSSPageSize: true }));
    console.log(`the large plan's timeline: ${pages.length} A4 landscape pages`);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length, 'printed pages').toBeLessThanOrEqual(LARGE_PLAN_MAX_PAGES);
    pages.forEach((text, i) => {
      // The axis: every month of the year, on every page.
      for (let m = 1; m <= 12; m++) expect(text, `page ${i + 1} has the ${year}-${m} tick`).toContain(`${year}-${String(m).padStart(2, '0')}`);
      // And the names: a task's number followed by its title.
      expect(text, `page ${i + 1} names its tasks`).toMatch(/\b\d+\.\d+ \p{L}/u);
    });
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
    await expect(tl.todayLine).toHaveText('今天');
    await expect(tl.row('7.1').getByRole('cell')).toHaveText('2022-02-07 – 2022-12-31 · 红灯');
    await expect(tl.table.getByRole('columnheader').first()).toHaveText('专项行动 / 任务 2022-01-01 – 2022-12-31');
  });
});
