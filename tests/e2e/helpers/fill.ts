import { type Page } from '@playwright/test';

/** The key the filler is stored under (not the app's). */
export const FILLER_KEY = 'zz.filler';

/**
 * Fill the origin's localStorage until at most `free` characters are left:
 * the largest filler the browser accepts is found by halving, then shortened
 * by `free`. Returns the filler's length.
 */
export function fillStorage(page: Page, free = 40): Promise<number> {
  return page.evaluate(
    ([key, free]) => {
      localStorage.removeItem(key);
      let lo = 0;
      let hi = 11_000_000;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        try {
          localStorage.setItem(key, 'x'.repeat(mid));
          lo = mid;
        } catch {
          hi = mid - 1;
        }
      }
      const n = Math.max(0, lo - free);
      localStorage.setItem(key, 'x'.repeat(n));
      return n;
    },
    [FILLER_KEY, free] as const,
  );
}

/** Give the room back. */
export function emptyFiller(page: Page): Promise<void> {
  return page.evaluate((key) => localStorage.removeItem(key), FILLER_KEY);
}
