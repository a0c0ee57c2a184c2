import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectLandscape, printPages, squeezed } from './helpers/pdf';
import { KEY_EXPORTED, expectRevision, secondText, seedPlan } from './helpers/store';
import { AppraisalPage, HearingPage } from './pages/appraisal-page';
import { BoardPage } from './pages/board-page';
import { exportReminder } from './pages/settings-page';
import { TablePage } from './pages/table-page';

// The large plan (1,000 tasks) `make test-e2e` writes from the Rust generator.
const FIXTURE = join(__dirname, '..', '..', 'target', 'e2e-large-plan.json');
/** A4 landscape in PDF points. */
const A4_LANDSCAPE = [841.89, 595.28];

test.describe('printing the table', () => {
  test('print hides the buttons, navigation, filters, exports and banners, and repeats the header row', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    // Bring up a banner besides the example's: the export reminder.
    await t.taskButton('moveUp', '8.2').click();
    await expectRevision(page, 1);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY_EXPORTED, JSON.stringify({ at: secondText(Date.now() - 8 * 86_400_000), revision: 0 })]);
    await page.reload();
    await t.waitReady();

    const nav = page.getByRole('banner').getByRole('navigation');
    const exportCsv = page.getByRole('button', { name: 'Export CSV', exact: true });
    const reminder = exportReminder(page).banner;
    const onScreen = [nav, t.langSwitch, t.filters, exportCsv, t.exampleBanner, reminder, t.addActionButton, t.taskButton('edit', '8.1')];
    for (const l of onScreen) await expect(l).toBeVisible();
    expect(await page.locator('button:visible').count()).toBeGreaterThan(10);
    const actionsHeader = t.table.getByRole('columnheader', { name: 'Actions', exact: true });
    await expect(actionsHeader).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    for (const l of onScreen) await expect(l).toBeHidden();
    // No button at all, and no form control, is printed.
    await expect(page.locator('button:visible')).toHaveCount(0);
    await expect(page.locator('input:visible, select:visible')).toHaveCount(0);
    await expect(actionsHeader).toBeHidden();
    // The table, its title and its rows are printed.
    await expect(t.table).toBeVisible();
    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toBeVisible();
    await expect(t.taskTitle('8.1')).toBeVisible();
    const thead = await t.table.locator('thead').evaluate((el) => getComputedStyle(el).display);
    expect(thead).toBe('table-header-group');
    const breakInside = await t.taskRow('8.1').evaluate((el) => getComputedStyle(el).breakInside);
    expect(breakInside).toBe('avoid');
    // The page is the named page "table": A4 landscape with page numbers.
    expect(await page.locator('body').evaluate((el) => getComputedStyle(el).page)).toBe('table');
    const rule = await page.evaluate(() => {
      for (const sheet of [...document.styleSheets]) {
        for (const r of [...sheet.cssRules]) {
          if (r instanceof CSSPageRule && r.selectorText === 'table') return r.cssText;
        }
      }
      return '';
    });
    expect(rule).toMatch(/size:\s*A4 landscape/i);
    expect(rule).toMatch(/@bottom-center\s*\{[^}]*counter\(page\)/);

    // Back on screen, everything returns.
    await page.emulateMedia({ media: 'screen' });
    for (const l of onScreen) await expect(l).toBeVisible();
  });

  test('the large plan prints to many A4 landscape pages', async ({ page }) => {
    test.skip(!existsSync(FIXTURE), `${FIXTURE} is missing: make test-e2e writes it (cargo test --lib write_large_fixture -- --ignored)`);
    test.setTimeout(60_000);
    await seedPlan(page, readFileSync(FIXTURE, 'utf8'));
    await page.goto('/table?lang=en');
    const t = new TablePage(page, 'en');
    await expect(t.shownStatus).toHaveText(/1000 \/ 1000/, { timeout: 30_000 });

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);

    // Page count: the page tree's root /Count (the largest), and the pages themselves.
    const counts = [...text.matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
    const pages = Math.max(...counts);
    expect(pages).toBeGreaterThan(1);
    expect(text.match(/\/Type\s*\/Page\b/g)?.length).toBe(pages);

    // Every page is A4 landscape.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThan(0);
    for (const [x0, y0, x1, y1] of boxes) {
      expect(Math.abs(x1 - x0 - A4_LANDSCAPE[0])).toBeLessThanOrEqual(1);
      expect(Math.abs(y1 - y0 - A4_LANDSCAPE[1])).toBeLessThanOrEqual(1);
    }
    console.log(`large plan: ${pages} A4 landscape pages, ${Math.round(pdf.length / 1024)} KB`);
  });

  test('the example table prints A4 landscape too (one or more pages)', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await page.emulateMedia({ media: 'print' });
    const text = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => m.slice(1).map(Number));
    expect(boxes.length).toBeGreaterThan(0);
    for (const [x0, y0, x1, y1] of boxes) {
      expect(Math.abs(x1 - x0 - A4_LANDSCAPE[0])).toBeLessThanOrEqual(1);
      expect(Math.abs(y1 - y0 - A4_LANDSCAPE[1])).toBeLessThanOrEqual(1);
    }
  });
});

