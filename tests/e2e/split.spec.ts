import { expect, test, type Page, type Request } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { TimelinePage } from './pages/timeline-page';

// The release wasm is split (tools/split.mjs): the start-up module
// `gongjian-<hash>_bg.wasm` holds the board; every other page is a chunk of
// its own, `gongjian-<hash>.split_page_<name>.wasm`, fetched on the page's
// first visit (src/app/shell.rs, lazy_page). The service worker would fetch
// every file to keep it offline; it is blocked here so that only the page's
// own requests are seen. The small chunks that several pages share are packed
// into one file, `gongjian-<hash>.chunks.<hash>.bin`.
test.use({ serviceWorkers: 'block' });

const START = /\/gongjian-[0-9a-f]+_bg\.wasm$/;
const chunk = (name: string) => new RegExp(`/gongjian-[0-9a-f]+\\.split_page_${name}\\.wasm$`);
const ANY_PAGE_CHUNK = /\/gongjian-[0-9a-f]+\.split_page_\w+\.wasm$/;
/** The small chunks several pages share, packed into one file. */
const PACK = /\/gongjian-[0-9a-f]+\.chunks\.[0-9a-f]+\.bin$/;

/** Every URL the page requests, from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(r.url()));
  return urls;
}

const count = (urls: string[], re: RegExp) => urls.filter((u) => re.test(u)).length;

test.describe('pages load when first visited', () => {
  test("a page's chunk is fetched on its first visit only, and the page then renders", async ({ page }) => {
    const urls = recordRequests(page);
    await page.goto('/?lang=en');
    await new BoardPage(page, 'en').waitReady();
    // Let the browser go idle (the import chunk is fetched then; no page's).
    await page.waitForLoadState('networkidle');
    expect(count(urls, START), 'the start-up wasm').toBe(1);
    expect(urls.filter((u) => ANY_PAGE_CHUNK.test(u)), 'no page chunk at start').toEqual([]);

    const nav = page.getByRole('banner').getByRole('navigation');
    await nav.getByRole('link', { name: 'Timeline', exact: true }).click();
    const tl = new TimelinePage(page, 'en');
    await expect(tl.chart).toBeVisible();
    await expect(tl.taskRows).toHaveCount(9);
    expect(count(urls, chunk('timeline')), 'the timeline chunk, on the first visit').toBe(1);
    // Only the page visited: the others' chunks are still not fetched.
    expect(urls.filter((u) => ANY_PAGE_CHUNK.test(u) && !chunk('timeline').test(u))).toEqual([]);

    // Back to the board and to the timeline again: rendered from the chunk
    // already there, without fetching it again.
    await nav.getByRole('link', { name: 'Board', exact: true }).click();
    await new BoardPage(page, 'en').waitReady();
    await nav.getByRole('link', { name: 'Timeline', exact: true }).click();
    await expect(tl.chart).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0);
    expect(count(urls, chunk('timeline'))).toBe(1);
    expect(count(urls, START)).toBe(1);
  });

  test("a first visit fetches the page's code in a few dozen files: the small shared chunks come in one", async ({ page }) => {
    const urls = recordRequests(page);
    await page.goto('/table?lang=en');
    await expect(page.getByRole('table').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    const code = urls.filter((u) => /\/gongjian-[0-9a-f]+[._][^/]*\.(wasm|bin)$/.test(u));
    // The table and the import chunk, and the code they share with other
    // pages: 284 files before the small ones were packed.
    expect(count(code, PACK), 'the pack, once').toBe(1);
    expect(code.length, `the app's code files fetched: ${code.length}`).toBeLessThanOrEqual(50);
    expect(count(code, chunk('table'))).toBe(1);

    // Another page needs only its own large files: the pack is there.
    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: 'Timeline', exact: true }).click();
    await expect(new TimelinePage(page, 'en').chart).toBeVisible();
    expect(count(urls, PACK), 'the pack is not fetched again').toBe(1);
  });

  test('"Loading…" shows while a chunk is on its way, and a chunk that cannot be fetched says so', async ({ page }) => {
    // The change trail's chunk is held back until released.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(chunk('trail'), async (route) => {
      await held;
      await route.continue();
    });
    // The weekly page's chunk never arrives.
    await page.route(chunk('weekly'), (route) => route.abort());

    await page.goto('/trail?lang=en');
    const loading = page.getByRole('status').filter({ hasText: 'Loading…' });
    await expect(loading).toBeVisible();
    release();
    await expect(page.getByRole('heading', { name: 'Changes made by a unit' })).toBeVisible();
    await expect(loading).toHaveCount(0);

    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: 'Weekly reports', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'This page could not be loaded.' });
    await expect(failed).toBeVisible();
    await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();
    // The rest of the app still works.
    await page.getByRole('banner').getByRole('navigation').getByRole('link', { name: 'Board', exact: true }).click();
    await new BoardPage(page, 'en').waitReady();

    // And in Chinese.
    await page.goto('/weekly?lang=zh');
    await expect(page.getByRole('alert').filter({ hasText: '无法加载此页面' })).toBeVisible();
  });
});
