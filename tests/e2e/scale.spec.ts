import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectRevision } from './helpers/store';

// A thousand tasks, 10,000 milestones and 3,000 reports, stored as the app
// stores them (compactly: the JSON is 3.3 million characters) (written by `make test-e2e` from the Rust large-plan
// generator). The board and the table must stay usable at that size.
const FIXTURE = join(__dirname, '..', '..', 'target', 'e2e-large-plan.json');

test.describe('a plan of a thousand tasks', () => {
  test.setTimeout(120_000);

  test('the board and the table render it, and a filter keystroke updates the table', async ({ page }) => {
    const text = readFileSync(FIXTURE, 'utf8');
    await page.addInitScript((stored: string) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('gongjian.plan', stored);
        sessionStorage.setItem('seeded', '1');
      }
    }, text);

    const t0 = Date.now();
    await page.goto('/?lang=en');
    await expect(page.getByTestId('count-red')).toBeVisible({ timeout: 60_000 });
    const boardMs = Date.now() - t0;
    const counts = await Promise.all(['red', 'yellow', 'green', 'grey', 'done'].map(async (l) => Number(await page.getByTestId(`count-${l}`).textContent())));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    // Thousands of milestones are overdue: the board lists the 10 most
    // overdue and links to the table for the rest.
    const overdue = page.locator('section[aria-labelledby=overdue-heading]');
    await expect(overdue.locator('li:not(.more)')).toHaveCount(10);
    const more = overdue.getByRole('link', { name: /^… and \d+ more: see them all in the table$/ });
    await expect(more).toBeVisible();
    expect(await more.getAttribute('href')).toMatch(/^\/table\?.*show=overdue/);

    const t1 = Date.now();
    await page.goto('/table?lang=en');
    const shown = page.getByRole('status').filter({ hasText: 'Tasks shown' });
    await expect(shown).toHaveText(/1000 \/ 1000/, { timeout: 60_000 });
    const tableMs = Date.now() - t1;

    // One keystroke narrows the table: the plan's task titles end in their
    // index, so "999" matches exactly one.
    const search = page.getByRole('searchbox', { name: 'Search' });
    const t2 = Date.now();
    await search.fill('999');
    await expect(shown).toHaveText(/: 1 \/ 1000/, { timeout: 30_000 });
    const filterMs = Date.now() - t2;

    // An edit (moving a task up) renumbers the table, and is saved. Timed
    // inside the page, from the click to the frame that shows the change
    // (Playwright's role queries over a thousand rows would dominate).
    await search.fill('');
    await expect(shown).toHaveText(/1000 \/ 1000/);
    const editMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const cellOf = (n: string) => [...document.querySelectorAll('td.num')].find((td) => td.textContent === n);
          const title = cellOf('1.2')!.parentElement!.querySelector('td.title')!.textContent;
          const start = performance.now();
          (document.querySelector('button[aria-label="Move up Task 1.2"]') as HTMLButtonElement).click();
          const check = () => {
            if (cellOf('1.1')?.parentElement?.querySelector('td.title')?.textContent === title) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    await expectRevision(page, 2);

    console.log(`large plan: board ${boardMs} ms, table ${tableMs} ms, filter ${filterMs} ms, edit ${Math.round(editMs)} ms`);
    expect(editMs).toBeLessThan(10_000);
    // Generous bounds: they catch a quadratic slip (minutes), not noise.
    expect(boardMs).toBeLessThan(20_000);
    expect(tableMs).toBeLessThan(20_000);
    expect(filterMs).toBeLessThan(10_000);
  });
});
