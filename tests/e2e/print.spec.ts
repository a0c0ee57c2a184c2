import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_EXPORTED, expectRevision, secondText } from './helpers/store';
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
    const stored = readFileSync(FIXTURE, 'utf8');
    await page.addInitScript((text: string) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('gongjian.plan', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored);
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
