import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveCopy, waitForControl, type Served } from './helpers/serve';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// The build the suite serves at BASE_URL (`make test-e2e` serves dist/).
const DIST = process.env.DIST_DIR ?? join(__dirname, '..', '..', 'dist');

/** A fetch of a path that no build has, made from the page (through the worker). */
function probe(page: Page): Promise<string> {
  return page.evaluate(() =>
    fetch(`no-such-file-${Date.now()}.txt`, { cache: 'no-store' }).then(
      (r) => `status ${r.status}`,
      (e) => `failed: ${e}`,
    ),
  );
}

test.describe('offline', () => {
  test('after one visit the app opens, edits and saves with the network off, deep links too', async ({ page, context }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    const id = await t.openSheet('8.1');
    await waitForControl(page);
    // Online, a path no build has gets the app's page (the worker passes
    // what it does not keep on to the network).
    expect(await probe(page)).toBe('status 200');

    await context.setOffline(true);
    // The network really is off, for the page and for its service worker.
    expect(await probe(page)).toMatch(/^failed/);

    await page.goto('/table?lang=en');
    await t.waitReady();
    await t.expectShown(9, 9);
    const title81 = await t.taskTitle('8.1').textContent();
    const title82 = await t.taskTitle('8.2').textContent();

    // An edit works and is stored.
    await t.taskButton('moveUp', '8.2').click();
    await expect(t.taskTitle('8.1')).toHaveText(title82!);
    await expect.poll(async () => (await t.storedEnvelope())?.revision).toBe(1);

    // A reload, still offline, shows the stored edit.
    await page.reload();
    await t.waitReady();
    await expect(t.taskTitle('8.1')).toHaveText(title82!);

    // A deep link to a task's sheet opens offline too (the task that was
    // 8.1 is 8.2 now).
    const sheet = new SheetPage(page, 'en');
    await sheet.goto(id);
    await expect(sheet.heading).toHaveText(`8.2 ${title81}`);
    await expect(page).toHaveURL(new RegExp(`/task/${id}\\?lang=en$`));

    await context.setOffline(false);
  });

  test.describe('a newly published version', () => {
    let served: Served;
    test.beforeEach(async () => {
      served = await serveCopy(DIST);
    });
    test.afterEach(async () => {
      await served?.stop();
    });

    test('is offered in a banner, and "Reload into the new version" reloads into it', async ({ page }) => {
      const t = new TablePage(page, 'en');
      await page.goto(`${served.url}table?lang=en`);
      await t.waitReady();
      await waitForControl(page);
      const before = await page.evaluate(async () => ({
        caches: await caches.keys(),
        script: navigator.serviceWorker.controller!.scriptURL,
      }));
      expect(before.caches).toHaveLength(1);
      expect(before.script).toBe(`${served.url}sw.js`);
      const banner = page.getByRole('status').filter({ hasText: 'A new version of the app is available.' });
      await expect(banner).toHaveCount(0);

      // Publish a "new version": another worker (a new cache name and a
      // comment) and another page.
      const sw = join(served.dir, 'sw.js');
      const text = await readFile(sw, 'utf8');
      const version = /const VERSION = '([^']+)';/.exec(text)![1];
      await writeFile(sw, text.replace(`const VERSION = '${version}';`, `const VERSION = '${version}-next';`));
      await appendFile(sw, '\n// e2e: the next version\n');
      const index = join(served.dir, 'index.html');
      const html = await readFile(index, 'utf8');
      await writeFile(index, html.replace('</head>', '<meta name="e2e-version" content="next" /></head>'));

      // Marks that a reload removes.
      await page.evaluate(() => ((window as any).__beforeUpdate = true));
      // The page checks for an update when it becomes visible again; ask now.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));

      await expect(banner).toBeVisible({ timeout: 15_000 });
      // The old worker still controls the page until the person agrees.
      expect(await page.evaluate(() => (window as any).__beforeUpdate)).toBe(true);
      const reload = banner.getByRole('button', { name: 'Reload into the new version', exact: true });
      await reload.click();

      // The page reloads, under the new worker.
      const mark = () => page.evaluate(() => (window as any).__beforeUpdate ?? null).catch(() => 'reloading');
      await expect.poll(mark, { timeout: 15_000 }).toBeNull();
      await t.waitReady();
      await waitForControl(page);
      await expect(page.locator('meta[name="e2e-version"]')).toHaveAttribute('content', 'next');
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`gongjian-${version}-next`]);
      const after = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: reg!.waiting !== null, state: navigator.serviceWorker.controller!.state };
      });
      expect(after).toEqual({ waiting: false, state: 'activated' });
      await expect(banner).toHaveCount(0);
    });
  });

  test('the web app manifest is served with a name and icons, and the icons load', async ({ page, request }) => {
    await page.goto('/?lang=en');
    const href = await page.locator('link[rel="manifest"]').evaluate((l: HTMLLinkElement) => l.href);
    const res = await request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await res.json();
    expect(manifest.name).toContain('Gongjian');
    expect(manifest.short_name).toBeTruthy();
    expect(manifest.start_url).toBeTruthy();
    expect(manifest.display).toBe('standalone');
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    expect(icons.length).toBeGreaterThan(0);
    expect(icons.some((i) => i.sizes === '192x192')).toBe(true);
    expect(icons.some((i) => i.sizes === '512x512')).toBe(true);
    for (const icon of icons) {
      const url = new URL(icon.src, href).href;
      const r = await request.get(url);
      expect(r.status(), url).toBe(200);
      expect(r.headers()['content-type'], url).toContain(icon.type);
      const body = await r.body();
      if (icon.type === 'image/png') {
        // PNG signature, then the IHDR width and height.
        expect(body.subarray(1, 4).toString('latin1'), url).toBe('PNG');
        const [w, h] = icon.sizes.split('x').map(Number);
        expect([body.readUInt32BE(16), body.readUInt32BE(20)], url).toEqual([w, h]);
      } else {
        expect(body.toString('utf8'), url).toContain('<svg');
      }
    }
    // The page's own icon link resolves too.
    const touch = await page.locator('link[rel="apple-touch-icon"]').evaluate((l: HTMLLinkElement) => l.href);
    expect((await request.get(touch)).status()).toBe(200);
  });
});
