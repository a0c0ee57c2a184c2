import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { AppraisalPage, HearingPage } from './pages/appraisal-page';
import { BoardPage } from './pages/board-page';
import { BulletinPage } from './pages/bulletin-page';
import { ExchangePage } from './pages/exchange-page';
import { MeetingsPage, WeeklyPage } from './pages/meetings-page';
import { NewPlanPage } from './pages/new-plan-page';
import { SettingsPage } from './pages/settings-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage, type Lang } from './pages/table-page';
import { TimelinePage } from './pages/timeline-page';
import { UnitsPage } from './pages/units-page';

// Every page fits the screen, on a phone and on a laptop, in both languages
// (issue 17, points 4 and 7): no page is wider than the window, no table
// cell is squeezed to a character a line, every page is axe-clean at both
// widths, and on a phone the header leaves the board's figures on the first
// screen, its navigation behind a menu button.

const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1366, height: 768 };
const LANGS: Lang[] = ['zh', 'en'];

/** Open a page of the app in `lang` and wait until it has rendered, as its page object does. */
type Open = (page: Page, lang: Lang) => Promise<void>;

/** Every route of src/app/shell.rs. */
const PAGES: [string, Open][] = [
  ['/', (p, l) => new BoardPage(p, l).goto()],
  ['/table', (p, l) => new TablePage(p, l).goto()],
  ['/timeline', (p, l) => new TimelinePage(p, l).goto()],
  ['/units', (p, l) => new UnitsPage(p, l).goto()],
  ['/exchange', (p, l) => new ExchangePage(p, l).goto()],
  ['/meetings', (p, l) => new MeetingsPage(p, l).goto()],
  ['/weekly', (p, l) => new WeeklyPage(p, l).goto()],
  ['/hearing', (p, l) => new HearingPage(p, l).goto()],
  ['/bulletin', (p, l) => new BulletinPage(p, l).goto()],
  ['/appraisal', (p, l) => new AppraisalPage(p, l).goto()],
  [
    '/trail',
    async (p, l) => {
      await p.goto(`/trail?lang=${l}`);
      await expect(p.getByRole('main').getByRole('heading').first()).toBeVisible();
    },
  ],
  ['/settings', (p, l) => new SettingsPage(p, l).goto()],
  ['/new', (p, l) => new NewPlanPage(p, l).goto()],
  // A real task of the example, reached by its link in the table.
  ['/task/:id', async (p, l) => void (await SheetPage.fromTable(p, '8.1', l))],
];

/**
 * Fail when the page is wider than the window, naming the elements that
 * stick out: those whose right edge passes the window's and their parent's,
 * outside any box that scrolls or clips them, the widest first.
 */
