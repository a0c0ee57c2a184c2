import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BoardPage } from './pages/board-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';
import { TimelinePage } from './pages/timeline-page';

// The build made for a sub-path (`make pages`: --public-url /gongjian/),
// served as GitHub Pages serves it: files under /gongjian/, and any other
// path gets 404.html with status 404. `make test-e2e` sets PAGES_URL.
const PAGES = process.env.PAGES_URL;
const BASE = PAGES ? new URL(PAGES).pathname : '/gongjian/';
const at = (path: string) => new URL(path, PAGES).href;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A URL whose path is BASE + `rest` (a regex source), with any query. */
const under = (rest: string) => new RegExp(`^https?://[^/]+${escape(BASE)}${rest}(\\?.*)?$`);

async function open(page: Page, path: string, expectStatus?: number) {
  const res = await page.goto(at(path));
  if (expectStatus !== undefined) expect(res?.status(), path).toBe(expectStatus);
}

test.describe('hosting under a sub-path (GitHub Pages)', () => {
  test.skip(!PAGES, 'PAGES_URL is not set: serve dist-pages with .ci/serve.py --base /gongjian/ --pages and set PAGES_URL=http://127.0.0.1:<port>/gongjian/');

  test('a deep link loads through 404.html and the app renders it', async ({ page }) => {
    // The host has no file "table": it answers 404 with 404.html, the app.
    await open(page, 'table?lang=en', 404);
    const t = new TablePage(page, 'en');
    await t.waitReady();
    await t.expectShown(9, 9);
    await expect(page).toHaveURL(under('table'));

    // The root is a real file.
    await open(page, '?lang=en', 200);
    await new BoardPage(page, 'en').waitReady();

    // A query survives the detour: the timeline at its month zoom.
    await open(page, 'timeline?zoom=month&lang=en', 404);
    const tl = new TimelinePage(page, 'en');
    await tl.waitReady();
    await expect(tl.zoomLink('month')).toHaveAttribute('aria-current', 'true');
  });

  test('the header navigation stays under the sub-path, and each page reloads', async ({ page }) => {
    await open(page, '?lang=en');
    await new BoardPage(page, 'en').waitReady();
    const nav = page.getByRole('banner').getByRole('navigation');
    const links: [string, string][] = [
      ['Responsibility table', 'table'],
      ['Timeline', 'timeline'],
      ['Units and people', 'units'],
      ['Exchange', 'exchange'],
      ['Settings', 'settings'],
      ['Board', ''],
    ];
    for (const [name, path] of links) {
      const link = nav.getByRole('link', { name, exact: true });
      await expect(link, name).toHaveAttribute('href', new RegExp(`^${escape(BASE)}${path}(\\?|$)`));
      await link.click();
      await expect(page, name).toHaveURL(under(path));
      await expect(link, name).toHaveAttribute('aria-current', 'page');
    }
    // A page reached by navigation reloads (through 404.html) to itself.
    await nav.getByRole('link', { name: 'Units and people', exact: true }).click();
    await expect(page).toHaveURL(under('units'));
    await page.reload();
    await expect(page).toHaveURL(under('units'));
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('There is no such page.');
  });

  test('a task sheet link works and the sheet reloads', async ({ page }) => {
    await open(page, 'table?lang=en');
    const t = new TablePage(page, 'en');
    await t.waitReady();
    const title = await t.taskTitle('8.1').textContent();
    await expect(t.taskLink('8.1')).toHaveAttribute('href', new RegExp(`^${escape(BASE)}task/[0-9a-f-]{36}\\?lang=en$`));
    await t.taskLink('8.1').click();
    await expect(page).toHaveURL(under('task/[0-9a-f-]{36}'));
    const sheet = new SheetPage(page, 'en');
    await sheet.waitReady();
    await expect(sheet.heading).toHaveText(`8.1 ${title}`);

    await page.reload();
    await sheet.waitReady();
    await expect(sheet.heading).toHaveText(`8.1 ${title}`);
    await expect(page).toHaveURL(under('task/[0-9a-f-]{36}'));
  });

  test('the board\'s links stay under the sub-path', async ({ page }) => {
    await open(page, '?lang=en');
    const b = new BoardPage(page, 'en');
    await b.waitReady();
    const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const h of hrefs) expect(h, h).toMatch(new RegExp(`^${escape(BASE)}`));
    await b.totalLink.click();
    await expect(page).toHaveURL(under('table'));
    await new TablePage(page, 'en').expectShown(9, 9);
  });

  test('the language switch keeps the path and the query under the sub-path', async ({ page }) => {
    await open(page, 'timeline?zoom=quarter&lang=en');
    await new TimelinePage(page, 'en').waitReady();
    await page.getByRole('banner').getByRole('button', { name: '中文', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveURL(under('timeline'));
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('zh');
    expect(url.searchParams.get('zoom')).toBe('quarter');
    await new TimelinePage(page, 'zh').waitReady();
    await expect(page.getByRole('main')).not.toContainText('没有这个页面。');
  });

  test('the language switch without a forced language leaves the URL alone', async ({ page }) => {
    await open(page, 'units');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
    const before = page.url();
    // The browser's language (en-US) is the starting one.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('banner').getByRole('button', { name: '中文', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(page.url()).toBe(before);
    // The choice is remembered across a reload of the deep link.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveURL(under('units'));
    await expect(page.getByRole('main')).not.toContainText('没有这个页面。');
  });

  test('filters and the board\'s scope keep the sub-path', async ({ page }) => {
    await open(page, 'table?lang=en');
    const t = new TablePage(page, 'en');
    await t.waitReady();
    await t.lightFilter.selectOption('red');
    await expect(page).toHaveURL(under('table'));
    expect(new URL(page.url()).searchParams.get('light')).toBe('red');
    await t.waitReady();

    await open(page, '?lang=en');
    const b = new BoardPage(page, 'en');
    await b.waitReady();
    await b.scope.unit.selectOption({ index: 1 });
    await expect(page).toHaveURL(under(''));
    expect(new URL(page.url()).searchParams.get('unit')).toBeTruthy();
    await b.waitReady();
  });

  test('the timeline\'s zoom links keep the sub-path', async ({ page }) => {
    await open(page, 'timeline?lang=en');
    const tl = new TimelinePage(page, 'en');
    await tl.waitReady();
    for (const z of ['month', 'year', 'quarter'] as const) {
      const link = tl.zoomLink(z);
      await expect(link).toHaveAttribute('href', new RegExp(`^${escape(BASE)}timeline\\?`));
      await link.click();
      await expect(page).toHaveURL(under('timeline'));
      expect(new URL(page.url()).searchParams.get('zoom')).toBe(z);
      await tl.waitReady();
      await expect(tl.zoomLink(z)).toHaveAttribute('aria-current', 'true');
    }
  });

  test('the spreadsheet exports work under the sub-path (the XLSX worker loads from it)', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await open(page, 'table?lang=en');
    const t = new TablePage(page, 'en');
    await t.waitReady();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.table.csv');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Excel (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.table.xlsx');
    expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(workers).toEqual([at('gongjian-xlsx_loader.js')]);
  });

  test('the service worker is registered for the sub-path', async ({ page }) => {
    await open(page, '?lang=en');
    await new BoardPage(page, 'en').waitReady();
    const reg = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { scope: r.scope, script: r.active!.scriptURL };
    });
    expect(reg).toEqual({ scope: at(''), script: at('sw.js') });
  });

  test('the exchange schema is served under the sub-path', async ({ request }) => {
    const res = await request.get(at('schema/gongjian-exchange-v1.json'));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
    const served = await res.json();
    const checkedIn = JSON.parse(await readFile(join(__dirname, '..', '..', 'schema', 'gongjian-exchange-v1.json'), 'utf8'));
    expect(served).toEqual(checkedIn);
    // Outside the sub-path there is nothing.
    const outside = await request.get(new URL('/schema/gongjian-exchange-v1.json', PAGES).href);
    expect(outside.status()).toBe(404);
  });
});
