import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousViolations } from './helpers/axe';
import { printPages, squeezed } from './helpers/pdf';
import { HearingPage } from './pages/appraisal-page';
import { BoardPage } from './pages/board-page';
import { BulletinPage, documentXml, figures } from './pages/bulletin-page';

// The supervision bulletin (督查专报, issue 18 point 4): its figures agree
// with the board's, the period can be changed, and the same words are
// copied as text, downloaded as Word and printed on A4.

/** A4 portrait in PDF points. */
const A4 = [595.28, 841.89];

test.describe('the supervision bulletin (zh)', () => {
  test('its sentence agrees with the board\'s counts per light', async ({ page }) => {
    const board = new BoardPage(page, 'zh');
    await board.goto();
    const counts = await board.counts();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);

    const b = new BulletinPage(page, 'zh');
    await b.goto();
    const f = await b.figures();
    expect(f.tasks).toBe(total);
    expect(f.done).toBe(counts.done);
    expect(f.done + f.onSchedule + f.overdue).toBe(f.tasks);
    expect(f.difficulties).toBeLessThanOrEqual(f.onSchedule);
    // The red list has the board's red tasks, one row each.
    await expect(b.table('红灯任务').locator('tbody tr')).toHaveCount(counts.red);
    // The default period: the month of the example's as-of date, up to it.
    await expect(b.from).toHaveValue('2022-06-01');
    await expect(b.to).toHaveValue('2022-06-30');
    await expect(b.sentence).toContainText('截至2022-06-30');
    // The key actions as the table numbers them, 1 to 11.
    await expect(b.table('各专项行动推进情况').locator('tbody tr td:first-child')).toHaveText(Array.from({ length: 11 }, (_, i) => String(i + 1)));
    // No English word on the Chinese page's document.
    const text = (await b.region.locator('article').innerText()) ?? '';
    expect(text).not.toMatch(/\b(Red|Done|overdue|not started|task)\b/);
  });

  test('the period changes with its date inputs, and lives in the URL', async ({ page }) => {
    const b = new BulletinPage(page, 'zh');
    await b.goto();
    await b.setDate(b.from, '2022-03-01');
    await b.setDate(b.to, '2022-04-30');
    await expect(page).toHaveURL(/from=2022-03-01/);
    await expect(page).toHaveURL(/to=2022-04-30/);
    await expect(b.region.locator('.bulletin-period')).toHaveText('（2022-03-01至2022-04-30）');
    await expect(b.sentence).toContainText('截至2022-04-30');
    const f = await b.figures();
    expect(f.done + f.onSchedule + f.overdue).toBe(f.tasks);
    // An end after the as-of date is taken as the as-of date, and said.
    await b.setDate(b.to, '2022-12-31');
    await expect(b.sentence).toContainText('截至2022-06-30');
    await expect(b.region.getByText('截止日期不晚于当前查看日期')).toBeVisible();
  });

  test('copies the text, downloads a Word file with the same sentence, and prints on a few A4 pages', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const b = new BulletinPage(page, 'zh');
    await b.goto();
    const sentence = ((await b.sentence.textContent()) ?? '').trim();
    expect(figures(sentence).tasks).toBeGreaterThan(0);

    await b.copy.click();
    await expect(b.status).toContainText('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('督查专报');
    expect(copied).toContain(sentence);
    expect(copied).toContain('三、红灯任务');

    const [download] = await Promise.all([page.waitForEvent('download'), b.word.click()]);
    expect(download.suggestedFilename()).toMatch(/督查专报\.2022-06-30\.docx$/);
    const path = await download.path();
    expect((await readFile(path)).subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = documentXml(path);
    expect(xml).toContain(sentence);
    const firstRed = ((await b.table('红灯任务').locator('tbody tr').first().locator('td').nth(1).textContent()) ?? '').trim();
    expect(firstRed.length).toBeGreaterThan(0);
    expect(xml).toContain(firstRed);

    const pages = await printPages(page);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length, 'the example\'s bulletin prints on a few pages').toBeLessThanOrEqual(3);
    for (const [i, p] of pages.entries()) {
      expect(Math.abs(p.width - A4[0]), `page ${i + 1} width`).toBeLessThanOrEqual(1);
      expect(Math.abs(p.height - A4[1]), `page ${i + 1} height`).toBeLessThanOrEqual(1);
    }
    const printed = squeezed(pages.map((p) => p.text).join(''));
    expect(printed).toContain(squeezed(sentence));
    // Nothing of the page's controls is printed.
    expect(printed).not.toContain(squeezed('复制文字'));
  });

  test('fits a phone and is axe-clean', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    const b = new BulletinPage(page, 'zh');
    await b.goto();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(375);
    await expectNoSeriousViolations(page, '/bulletin at 375 px (zh)');
  });
});

test.describe('the hearing pack as Word', () => {
  test('downloads the pack of a key action with its tasks', async ({ page }) => {
    const h = new HearingPage(page, 'zh');
    await h.goto();
    await h.chooseAction(8);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word（.docx）', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const xml = documentXml(await download.path());
    expect(xml).toContain('月度听取汇报材料');
    expect(xml).toContain('推进河道修复');
  });
});

test.describe('the supervision bulletin (en)', () => {
  test('says the same figures in English', async ({ page }) => {
    const zh = new BulletinPage(page, 'zh');
    await zh.goto();
    const f = await zh.figures();
    const en = new BulletinPage(page, 'en');
    await en.goto();
    expect(await en.figures()).toEqual(f);
    await expect(en.table('Red tasks')).toBeVisible();
  });
});
