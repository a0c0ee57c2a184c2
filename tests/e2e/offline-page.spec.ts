import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { serveCopy, waitForControl, type Served } from './helpers/serve';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// The build the suite serves at BASE_URL (`make test-e2e` serves dist/).
const DIST = process.env.DIST_DIR ?? join(__dirname, '..', '..', 'dist');

// The service worker keeps only the app as the app's page (issue 14, the
// offline page and deep links on a plain static host).
test.describe('the offline page', () => {
  test('opening the manifest and the schema in the tab does not replace the app offline', async ({ page, context }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await waitForControl(page);

    // Other files of the build, opened in the tab: each shows as itself.
    for (const file of ['manifest.webmanifest', 'schema/gongjian-exchange-v1.json']) {
      const res = await page.goto(file);
      expect(res?.status(), file).toBe(200);
      expect(res?.headers()['content-type'], file).not.toContain('text/html');
    }

    await context.setOffline(true);
    // The app's pages still get the app, and a reload too.
    await page.goto('/table?lang=en');
    await t.waitReady();
    await t.expectShown(9, 9);
    await page.reload();
    await t.waitReady();
    // The kept manifest opens as itself offline, and the app after it.
    const res = await page.goto('manifest.webmanifest');
    expect(res?.headers()['content-type']).not.toContain('text/html');
    await page.goto('/?lang=en');
    await expect(page.getByRole('banner').getByRole('navigation')).toBeVisible();
    await context.setOffline(false);
  });

  test.describe('on a plain static host (no fallback for unknown paths)', () => {
    let served: Served;
    test.beforeEach(async () => {
      served = await serveCopy(DIST, ['--no-fallback']);
    });
    test.afterEach(async () => {
      await served?.stop();
    });

    test('after one visit to the root, /table and a task link show the app, online and offline', async ({ page, context }) => {
      // Before any visit the host itself answers a deep link with its 404.
      const first = await page.request.get(`${served.url}table`);
      expect(first.status()).toBe(404);

      await page.goto(`${served.url}?lang=en`);
      await expect(page.getByRole('banner').getByRole('navigation')).toBeVisible();
      await waitForControl(page);

      const t = new TablePage(page, 'en');
      // The host still answers 404; the worker gives the kept app instead.
      const res = await page.goto(`${served.url}table?lang=en`);
      expect(res?.status()).toBe(404);
      await t.waitReady();
      await t.expectShown(9, 9);
      await page.reload();
      await t.waitReady();

      // A copied task link, opened afresh.
      const id = await t.openSheet('8.1');
      const sheet = new SheetPage(page, 'en');
      const link = `${served.url}task/${id}?lang=en`;
      await page.goto(`${served.url}?lang=en`);
      await page.goto(link);
      await sheet.waitReady();
      await expect(sheet.heading).toContainText('8.1');

      // Offline, the same deep links.
      await context.setOffline(true);
      await page.goto(link);
      await sheet.waitReady();
      await page.goto(`${served.url}table?lang=en`);
      await t.waitReady();
      await context.setOffline(false);
    });
  });
});
