import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// The suite runs in Debian's Chromium and never downloads a browser.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium chromium-driver).`);
}

export default defineConfig({
  testDir: '.',
  testIgnore: ['**/node_modules/**'],
  reporter: 'list',
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // What a spec waits for (a page, a chunk, a save) may take a few seconds on
  // a loaded two-core CI machine running two browsers; the speed itself is
  // measured by `make bench`, not here.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8181',
    // Fixed so that the app's fallback language (navigator.language) is known.
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
