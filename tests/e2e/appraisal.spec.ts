import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoSeriousViolations } from './helpers/axe';
import { parseCsv } from './helpers/sheets';
import { AppraisalPage, HearingPage, type FactRow } from './pages/appraisal-page';

const DONGMEN = 'Dongmen Sub-district';
const DONGMEN_ZH = '东门街道';

/** The fact to exempt: a miss whose exemption waives it alone — an overdue
 * milestone (the exemption names the milestone), else the only miss of its task. */
function pickMiss(rows: FactRow[]): FactRow {
  const misses = rows.filter((r) => r.canExempt);
  expect(misses.length, 'misses to exempt').toBeGreaterThan(0);
  const milestone = misses.find((r) => r.fact.startsWith('milestone'));
  if (milestone) return milestone;
  const alone = misses.find((r) => rows.filter((x) => x.task === r.task && x.points < 0).length === 1);
  return alone ?? misses[0];
}

async function csvOf(page: Page, who: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV', exact: true }).click()]);
  const path = test.info().outputPath(who, d.suggestedFilename());
  await d.saveAs(path);
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  return { name: d.suggestedFilename(), rows: parseCsv(bytes.subarray(3).toString('utf8')).filter((r) => r.some((c) => c !== '')) };
}

test.describe('appraisal (绩效考核)', () => {
  test('a unit is scored for 2022, fact by fact, and an exemption raises the score by its points', async ({ page }) => {
    const a = new AppraisalPage(page, 'en');
    await a.goto();
    await a.choose(DONGMEN, '2022-01-01', '2022-12-31');
    await expect(page).toHaveURL(/unit=/);
    await expect(a.factRows.first()).toBeVisible();
    const rows = await a.rows();
    expect(rows.length).toBeGreaterThan(0);

    // The score is the base plus the counted points, as the rules list says.
    const base = Number((await a.rules.locator('dd').first().innerText()).trim());
    const before = await a.scoreValue();
    expect(before).toBeCloseTo(base + rows.reduce((s, r) => s + r.counted, 0), 5);
    // Every fact is worded, and linked to its task's sheet.
    for (const r of rows) expect(r.fact).toMatch(/^(milestone '.*' due \d{4}-\d{2}-\d{2}|plan due \d{4}-\d{2}-\d{2}|no report in the week of \d{4}-\d{2}-\d{2}|target '.*' met: )/);
    await expect(a.factRows.first().getByRole('link')).toHaveAttribute('href', /\/task\//);

    // Exempt one miss. An exemption names the task (and the milestone, for
    // a milestone fact), so it waives every miss of this unit on the task:
    // the score rises by exactly the points of the facts it now exempts,
    // the chosen one among them.
    const miss = pickMiss(rows);
    const approver = await a.exempt(a.row(miss.task, miss.fact), '因疫情防控暂停施工', 'Work paused for epidemic control');
    const row = a.row(miss.task, miss.fact);
    await expect(row.locator('td.exemption')).toContainText(`Exempted (容错): Work paused for epidemic control — approved by ${approver} on 2022-06-30`);
    await expect(row.locator('td.counted')).toHaveText('0');
    await expect(row.locator('td.points')).toHaveText(String(miss.points));
    await expect(row.getByRole('button')).toHaveCount(0);
    const after = await a.rows();
    expect(after.length, 'exempted facts stay in the table').toBe(rows.length);
    const waived = after.filter((r) => r.exemption !== '');
    expect(waived.every((r) => r.task === miss.task && r.counted === 0)).toBe(true);
    expect(waived.map((r) => r.fact)).toContain(miss.fact);
    const rise = -waived.reduce((s, r) => s + r.points, 0);
    await expect.poll(() => a.scoreValue()).toBeCloseTo(before + rise, 5);
    expect(await a.scoreValue()).toBeCloseTo(base + after.reduce((s, r) => s + r.counted, 0), 5);

    // The export has the same facts, with the exemption, between the lines
    // that say whose and when (above) and the total (below).
    const csv = await csvOf(page, 'appraisal');
    expect(csv.name).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.appraisal.Dongmen Sub-district.csv');
    const header = csv.rows.findIndex((r) => r.join() === 'Task,Fact,Points,Counted,Exemption');
    expect(header).toBe(3);
    expect(csv.rows.length - header - 1 - 2).toBe(rows.length);
    const exempted = csv.rows.find((r) => r[1] === miss.fact);
    expect(exempted).toBeTruthy();
    expect(Number(exempted![2])).toBe(miss.points);
    expect(Number(exempted![3])).toBe(0);
    expect(exempted![4]).toContain('Work paused for epidemic control');

    // The exemption is kept across a reload (it is in the plan).
    await page.reload();
    await expect.poll(() => a.scoreValue()).toBeCloseTo(before + rise, 5);
  });

  test('exempting the one miss of a period raises the score by exactly its points', async ({ page }) => {
    const a = new AppraisalPage(page, 'en');
    await a.goto();
    // The week of the plan's due date, before the week is whole: the late plan alone.
    await a.choose(DONGMEN, '2022-02-14', '2022-02-19');
    await expect(a.factRows).toHaveCount(1);
    const [fact] = await a.rows();
    expect(fact.fact).toMatch(/^plan due 2022-02-14 (not submitted|submitted \d{4}-\d{2}-\d{2})$/);
    expect(fact.points).toBeLessThan(0);
    const before = await a.scoreValue();
    const approver = await a.exempt(a.factRows.first(), '施工图延期已报批', 'Plan delay approved in advance', 2);
    await expect.poll(() => a.scoreValue()).toBeCloseTo(before - fact.points, 5);
    await expect(a.factRows.first().locator('td.exemption')).toHaveText(`Exempted (容错): Plan delay approved in advance — approved by ${approver} on 2022-06-30`);
    await expect(a.factRows.first().locator('td.counted')).toHaveText('0');
  });

  test('the rules are configurable on Settings, and the score follows them', async ({ page }) => {
    const a = new AppraisalPage(page, 'en');
    await a.goto();
    await a.choose(DONGMEN, '2022-02-14', '2022-02-19');
    await expect(a.factRows).toHaveCount(1);
    const [fact] = await a.rows();
    const before = await a.scoreValue();
    // The late plan costs 5 by default; make it 8 and the base 90.
    await page.goto('/settings?lang=en');
    const rules = page.getByRole('region', { name: 'Appraisal rules', exact: true });
    await rules.getByLabel('Plan late or missing', { exact: true }).fill('-8');
    await rules.getByLabel('Base score', { exact: true }).fill('90');
    await rules.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(rules.getByRole('status')).toHaveText('Saved.');
    await page.goBack();
    await expect(a.factRows).toHaveCount(1);
    await expect.poll(() => a.scoreValue()).toBeCloseTo(before - 10 + (-8 - fact.points), 5);
    // A rule that is not a number is refused.
    await page.goto('/settings?lang=en');
    await rules.getByLabel('Target met (each)', { exact: true }).fill('');
    await rules.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(rules.getByRole('alert')).toContainText('Every rule must be a number.');
  });

  test('an exemption needs a reason and an approver', async ({ page }) => {
    const a = new AppraisalPage(page, 'en');
    await a.goto();
    await a.choose(DONGMEN, '2022-01-01', '2022-12-31');
    const before = await a.scoreValue();
    await a.factRows.getByRole('button', { name: /^Exempt…/ }).first().click();
    const form = page.locator('form.exempt-form');
    await form.getByRole('button', { name: 'Record exemption' }).click();
    await expect(form.getByRole('alert')).toBeVisible();
    expect(await a.scoreValue()).toBe(before);
  });

  test('the CSV says the unit, the period and the score above the facts, and adds up under them', async ({ page }) => {
    for (const [lang, unit, words] of [
      ['en', DONGMEN, { unit: 'Unit appraised', period: 'Period', to: ' – ', score: 'Score', base: 'Base score', header: ['Task', 'Fact', 'Points', 'Counted', 'Exemption'] }],
      ['zh', DONGMEN_ZH, { unit: '被考核单位', period: '考核期间', to: ' 至 ', score: '得分', base: '基础分', header: ['任务', '事实', '分值', '计入', '容错'] }],
    ] as const) {
      const a = new AppraisalPage(page, lang);
      await a.goto();
      await a.choose(unit, '2022-01-01', '2022-12-31');
      await expect(a.factRows.first()).toBeVisible();
      const facts = await a.rows();
      const score = await a.scoreValue();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: lang === 'en' ? 'Export CSV' : '导出 CSV', exact: true }).click()]);
      const path = test.info().outputPath(`appraisal-${lang}`, d.suggestedFilename());
      await d.saveAs(path);
      // The file as read, the empty line after the title lines included.
      const all = parseCsv((await readFile(path)).subarray(3).toString('utf8'));
      expect(all.slice(0, 5)).toEqual([[words.unit, unit], [words.period, `2022-01-01${words.to}2022-12-31`], [words.score, String(score)], [''], [...words.header]]);
      const body = all.slice(5, 5 + facts.length);
      expect(body.map((r) => r[1])).toEqual(facts.map((f) => f.fact));
      // Under the Counted column: the base, then the score, which the base and the counted points add up to.
      const [base, total] = all.slice(5 + facts.length);
      expect(all.length).toBe(5 + facts.length + 2);
      expect(base).toEqual([words.base, '', '', base[3], '']);
      expect(total).toEqual([words.score, '', '', String(score), '']);
      expect(Number(base[3]) + body.reduce((s, r) => s + Number(r[3]), 0)).toBeCloseTo(score, 5);
    }
  });

  test('the facts are a table at 1366 px, and at 375 px one that scrolls inside its own box', async ({ page }) => {
    /** Lines each header cell and each fact's words take. */
    const lines = (sel: string) =>
      a.facts.locator(sel).evaluateAll((cells) =>
        cells.map((c) => {
          const r = document.createRange();
          r.selectNodeContents(c);
          // One rect per line box (a cell's text in one inline run).
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
        }),
      );
    const a = new AppraisalPage(page, 'zh');
    for (const width of [1366, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await a.goto();
      await a.choose(DONGMEN_ZH, '2022-01-01', '2022-12-31');
      await expect(a.factRows.first()).toBeVisible();
      // The header reads across, one line per cell; a fact's words take a line or two, not one character each.
      expect(await lines('thead th')).toEqual([1, 1, 1, 1, 1]);
      expect(Math.max(...(await lines('td.fact-words')))).toBeLessThanOrEqual(2);
      const box = page.getByRole('region', { name: a.w.facts, exact: true });
      await expect(box).toHaveAttribute('tabindex', '0');
      const [pageWidth, boxWidth, tableWidth] = await Promise.all([
        page.evaluate(() => document.documentElement.scrollWidth),
        box.evaluate((b) => b.clientWidth),
        a.facts.evaluate((t) => t.getBoundingClientRect().width),
      ]);
      expect(pageWidth, 'no page wider than the window').toBeLessThanOrEqual(width);
      if (width === 375) {
        expect(tableWidth, 'the table keeps its columns and scrolls').toBeGreaterThan(boxWidth);
      } else {
        expect(tableWidth).toBeCloseTo(boxWidth, -1);
      }
    }
  });

  test('printing the appraisal hides the pickers and buttons', async ({ page }) => {
    const a = new AppraisalPage(page, 'en');
    await a.goto();
    await a.choose(DONGMEN, '2022-01-01', '2022-12-31');
    await expect(a.factRows.first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(a.picker).toBeHidden();
    await expect(page.locator('.appraisal-page button:visible')).toHaveCount(0);
    await expect(a.score).toBeVisible();
    await expect(a.facts).toBeVisible();
  });
});