async function expectFits(page: Page, where: string) {
  const { inner, scroll, culprits } = await page.evaluate(() => {
    const vw = window.innerWidth;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> "${text}"`;
    };
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= vw + 0.5) return true;
      }
      return false;
    };
    const out: { what: string; right: number }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || r.right <= vw + 0.5) continue;
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right >= r.right - 0.5 && el.parentElement !== document.body) continue;
      if (!clipped(el)) out.push({ what: describe(el), right: Math.round(r.right) });
    }
    out.sort((a, b) => b.right - a.right);
    return { inner: vw, scroll: document.documentElement.scrollWidth, culprits: out.slice(0, 5) };
  });
  const why = culprits.map((c) => `  right edge at ${c.right} px: ${c.what}`).join('\n');
  expect(scroll, `${where} is ${scroll} px wide in a ${inner} px window; the widest culprits:\n${why}`).toBeLessThanOrEqual(inner);
}

/**
 * No table cell shows its text a character a line: every visible cell with
 * 4 characters or more is at least two characters (2 em) wide inside its
 * padding. A squeezed column scrolls in its table's box instead.
 */
async function expectNoSqueezedCells(page: Page, where: string) {
  const squeezed = await page.evaluate(() =>
    [...document.querySelectorAll('main td, main th')].flatMap((c) => {
      const text = (c as HTMLElement).innerText.trim();
      const r = c.getBoundingClientRect();
      const s = getComputedStyle(c);
      if ([...text].length < 4 || r.width === 0 || r.height === 0 || s.visibility === 'hidden') return [];
      const width = r.width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - parseFloat(s.borderLeftWidth) - parseFloat(s.borderRightWidth);
      return width < 2 * parseFloat(s.fontSize) ? [`"${text.replace(/\s+/g, ' ').slice(0, 30)}" is ${Math.round(width)} px wide`] : [];
    }),
  );
  expect(squeezed, `cells squeezed on ${where}`).toEqual([]);
}

test.describe.configure({ mode: 'parallel' });

for (const lang of LANGS) {
  for (const size of [PHONE, LAPTOP]) {
    test.describe(`at ${size.width}×${size.height} (${lang})`, () => {
      test.use({ viewport: size });
      for (const [path, open] of PAGES) {
        test(`${path} fits the window and is axe-clean`, async ({ page }) => {
          await open(page, lang);
          const where = `${path} at ${size.width} px (${lang})`;
          await expectFits(page, where);
          if (size === PHONE && (path === '/' || path === '/table')) await expectNoSqueezedCells(page, where);
          await expectNoSeriousViolations(page, where);
        });
      }
    });
  }
}

/** The header's words, as in src/app/i18n/m.rs. */
const HEADER = {
  zh: { menu: '菜单', nav: '主导航', table: '责任分工表' },
  en: { menu: 'Menu', nav: 'Main navigation', table: 'Responsibility table' },
} as const;

for (const lang of LANGS) {
  test.describe(`the header on a phone (${lang})`, () => {
    test.use({ viewport: PHONE });

    test('takes at most a quarter of the first screen, so the board\'s figures show on it', async ({ page }) => {
      const board = new BoardPage(page, lang);
      await board.goto();
      const header = await page.getByRole('banner').boundingBox();
      expect(header!.height, 'the header\'s height').toBeLessThanOrEqual(PHONE.height / 4);
      for (const card of [board.completionCard, board.lightCard]) {
        const box = await card.boundingBox();
        expect(box!.y + box!.height, 'a figure card ends on the first screen').toBeLessThanOrEqual(PHONE.height);
      }
    });

    test('shows the navigation behind a menu button, and a link in it opens its page', async ({ page }) => {
      const w = HEADER[lang];
      await new BoardPage(page, lang).goto();
      const banner = page.getByRole('banner');
      const menu = banner.getByRole('button', { name: w.menu, exact: true });
      const nav = banner.getByRole('navigation', { name: w.nav, exact: true });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(nav).toBeVisible();
      await expectNoSeriousViolations(page, `the open menu (${lang})`);
      await nav.getByRole('link', { name: w.table, exact: true }).click();
      await new TablePage(page, lang).waitReady();
      await expect(page).toHaveURL(/\/table\?lang=/);
      // Opening a page closes the menu.
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav).toBeHidden();
    });

    test('the menu works from the keyboard: Enter opens it, Tab walks its links, Enter on the button closes it', async ({ page }) => {
      const w = HEADER[lang];
      await new BoardPage(page, lang).goto();
      const banner = page.getByRole('banner');
      const menu = banner.getByRole('button', { name: w.menu, exact: true });
      const nav = banner.getByRole('navigation', { name: w.nav, exact: true });
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(nav).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Tab');
      await expect(nav.getByRole('link').first()).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await expect(menu).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(nav).toBeHidden();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
    });
  });
}

test('on a laptop the navigation is in the header as it was, with no menu button', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await new BoardPage(page, 'en').goto();
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('button', { name: HEADER.en.menu, exact: true })).toBeHidden();
  await expect(banner.getByRole('navigation', { name: HEADER.en.nav, exact: true }).getByRole('link')).toHaveCount(12);
  await expect(banner.getByRole('navigation').getByRole('link', { name: HEADER.en.table, exact: true })).toBeVisible();
});