/** Every table in `scope` repeats its header row on each printed page and keeps its rows whole. */
async function expectTablesPrintWhole(page: import('@playwright/test').Page, scope: string) {
  const tables = await page.locator(`${scope} table`).evaluateAll((ts) =>
    ts.map((t) => ({
      head: t.tHead ? getComputedStyle(t.tHead).display : 'none',
      rows: [...t.querySelectorAll('tbody tr')].map((r) => getComputedStyle(r).breakInside),
    })),
  );
  expect(tables.length).toBeGreaterThan(0);
  for (const t of tables) {
    expect(t.head).toBe('table-header-group');
    expect(t.rows.every((b) => b === 'avoid')).toBe(true);
  }
}

/** No figure or count breaks over two lines: each is one line box. */
async function expectFiguresOnOneLine(page: import('@playwright/test').Page, selector: string) {
  const lines = await page.locator(selector).evaluateAll((els) => els.map((e) => [e.textContent ?? '', e.getClientRects().length] as const));
  expect(lines.length).toBeGreaterThan(0);
  for (const [text, n] of lines) expect(n, `"${text}" on one line`).toBe(1);
}

/**
 * Every printed "N %" in `scope` cannot part over two lines: a no-break
 * space before the sign, or a parent that does not wrap. Returns how many.
 */
async function expectPercentagesWhole(page: import('@playwright/test').Page, scope: string): Promise<number> {
  const { seen, breakable } = await page.locator(scope).evaluateAll((roots) => {
    const breakable: string[] = [];
    let seen = 0;
    for (const root of roots) {
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const parent = n.parentElement;
        if (!parent || !parent.checkVisibility()) continue;
        for (const m of (n.textContent ?? '').matchAll(/\d(\s)%/g)) {
          seen++;
          if (m[1] !== '\u00a0' && getComputedStyle(parent).whiteSpace !== 'nowrap') breakable.push(n.textContent ?? '');
        }
      }
    }
    return { seen, breakable };
  });
  expect(breakable, 'a percentage that may wrap').toEqual([]);
  return seen;
}