test.describe('monthly hearing pack', () => {
  test('key action 7 shows changes, what needs attention, and open problems', async ({ page }) => {
    const h = new HearingPage(page, 'en');
    await h.goto();
    await h.chooseAction(7);
    await expect(h.since).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(h.section(/^Changes since \d{4}-\d{2}-\d{2}$/)).toBeVisible();
    await expect(h.section('Needs attention now')).toBeVisible();
    await expect(h.section('Problems waiting for coordination')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Progress reports' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Milestones done' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Lights that changed' })).toBeVisible();

    // An earlier "since" shows at least as many reports, and is kept in the URL.
    await h.since.fill('2022-01-01');
    await expect(page).toHaveURL(/since=2022-01-01/);
    await expect(h.section('Changes since 2022-01-01')).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(h.picker).toBeHidden();
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.locator('.hearing-head')).toBeVisible();
    await expect(page.locator('.hearing-head')).toContainText('2022-01-01');
  });

  test('a leader can be chosen instead', async ({ page }) => {
    const h = new HearingPage(page, 'en');
    await h.goto();
    await h.leader.selectOption({ index: 1 });
    await expect(page).toHaveURL(/leader=/);
    await expect(h.section('Needs attention now')).toBeVisible();
  });
});

test.describe('accessibility of the appraisal and the hearing pack', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`no serious axe violations (${lang})`, async ({ page }) => {
      const a = new AppraisalPage(page, lang);
      await a.goto();
      await expectNoSeriousViolations(page, `/appraisal (${lang}, empty)`);
      await a.unit.selectOption({ label: lang === 'en' ? DONGMEN : DONGMEN_ZH });
      await expect(a.factRows.first()).toBeVisible();
      await a.factRows.getByRole('button').first().click();
      await expect(page.locator('form.exempt-form')).toBeVisible();
      await expectNoSeriousViolations(page, `/appraisal (${lang})`);

      const h = new HearingPage(page, lang);
      await h.goto();
      await h.chooseAction(7);
      await expect(h.section(a.w.attention)).toBeVisible();
      await expectNoSeriousViolations(page, `/hearing (${lang})`);
    });
  }
});
