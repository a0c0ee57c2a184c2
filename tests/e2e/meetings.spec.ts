import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { BoardPage } from './pages/board-page';
import { MeetingsPage, OpenDecisions, WeeklyPage } from './pages/meetings-page';
import { SheetPage } from './pages/sheet-page';

// The example plan is "as of" 2022-06-30 (a Thursday): its week starts on Monday 2022-06-27.
const DONGMEN = 'Dongmen Sub-district';
const T71 = 'Upgrading and renovating Dongmen Pedestrian Street';
const DECISION = 'Submit the pedestrian street lighting plan';

test.describe('meetings and their decisions', () => {
  test('a weekly meeting\'s decision shows on the board with its light, is closed there, and shows as done on /meetings', async ({ page }) => {
    const mp = new MeetingsPage(page, 'en');
    await mp.goto();
    await expect(mp.held.getByText(mp.w.noMeetings)).toBeVisible();
    // The date defaults to the "as of" day.
    await expect(mp.form.getByLabel(mp.w.date, { exact: true })).toHaveValue('2022-06-30');

    await mp.record({
      kind: 'weekly',
      tasks: ['7.1'],
      minutes: 'Reviewed the street works.',
      decisions: [{ text: DECISION, owner: DONGMEN, due: '2022-07-02' }],
    });
    // The form is emptied; the meeting is listed with its decision, yellow (due in 2 days).
    await expect(mp.form.getByRole('group', { name: 'Decision 1', exact: true })).toHaveCount(0);
    await expect(mp.meetings()).toHaveCount(1);
    await expect(mp.meetings().first().getByRole('heading')).toHaveText(`2022-06-30 · ${mp.w.weekly}`);
    await expect(mp.meetings().first().getByRole('link', { name: `7.1 ${T71}` })).toBeVisible();
    const row = mp.decisionRowInList(DECISION);
    await expect(row.getByRole('cell').nth(1)).toHaveText(DONGMEN);
    await expect(row.getByRole('cell').nth(2)).toHaveText('2022-07-02');
    await expect(row.locator('[data-light]')).toHaveAttribute('data-light', 'yellow');
    await expect(row.locator('.reason')).toHaveText('decision due in 2 days');

    // On the board: the open decision with its light and reason, the owner, the due date and the meeting.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Board', exact: true }).click();
    const b = new BoardPage(page, 'en');
    await b.waitReady();
    const od = new OpenDecisions(page, 'en');
    const item = od.item(DECISION);
    await expect(item).toHaveCount(1);
    await expect(item.locator('[data-light]')).toHaveAttribute('data-light', 'yellow');
    await expect(item).toContainText('decision due in 2 days');
    await expect(item).toContainText(DONGMEN);
    await expect(item).toContainText('2022-07-02');
    const meetingLink = item.getByRole('link', { name: `2022-06-30 ${mp.w.weekly}` });
    await expect(meetingLink).toHaveAttribute('href', '/meetings?lang=en');

    // Close it on the board: it leaves the board.
    await od.closeButton(DECISION).click();
    await expect(od.item(DECISION)).toHaveCount(0);
    await expect(od.section.getByText(od.w.noOpenDecisions)).toBeVisible();

    // On /meetings it is done, closed on the "as of" day, and still there.
    await page.goto('/meetings?lang=en');
    await mp.waitReady();
    const closed = mp.decisionRowInList(DECISION);
    await expect(closed.locator('[data-light]')).toHaveAttribute('data-light', 'done');
    await expect(closed).toContainText(`${mp.w.closedOn} 2022-06-30`);
    await expect(closed.getByRole('button', { name: new RegExp(`^${mp.w.close}`) })).toHaveCount(0);
  });

  test('an overdue decision is red; decisions can be removed before saving; a blank one is refused; closing on /meetings', async ({ page }) => {
    const mp = new MeetingsPage(page, 'en');
    await mp.goto();
    const f = mp.form;
    await f.getByRole('button', { name: mp.w.addDecision, exact: true }).click();
    await f.getByRole('button', { name: mp.w.addDecision, exact: true }).click();
    await expect(mp.decisionRow(2)).toBeVisible();
    await f.getByRole('button', { name: `${mp.w.removeDecision} 2`, exact: true }).click();
    await expect(mp.decisionRow(2)).toHaveCount(0);
    // Decision 1 is blank: refused.
    await f.getByRole('button', { name: mp.w.save, exact: true }).click();
    await expect(f.getByRole('alert')).toContainText('Decision 1: A decision has no text');
    await f.getByRole('button', { name: `${mp.w.removeDecision} 1`, exact: true }).click();

    await mp.record({ kind: 'hearing', date: '2022-06-20', decisions: [{ text: 'Late item', owner: DONGMEN, due: '2022-06-25' }] });
    const row = mp.decisionRowInList('Late item');
    await expect(row.locator('[data-light]')).toHaveAttribute('data-light', 'red');
    await expect(row.locator('.reason')).toHaveText('decision 5 days overdue');
    await expect(mp.meetings().first().getByRole('heading')).toHaveText(`2022-06-20 · ${mp.w.hearing}`);

    // Close it here.
    await row.getByRole('button', { name: `${mp.w.close}: Late item`, exact: true }).click();
    await expect(mp.decisionRowInList('Late item').locator('[data-light]')).toHaveAttribute('data-light', 'done');

    const b = new BoardPage(page, 'en');
    await b.goto({ lang: 'en' });
    await expect(new OpenDecisions(page, 'en').section.getByText('No open decisions.')).toBeVisible();
  });
});