test.describe('printing the board, the hearing pack and the appraisal', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`the board prints on a few A4 landscape pages (4 with its lists and charts), its figures on one line (${lang})`, async ({ page }) => {
      const b = new BoardPage(page, lang);
      await b.goto();
      // The lists and the charts below the figures come in chunks of their own.
      await expect(b.actionsTable).toBeVisible();
      await expect(page.locator('.board svg[role="img"]').first()).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('body').evaluate((el) => getComputedStyle(el).page)).toBe('table');
      await expectTablesPrintWhole(page, '.board');
      await expectFiguresOnOneLine(page, '.board .bar-figure, .board .mini-counts a, .board .light-counts li, .board td.date');
      expect(await expectPercentagesWhole(page, '.board')).toBeGreaterThan(11);
      const pages = await printPages(page);
      expectLandscape(pages);
      // The example's board: 11 key actions, 20-odd units, the lists.
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(5);
      expect(squeezed(pages[0].text)).toContain(squeezed(b.w.board));
      expect(squeezed(pages.map((p) => p.text).join(' '))).toContain(squeezed(b.w.units));
      console.log(`board (${lang}): ${pages.length} A4 landscape pages`);
    });
  }

  test('the hearing pack prints on A4 landscape with its tables whole', async ({ page }) => {
    const h = new HearingPage(page, 'en');
    await h.goto();
    await h.chooseAction(7);
    await h.since.fill('2022-01-01');
    await expect(page).toHaveURL(/since=2022-01-01/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('body').evaluate((el) => getComputedStyle(el).page)).toBe('table');
    await expectTablesPrintWhole(page, '.hearing-page');
    // Key action 7's tasks are behind pace: "progress 0 % at 44 % of the time".
    expect(await expectPercentagesWhole(page, '.hearing-page')).toBeGreaterThan(0);
    const pages = await printPages(page);
    expectLandscape(pages);
    expect(pages.length).toBeLessThanOrEqual(4);
    expect(squeezed(pages[0].text)).toContain(squeezed(h.w.hearingTitle));
  });

  for (const lang of ['en', 'zh'] as const) {
    test(`the appraisal prints its unit, period, score and facts from page 1, the header on every page (${lang})`, async ({ page }) => {
      const a = new AppraisalPage(page, lang);
      await a.goto();
      await a.choose(lang === 'en' ? 'Dongmen Sub-district' : '东门街道', '2022-01-01', '2022-12-31');
      await expect(a.factRows.first()).toBeVisible();
      const facts = await a.rows();
      const score = await a.scoreValue();
      const header = await a.facts.locator('thead th').allInnerTexts();
      expect(header).toHaveLength(5);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('body').evaluate((el) => getComputedStyle(el).page)).toBe('table');
      await expectTablesPrintWhole(page, '.appraisal-page');
      // Full width: the table is as wide as the printed page's content box.
      const [table, main] = await Promise.all([a.facts.evaluate((t) => t.getBoundingClientRect().width), page.locator('main').evaluate((m) => m.clientWidth)]);
      expect(table).toBeGreaterThan(main * 0.9);

      const pages = await printPages(page);
      expectLandscape(pages);
      // Dongmen's 2022: about 60 facts, about 20 to a page.
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(facts.length / 12) + 1);
      const first = squeezed(pages[0].text);
      // Page 1: whose, for when, the score, and the facts (not the score alone).
      expect(first).toContain(squeezed(lang === 'en' ? 'Dongmen Sub-district' : '东门街道'));
      expect(first).toContain('2022-01-01');
      expect(first).toContain('2022-12-31');
      expect(first).toContain(String(score));
      expect(first).toContain(squeezed(facts[0].fact));
      expect(first).toContain(squeezed(facts[1].fact));
      // Every page with a fact on it carries the header row.
      const factTexts = facts.map((f) => squeezed(f.fact));
      let withFacts = 0;
      for (const [i, p] of pages.entries()) {
        const t = squeezed(p.text);
        if (!factTexts.some((f) => t.includes(f))) continue;
        withFacts++;
        for (const h of header) expect(t, `page ${i + 1} has the header "${h}"`).toContain(squeezed(h));
      }
      expect(withFacts).toBeGreaterThanOrEqual(2);
      // No fact is cut in two across pages: each is whole on some page.
      for (const f of factTexts) expect(pages.some((p) => squeezed(p.text).includes(f)), f).toBe(true);
      console.log(`appraisal (${lang}): ${facts.length} facts, ${pages.length} A4 landscape pages`);
    });
  }
});
