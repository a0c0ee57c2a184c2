import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { WeeklyPage } from './pages/meetings-page';

// Reminders without a server (issue 18, point 6): the office downloads the
// calendar file from the weekly collection page, and copies each unit's
// reminder into a work chat. The example is "as of" 2022-06-30.

const DONGMEN = 'Dongmen Sub-district';
const T71 = 'Upgrading and renovating Dongmen Pedestrian Street';
const T81 = 'Transfer 200,000 m² of land for industrial projects';

/** Click `button`, save the download and return its name and text. */
async function download(page: Page, button: ReturnType<Page['getByRole']>, who: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = test.info().outputPath(who, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: (await readFile(path)).toString('utf8') };
}

/** The content lines, unfolded (RFC 5545 §3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

/** What every calendar file must be: CRLF lines of at most 75 octets, one VCALENDAR with events. */
function expectWellFormed(ics: string) {
  expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, ''), 'no bare line feed').not.toContain('\n');
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  const lines = unfold(ics);
  expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBe(lines.filter((l) => l === 'END:VEVENT').length);
  expect(lines).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  return lines;
}

test.describe('the calendar file', () => {
  test('the office downloads every task deadline and the weekly report day from the weekly page', async ({ page }) => {
    const w = new WeeklyPage(page, 'en');
    await w.goto();
    const button = page.getByRole('main').getByRole('button', { name: 'Download calendar (.ics)', exact: true });
    await expect(button).toBeVisible();
    const { name, text } = await download(page, button, 'office-en');
    expect(name).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.calendar.ics');
    const lines = expectWellFormed(text);
    // The example's seven tasks with a deadline, and the weekly report day.
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(8);
    expect(lines).toContain(`SUMMARY:Task due: 7.1 ${T71}`);
    expect(lines).toContain(`SUMMARY:Task due: 8.1 ${T81.replace(',', '\\,')}`);
    expect(lines).toContain('DTSTART;VALUE=DATE:20221231');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20221231');
    expect(lines.filter((l) => l.startsWith('UID:')).every((l) => l.endsWith('@gongjian'))).toBe(true);
  });

  test('in Chinese, the file is named and written in Chinese', async ({ page }) => {
    const w = new WeeklyPage(page, 'zh');
    await w.goto();
    const { name, text } = await download(page, page.getByRole('main').getByRole('button', { name: '下载日历提醒 (.ics)', exact: true }), 'office-zh');
    expect(name).toBe('罗湖区2022年攻坚任务责任分工表.日历提醒.ics');
    const lines = expectWellFormed(text);
    expect(lines).toContain('SUMMARY:任务到期：7.1 东门步行街升级改造');
    expect(lines).toContain('X-WR-CALNAME:罗湖区2022年攻坚任务责任分工表（督查室）');
  });

  test("a unit's calendar holds only its tasks", async ({ page }) => {
    const w = new WeeklyPage(page, 'en');
    await w.goto();
    const { name, text } = await download(page, page.getByRole('button', { name: `Download calendar (.ics): ${DONGMEN}`, exact: true }), 'dongmen');
    expect(name).toBe(`Luohu District 2022 Critical Task Division of Responsibility Table.calendar.${DONGMEN}.ics`);
    const lines = expectWellFormed(text);
    expect(lines).toContain(`SUMMARY:Task due: 7.1 ${T71}`);
    expect(lines.some((l) => l.includes('8.1'))).toBe(false);
    expect(lines).toContain("SUMMARY:Weekly progress report: send this week's report");
  });
});

test.describe("each unit's reminder", () => {
  test('Dongmen is reminded of the report it owes, and the copy button copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const w = new WeeklyPage(page, 'en');
    await w.goto();
    const text = page.getByLabel(`Reminder for ${DONGMEN}`, { exact: true });
    await expect(text).toHaveJSProperty('readOnly', true);
    const expected = `[${DONGMEN}] Task reminder (as of 2022-06-30)\nNo progress report yet this week:\n· 7.1 ${T71}\nPlease push these forward and send this week's report.`;
    await expect(text).toHaveValue(expected);
    const card = page.locator('article').filter({ has: text });
    const copy = card.getByRole('button', { name: `Copy the reminder for ${DONGMEN}`, exact: true });
    await expect(copy).toHaveText('Copy');
    // Keyboard: the button is reached and pressed without a mouse.
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(card).toContainText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });

  test('Chinese: the reminder is all Chinese', async ({ page }) => {
    const w = new WeeklyPage(page, 'zh');
    await w.goto();
    const text = page.getByLabel('给东门街道的提醒', { exact: true });
    await expect(text).toHaveValue('【东门街道】攻坚任务提醒（截至6月30日）\n本周尚未反馈进展：\n· 7.1 东门步行街升级改造\n请抓紧推进，并于本周内报送进展反馈。');
    await expect(page.getByRole('button', { name: '复制给东门街道的提醒', exact: true })).toHaveText('复制');
  });

  for (const lang of ['zh', 'en'] as const) {
    test(`no element is wider than a 375 px window on the weekly page (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      const w = new WeeklyPage(page, lang);
      await w.goto();
      await expect(page.locator('article.unit-reminder').first()).toBeVisible();
      const wide = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > vw + 1) out.push(`${el.tagName}.${el.className} ${Math.round(r.right)}`);
        }
        return { vw, scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
      });
      expect(wide.out).toEqual([]);
      expect(wide.scroll).toBeLessThanOrEqual(wide.vw);
    });
  }
});

test('the units page offers the office every unit\'s calendar to send', async ({ page }) => {
  await page.goto('/units?lang=en');
  const list = page.getByRole('region', { name: 'Calendar reminders', exact: true });
  await expect(list.getByRole('button', { name: 'Download calendar (.ics): Supervision office (every task)', exact: true })).toBeVisible();
  const { name, text } = await download(page, list.getByRole('button', { name: `Download calendar (.ics): ${DONGMEN}`, exact: true }), 'units-dongmen');
  expect(name).toContain(DONGMEN);
  expect(unfold(text)).toContain(`SUMMARY:Task due: 7.1 ${T71}`);
});
