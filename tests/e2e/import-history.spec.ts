import { type Page } from '@playwright/test';
import { expect, test, type Browsers } from './fixtures/browsers';
import { storedEnvelope } from './helpers/store';
import { ExchangePage, ImportHistory, type Saved } from './pages/exchange-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage, type Lang } from './pages/table-page';

// Two browser contexts are two units' browsers: each has its own
// localStorage. The office's opens on the example (Luohu 2022, as of
// 2022-06-30); task 7.1 belongs to the Dongmen Sub-district.
const DONGMEN = { en: 'Dongmen Sub-district', zh: '东门街道' } as const;
const T71 = { en: 'Upgrading and renovating Dongmen Pedestrian Street', zh: '东门步行街升级改造' } as const;
const SLICE_NAMES = {
  en: 'Luohu District 2022 Critical Task Division of Responsibility Table.slice.Dongmen Sub-district.json',
  zh: '罗湖区2022年攻坚任务责任分工表.任务分工.东门街道.json',
} as const;
const SLICE_NAME = SLICE_NAMES.en;
const REPORT_NAME = /^(Luohu District 2022 Critical Task Division of Responsibility Table\.report\.Dongmen Sub-district|罗湖区2022年攻坚任务责任分工表\.[^.]+\.东门街道)\.\d{4}-\d{2}-\d{2}\.json$/;
const KEY = 'gongjian.plan';
/** The plan texts the office (A) and Dongmen (B) write for 7.1 after the slice. */
const A = 'A: the office rewrote the steps';
const B = 'B: Dongmen wrote its own steps';

/** What the office and Dongmen's browser hold once the slice has been sent and imported. */
interface Sliced {
  office: Page;
  unit: Page;
  /** The office's exchange parts. */
  ox: ExchangePage;
  /** Dongmen's exchange parts. */
  ux: ExchangePage;
  slice: Saved;
}

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/**
 * The office adds milestone "Design" (due 2022-07-03) to task 7.1 (and, with
 * `officePlan`, submits the task's plan first), exports Dongmen's slice; a
 * second browser imports it and applies, and so acts as Dongmen.
 */
async function sliceToDongmen(browsers: Browsers, lang: Lang = 'en', opts: { officePlan?: string } = {}): Promise<Sliced> {
  const office = await browsers.open();
  const { sheet } = await SheetPage.fromTable(office, '7.1', lang);
  if (opts.officePlan) await sheet.submitPlan(opts.officePlan, '2022-02-10');
  await sheet.addMilestone('Design', '2022-07-03');
  const ox = new ExchangePage(office, lang);
  await ox.open();
  const slice = await ox.exportSlice(DONGMEN[lang], 'office');
  expect(slice.name).toBe(SLICE_NAMES[lang]);

  const unit = await browsers.open();
  const ux = new ExchangePage(unit, lang);
  await ux.goto();
  await ux.importAndPreview(slice);
  await ux.apply();
  await ux.expectActingAs(DONGMEN[lang]);
  return { office, unit, ox, ux, slice };
}

/** Dongmen's browser opens its copy of task 7.1 (by its title: the unit's table numbers it differently). */
async function unitSheet(unit: Page, lang: Lang = 'en'): Promise<SheetPage> {
  const t = new TablePage(unit, lang);
  await t.goto();
  await t.table.getByRole('link', { name: T71[lang], exact: true }).click();
  const s = new SheetPage(unit, lang);
  await s.waitReady();
  await expect(s.heading).toContainText(T71[lang]);
  return s;
}

/** Dongmen's browser exports its report from /exchange. */
async function exportReport(s: Sliced): Promise<Saved> {
  await s.ux.open();
  const report = await s.ux.exportReport('unit');
  expect(report.name).toMatch(REPORT_NAME);
  return report;
}

/** Dongmen reports "Design" done at 50 % on 2022-06-30, and exports its report. */
async function reportDesignDone(s: Sliced): Promise<Saved> {
  const sheet = await unitSheet(s.unit);
  await sheet.addReport({ date: '2022-06-30', milestones: ['Design'], progress: '50' });
  await expect(sheet.milestoneLight('Design')).toHaveAttribute('data-light', 'done');
  return exportReport(s);
}


test.describe('import history', () => {
  test('the office imports a report, reloads, sees it in the history, undoes it after the reload; a later edit withdraws the undo', async ({
    browsers,
  }) => {
    const s = await sliceToDongmen(browsers, 'en', { officePlan: '1. Design\n2. Build' });
    const report = await reportDesignDone(s);
    await s.ox.importAndPreview(report);
    await s.ox.apply();
    await expect.poll(async () => (await storedEnvelope(s.office, KEY)).plan.reports.length).toBe(1);

    // After a reload the history still lists it, with the file, the sender by name and the counts.
    await s.office.reload();
    await s.ox.goto();
    const h = new ImportHistory(s.office, 'en');
    await expect(h.entries).toHaveCount(1);
    const e = h.entry(0);
    await expect(e.getByRole('paragraph').first()).toHaveText(`${h.w.applied} ${report.name}`);
    await expect(h.fact(e, h.w.from)).toHaveText(DONGMEN.en);
    await expect(h.fact(e, h.w.added)).toHaveText('1');
    await expect(h.fact(e, h.w.changed)).toHaveText('0');

    // The undo is offered after the reload, by keyboard too.
    await h.undoButton(e).focus();
    await s.office.keyboard.press('Enter');
    await expect.poll(async () => (await storedEnvelope(s.office, KEY)).plan.reports.length).toBe(0);
    await expect(h.entries).toHaveCount(2);
    await expect(h.entry(0).getByRole('paragraph').first()).toHaveText(`${h.w.undone} ${report.name}`);
    await expect(h.entry(1)).toContainText(h.w.whyUndone);
    await expect(h.section.getByRole('button')).toHaveCount(0);

    // Imported again, then a later edit: the undo is withdrawn, and says why (also after a reload).
    await s.ox.importAndPreview(report);
    await s.ox.apply();
    await expect(h.entries).toHaveCount(3);
    await expect(h.undoButton(h.entry(0))).toBeVisible();
    const { sheet } = await SheetPage.fromTable(s.office, '7.1', 'en');
    await sheet.submitPlan('1. Design\n2. Build\n3. Open', '2022-02-11');
    await s.ox.goto();
    await expect(h.entries).toHaveCount(3);
    await expect(h.undoButton(h.entry(0))).toHaveCount(0);
    await expect(h.entry(0)).toContainText(h.w.whyChanged);
    await s.office.reload();
    await expect(h.entry(0)).toContainText(h.w.whyChanged);
    await expect(h.section.getByRole('button')).toHaveCount(0);
  });

  test('in Chinese the history names the sender and says nothing in English', async ({ browsers }) => {
    const s = await sliceToDongmen(browsers, 'zh');
    const sheet = await unitSheet(s.unit, 'zh');
    await sheet.addReport({ date: '2022-06-30', milestones: ['Design'], progress: '50' });
    await s.ux.open();
    const report = await s.ux.exportReport('unit');
    await s.ox.goto();
    await s.ox.importAndPreview(report);
    await s.ox.apply();
    await s.office.reload();
    const h = new ImportHistory(s.office, 'zh');
    await expect(h.entries).toHaveCount(1);
    await expect(h.fact(h.entry(0), h.w.from)).toHaveText(DONGMEN.zh);
    const text = (await h.section.innerText()).replace(report.name, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    await expect(h.undoButton(h.entry(0))).toBeVisible();
  });
});
