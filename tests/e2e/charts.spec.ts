import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { BOARD_WORDS, BoardPage, LIGHTS } from './pages/board-page';
import { type Lang } from './pages/table-page';

// The board's pictures (issue 17, point 6): lights per key action, the
// burn-up against the time elapsed (序时进度) and each unit's weeks reported
// on time. Each is an SVG named by its visible heading, with the same
// figures in a table a screen reader can read; they fit a phone and pass axe.

/** The pictures' words, as in src/app/i18n/m_charts.rs. */
const W = {
  en: {
    lights: 'Lights by key action',
    burnUp: 'Completion against time elapsed',
    onTime: 'Weekly reports on time, by unit',
    figures: 'The figures as a table',
    // Kick-off 2022-02-07 to the last due date 2022-12-31 is 327 days; the board's day is 143 days in.
    summary: 'As of 2022-06-30: 0\u00a0% complete, 44\u00a0% of the time elapsed.',
    percent: (n: number) => `${n}\u00a0%`,
    dongmen: 'Dongmen Sub-district',
  },
  zh: {
    lights: '各专项行动任务灯色',
    burnUp: '完成进度与序时进度',
    onTime: '各单位按时反馈进展情况',
    figures: '数据表',
    summary: '截至 2022-06-30，完成进度 0%，序时进度 44%。',
    percent: (n: number) => `${n}%`,
    dongmen: '东门街道',
  },
} as const;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** A picture's section, found by its heading; its SVG named by that heading; its table opened. */
async function chart(page: Page, lang: Lang, heading: string): Promise<{ section: Locator; table: Locator }> {
  const section = page.getByRole('region', { name: heading, exact: true });
  // The pictures come in chunks of their own, after the board's lists:
  // on a loaded machine that takes longer than the default five seconds.
  await expect(section.getByRole('heading', { name: heading, exact: true })).toBeVisible({ timeout: 30_000 });
  const svg = section.getByRole('img', { name: heading, exact: true });
  await expect(svg).toBeVisible();
  await expect(svg).toHaveAttribute('role', 'img');
  await section.getByText(W[lang].figures, { exact: true }).click();
  const table = section.getByRole('table');
  await expect(table).toBeVisible();
  expect(await section.innerText(), 'no internal id in the picture or its table').not.toMatch(UUID);
  return { section, table };
}

/** The cells of the table's row headed by `name` (a regular expression on the row header). */
const rowCells = (table: Locator, name: RegExp) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) }).getByRole('cell');

for (const lang of ['en', 'zh'] as const) {
  const w = W[lang];
  const bw = BOARD_WORDS[lang];

  test(`the board's three pictures carry their figures in words (${lang})`, async ({ page }) => {
    const board = new BoardPage(page, lang);
    await board.goto();

    // Lights per key action: key action 8's row says what the board's key-action table says.
    const lights = await chart(page, lang, w.lights);
    const boardRow = page.getByRole('region', { name: bw.actions, exact: true }).getByRole('row').filter({ has: page.getByRole('cell', { name: '8', exact: true }) });
    const mini = await boardRow.locator('.mini-counts a').allInnerTexts();
    const expected = LIGHTS.map((l) => {
      const hit = mini.find((t) => t.startsWith(`${bw.light[l]} `));
      return hit ? hit.slice(bw.light[l].length + 1) : '0';
    });
    expect(expected.reduce((s, n) => s + Number(n), 0), 'key action 8 has tasks on the board').toBe(5);
    await expect(rowCells(lights.table, /^8 /)).toHaveText(['5', ...expected]);
    // Its header names the lights, in the board's words.
    await expect(lights.table.getByRole('columnheader')).toHaveText([/.+/, /.+/, ...LIGHTS.map((l) => bw.light[l])]);

    // The burn-up: the elapsed line from 0 at the kick-off to 100 at the window's end; nothing known after the board's day.
    const burn = await chart(page, lang, w.burnUp);
    await expect(burn.section.getByRole('img', { name: w.burnUp })).toHaveAccessibleDescription(w.summary);
    await expect(rowCells(burn.table, /^2022-02-07$/)).toHaveText([w.percent(0), w.percent(0)]);
    await expect(rowCells(burn.table, /^2022-06-30$/)).toHaveText([w.percent(0), w.percent(44)]);
    await expect(rowCells(burn.table, /^2022-12-31$/)).toHaveText(['—', w.percent(100)]);
    await expect(burn.section.locator('polyline.chart-elapsed')).toHaveCount(1);

    // On time: nobody reported on the example, so each unit owed 20 whole weeks (7 Feb to 26 June) and sent none.
    const onTime = await chart(page, lang, w.onTime);
    await expect(rowCells(onTime.table, new RegExp(`^${w.dongmen}$`))).toHaveText(['20', '0', w.percent(0)]);

    await expectNoSeriousViolations(page, `the board's pictures (${lang}, 1366 px)`);
  });

  test(`the pictures fit a phone and pass axe there (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const board = new BoardPage(page, lang);
    await board.goto();
    for (const h of [w.lights, w.burnUp, w.onTime]) await chart(page, lang, h);
    const { inner, scroll } = await page.evaluate(() => ({ inner: window.innerWidth, scroll: document.documentElement.scrollWidth }));
    expect(scroll, 'the board is no wider than the phone').toBeLessThanOrEqual(inner);
    for (const svg of await page.locator('svg.chart').all()) {
      const box = await svg.boundingBox();
      expect(box && box.x + box.width, 'each picture within the window').toBeLessThanOrEqual(inner);
    }
    await expectNoSeriousViolations(page, `the board's pictures (${lang}, 375 px)`);
  });
}