test.describe('the weekly collection', () => {
  test('Dongmen owes 7.1 and the reminder says so; after a report this week, 7.1 is reported', async ({ page }) => {
    const w = new WeeklyPage(page, 'en');
    await w.goto();
    await expect(page.getByRole('main')).toContainText(`${w.w.weekFrom} 2022-06-27`);
    await expect(w.tasks(DONGMEN, 'owed')).toContainText(['7.1']);
    await expect(w.tasks(DONGMEN, 'reported')).toHaveCount(0);
    await expect(w.reminder).toHaveJSProperty('readOnly', true);
    await expect(w.reminder).toHaveValue(new RegExp(`${DONGMEN}: [^\\n]*7\\.1 ${T71}`));

    // Copy: the text is copied (or selected, when the clipboard refuses).
    await w.copy.click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/Copied\.|Selected/);

    // Follow 7.1 to its sheet and report this week.
    await w.tasks(DONGMEN, 'owed').filter({ hasText: '7.1' }).click();
    const s = new SheetPage(page, 'en');
    await s.waitReady();
    await expect(s.heading).toHaveText(`7.1 ${T71}`);
    await s.addReport({ date: '2022-06-29', progress: '40' });

    await w.goto();
    await expect(w.tasks(DONGMEN, 'reported')).toContainText(['7.1']);
    await expect(w.tasks(DONGMEN, 'owed').filter({ hasText: /^7\.1$/ })).toHaveCount(0);
    await expect(w.reminder).not.toHaveValue(new RegExp(`7\\.1 ${T71}`));
  });

  test('Chinese: the table and the reminder', async ({ page }) => {
    const w = new WeeklyPage(page, 'zh');
    await w.goto();
    await expect(w.tasks('东门街道', 'owed')).toContainText(['7.1']);
    await expect(w.reminder).toHaveValue(/东门街道：[^\n]*7\.1 东门步行街升级改造/);
  });
});

test.describe('accessibility of the meetings and weekly pages', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`/meetings and /weekly (${lang}) have no serious axe violations`, async ({ page }) => {
      const mp = new MeetingsPage(page, lang);
      await mp.goto();
      await mp.record({ decisions: [{ text: 'A decision', due: '2022-07-01' }] });
      await mp.form.getByRole('button', { name: mp.w.addDecision, exact: true }).click();
      await expect(mp.decisionRow(1)).toBeVisible();
      await expectNoSeriousViolations(page, `/meetings (${lang})`);
      const w = new WeeklyPage(page, lang);
      await w.goto();
      await expectNoSeriousViolations(page, `/weekly (${lang})`);
      await new BoardPage(page, lang).goto();
      await expectNoSeriousViolations(page, `/ with an open decision (${lang})`);
    });
  }
});
