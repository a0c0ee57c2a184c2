import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/axe';
import { BOARD_WORDS, BoardPage, LIGHTS, type LightKey } from './pages/board-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage, type Lang } from './pages/table-page';

const ALL_TASKS = ['6.1', '7.1', '8.1', '8.2', '8.3', '8.4', '8.5', '9.1', '9.2'];
const DAWUTONG = 'Dawutong Emerging Industrial Belt (Sungang–Dongxiao Area) Sub-headquarters';
const ESC = 'Luohu District Enterprise Service Center';
const DONGMEN = 'Dongmen Sub-district';
const DRB = 'Luohu District Development and Reform Bureau';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Follow a link of the board and expect the table to show exactly the tasks
 * `numbers` (and, when `light` is given, each with that light); then go back
 * to the board.
 */
async function follow(page: Page, link: Locator, url: RegExp, numbers: string[], light?: LightKey) {
  await link.click();
  await expect(page).toHaveURL(url);
  const t = new TablePage(page, 'en');
  await t.waitReady();
  await t.expectShown(numbers.length, 9);
  if (numbers.length) await expect(t.taskNumbers()).toHaveText(numbers);
  else await expect(t.taskRows).toHaveCount(0);
  if (light) {
    for (const n of numbers) {
      await expect(t.taskLight(n), `the light of ${n}`).toHaveAttribute('data-light', light);
      await expect(t.taskLight(n), `the Status of ${n}`).toHaveText(BOARD_WORDS.en.light[light]);
    }
  }
  await page.goBack();
  await new BoardPage(page, 'en').waitReady();
}

/** `/table?<query>&lang=en` exactly, the query's ids written as UUID patterns. */
const tableUrl = (query: string) => new RegExp(`/table\\?${query.replace(/<id>/g, UUID)}&lang=en$`);

test.describe('the progress board', () => {
  test('/ is the board; on the example its counts add up to the table\'s, and every count links to exactly its tasks', async ({ page }) => {
    const b = new BoardPage(page, 'en');
    await b.goto();
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Board', exact: true })).toHaveAttribute(
      'href',
      '/?lang=en',
    );
    await expect(b.heading).toHaveText('Progress board · 2022-06-30');

    // Tasks by light: all 9 are Red, and the counts sum to the total shown.
    await expect(b.count('red')).toHaveText('9');
    const counts = await b.counts();
    expect(counts).toEqual({ red: 9, yellow: 0, green: 0, grey: 0, review: 0, done: 0 });
    const sum = LIGHTS.reduce((s, l) => s + counts[l], 0);
    await expect(b.totalText).toHaveText(`${sum} tasks`);
    await expect(b.totalLink).toHaveText('9');

    // The total is the table's "Tasks shown" total.
    await follow(page, b.totalLink, /\/table\?lang=en$/, ALL_TASKS);
    // Each light's count is what the table shows for that light.
    for (const l of LIGHTS) {
      await follow(page, b.countLink(l), tableUrl(`light=${l}`), counts[l] ? ALL_TASKS : [], l);
    }

    // Per key action: all 11 are listed; the mini counts link to exactly their tasks.
    await expect(b.actionNumbers()).toHaveText(Array.from({ length: 11 }, (_, i) => String(i + 1)));
    const perAction: Record<number, string[]> = {
      6: ['6.1'],
      7: ['7.1'],
      8: ['8.1', '8.2', '8.3', '8.4', '8.5'],
      9: ['9.1', '9.2'],
    };
    for (const n of [1, 2, 3, 4, 5, 10, 11]) await expect(b.miniCounts(n)).toHaveCount(0);
    let sumOfMinis = 0;
    for (const [n, tasks] of Object.entries(perAction).map(([n, t]) => [Number(n), t] as const)) {
      await expect(b.miniCounts(n)).toHaveText([`Red ${tasks.length}`]);
      sumOfMinis += tasks.length;
      await follow(page, b.miniCount(n, 'red'), tableUrl('action=<id>&light=red'), tasks, 'red');
      // The action's title links to all its tasks.
      await follow(page, b.actionRow(n).getByRole('link').first(), tableUrl('action=<id>'), tasks);
    }
    expect(sumOfMinis).toBe(sum);

    // Per unit: most red first; tasks, red and yellow each link to exactly those tasks.
    const perUnit: [string, string[]][] = [
      [DAWUTONG, ['8.1', '8.2', '8.3', '8.4', '8.5']],
      [ESC, ['9.1', '9.2']],
      [DONGMEN, ['7.1']],
      [DRB, ['6.1']],
    ];
    await expect(b.unitNames()).toHaveText(perUnit.map(([u]) => u));
    for (const [unit, tasks] of perUnit) {
      await expect(b.unitRow(unit).getByRole('cell')).toHaveText([String(tasks.length), String(tasks.length), '0', '—']);
      await follow(page, b.unitLink(unit, 'tasks'), tableUrl('unit=<id>'), tasks);
      await follow(page, b.unitLink(unit, 'red'), tableUrl('unit=<id>&light=red'), tasks, 'red');
      await follow(page, b.unitLink(unit, 'yellow'), tableUrl('unit=<id>&light=yellow'), []);
    }
    // In the example each task has one unit, so the units' tasks add up too.
    expect(perUnit.reduce((s, [, t]) => s + t.length, 0)).toBe(sum);

    // Nothing overdue, due soon or raised yet; every red task's unit is silent.
    await expect(b.overdue.countLink).toHaveText('0');
    await expect(b.overdue.items).toHaveCount(0);
    await expect(b.dueSoon.heading).toHaveText('Milestones due in the next 14 days 0 tasks');
    await expect(b.problems.countLink).toHaveText('0');
    await expect(b.silent.countLink).toHaveText('9');
    await expect(b.silent.items).toHaveText([`${DRB}: 6.1`, `${DONGMEN}: 7.1`, `${DAWUTONG}: 8.1、8.2、8.3、8.4、8.5`, `${ESC}: 9.1、9.2`]);
    await follow(page, b.silent.countLink, tableUrl('show=silent'), ALL_TASKS);

    // Looking is not editing.
    expect(await page.evaluate(() => localStorage.getItem('gongjian.plan'))).toBeNull();
  });

  test('after reports, milestones and a problem, each count lands on exactly its tasks', async ({ page }) => {
    test.slow(); // four sheets edited through the UI, then a dozen links followed
    // 8.3: the plan submitted on time and a report at 60 % → Green.
    let { sheet: s } = await SheetPage.fromTable(page, '8.3');
    await s.submitPlan('1. Agree the new sites\n2. Relocate the warehouses', '2022-02-10');
    await s.addReport({ date: '2022-06-30', progress: '60' });
    await s.expectLight('green', 'on track');

    // 7.1: a milestone due 2022-06-20, not done → still Red, now with an overdue milestone.
    // Dongmen Sub-district reports this week (on its only task).
    ({ sheet: s } = await SheetPage.fromTable(page, '7.1'));
    await s.addMilestone('Design', '2022-06-20');
    await s.addReport({ date: '2022-06-28', progress: '10' });
    await s.expectLight('red');
    await expect(s.milestoneLight('Design')).toHaveAttribute('data-light', 'red');

    // 8.1: a milestone due 2022-07-05 → due in 5 days.
    ({ sheet: s } = await SheetPage.fromTable(page, '8.1'));
    await s.addMilestone('Land survey', '2022-07-05');

    // 9.1: a report that raises a problem.
    ({ sheet: s } = await SheetPage.fromTable(page, '9.1'));
    await s.addReport({ date: '2022-06-29', problems: 'Land price not yet agreed' });
    await expect(s.page.getByRole('region', { name: 'Problems needing coordination' })).toContainText('Land price not yet agreed');

    const b = new BoardPage(page, 'en');
    await b.goto();
    await expect(b.count('green')).toHaveText('1');
    expect(await b.counts()).toEqual({ red: 8, yellow: 0, green: 1, grey: 0, review: 0, done: 0 });
    await expect(b.totalText).toHaveText('9 tasks');
    await follow(page, b.countLink('green'), tableUrl('light=green'), ['8.3'], 'green');
    await follow(
      page,
      b.countLink('red'),
      tableUrl('light=red'),
      ALL_TASKS.filter((n) => n !== '8.3'),
      'red',
    );
    await expect(b.miniCounts(8)).toHaveText(['Red 4', 'Green 1']);
    await follow(page, b.miniCount(8, 'green'), tableUrl('action=<id>&light=green'), ['8.3'], 'green');

    // Overdue: 7.1's "Design", 10 days late.
    await expect(b.overdue.countLink).toHaveText('1');
    await expect(b.overdue.items).toHaveText(['7.1 Upgrading and renovating Dongmen Pedestrian Street · Design · 2022-06-20 (10 days overdue)']);
    await follow(page, b.overdue.countLink, tableUrl('show=overdue'), ['7.1']);

    // Due in the next 14 days: 8.1's "Land survey", in 5 days.
    await expect(b.dueSoon.countLink).toHaveText('1');
    await expect(b.dueSoon.items).toHaveText(['8.1 Transfer 200,000 m² of land for industrial projects · Land survey · 2022-07-05 (5 days left)']);
    await follow(page, b.dueSoon.countLink, tableUrl('show=due_soon'), ['8.1']);

    // Open problems: the one raised on 9.1.
    await expect(b.problems.countLink).toHaveText('1');
    await expect(b.problems.items).toHaveText([
      "2022-06-29 · 9.1 Link the district's investment promotion and land major projects · Land price not yet agreed",
    ]);
    await follow(page, b.problems.countLink, tableUrl('show=problems'), ['9.1']);

    // Not reported this week: Dongmen reported on its only task and is gone;
    // the sub-headquarters reported on 8.3 only, the service center on 9.1 only.
    const silent: [string, string[]][] = [
      [DRB, ['6.1']],
      [DAWUTONG, ['8.1', '8.2', '8.4', '8.5']],
      [ESC, ['9.2']],
    ];
    await expect(b.silent.countLink).toHaveText(String(silent.flatMap(([, t]) => t).length));
    await expect(b.silent.items).toHaveText(silent.map(([u, t]) => `${u}: ${t.join('、')}`));
    await expect(b.silent.item(`${DONGMEN}:`)).toHaveCount(0);
    for (const [unit, tasks] of silent) {
      await follow(page, b.silent.item(`${unit}:`).getByRole('link'), tableUrl('unit=<id>&show=silent'), tasks);
    }
    await follow(page, b.silent.countLink, tableUrl('show=silent'), silent.flatMap(([, t]) => t));

    // The units: red counts and last reports follow.
    await expect(b.unitNames()).toHaveText([DAWUTONG, ESC, DONGMEN, DRB]);
    await expect(b.unitRow(DAWUTONG).getByRole('cell')).toHaveText(['5', '4', '0', '2022-06-30']);
    await expect(b.unitRow(ESC).getByRole('cell')).toHaveText(['2', '2', '0', '2022-06-29']);
    await expect(b.unitRow(DONGMEN).getByRole('cell')).toHaveText(['1', '1', '0', '2022-06-28']);
    await expect(b.unitRow(DRB).getByRole('cell')).toHaveText(['1', '1', '0', '—']);
    await follow(page, b.unitLink(DAWUTONG, 'red'), tableUrl('unit=<id>&light=red'), ['8.1', '8.2', '8.4', '8.5'], 'red');

    // With every list filled, the board still passes axe.
    await expectNoSeriousViolations(page, '/ with every list filled (en)');
  });

  test('two overdue milestones on one task, two problems raised at once: each list shows its entries, its number counts the task once', async ({
    page,
  }) => {
    let { sheet: s } = await SheetPage.fromTable(page, '7.1');
    await s.addMilestone('Design', '2022-06-20');
    await s.addMilestone('Tender', '2022-06-25');
    ({ sheet: s } = await SheetPage.fromTable(page, '9.1'));
    await s.addReport({ date: '2022-06-29', problems: 'Land price not yet agreed\nNo site office' });

    const b = new BoardPage(page, 'en');
    await b.goto();
    // The list shows both milestones (the oldest first) …
    await expect(b.overdue.countLink).toHaveText('1');
    await expect(b.overdue.items).toHaveText([
      '7.1 Upgrading and renovating Dongmen Pedestrian Street · Design · 2022-06-20 (10 days overdue)',
      '7.1 Upgrading and renovating Dongmen Pedestrian Street · Tender · 2022-06-25 (5 days overdue)',
    ]);
    // … and its number, a link, counts the one task they belong to.
    await follow(page, b.overdue.countLink, tableUrl('show=overdue'), ['7.1']);
    await expect(b.problems.countLink).toHaveText('1');
    await expect(b.problems.items).toHaveCount(2);
    await follow(page, b.problems.countLink, tableUrl('show=problems'), ['9.1']);
  });

  for (const c of [
    {
      what: 'My unit = Dongmen Sub-district',
      key: 'unit',
      choose: (b: BoardPage, v: string | null) => b.scope.chooseUnit(v),
      value: DONGMEN,
      tasks: ['7.1'],
      actions: ['7'],
      units: [DONGMEN],
    },
    {
      what: 'My key action = 8',
      key: 'action',
      choose: (b: BoardPage, v: string | null) => b.scope.chooseAction(v),
      value: '8 Building the Dawutong emerging industrial belt',
      tasks: ['8.1', '8.2', '8.3', '8.4', '8.5'],
      actions: ['8'],
      units: [DAWUTONG],
    },
  ]) {
    test(`${c.what} narrows the board, survives a reload, is remembered for the next visit, and "All" forgets it`, async ({ page, context }) => {
      const b = new BoardPage(page, 'en');
      await b.goto();
      await expect(b.totalLink).toHaveText('9');

      const id = await c.choose(b, c.value);
      expect(id).toMatch(new RegExp(`^${UUID}$`));
      await expect(page).toHaveURL(new RegExp(`/\\?${c.key}=${id}&lang=en$`));
      const expectNarrowed = async (board: BoardPage) => {
        await expect(board.totalLink).toHaveText(String(c.tasks.length));
        await expect(board.totalText).toHaveText(`${c.tasks.length} tasks`);
        await expect(board.count('red')).toHaveText(String(c.tasks.length));
        await expect(board.actionNumbers()).toHaveText(c.actions);
        await expect(board.unitNames()).toHaveText(c.units);
        await expect(board.silent.items).toHaveText(c.units.map((u) => `${u}: ${c.tasks.join('、')}`));
        await expect(c.key === 'unit' ? board.scope.unit : board.scope.action).toHaveValue(id);
      };
      await expectNarrowed(b);
      // The board's links carry the scope: the total shows exactly the scoped tasks.
      await follow(page, b.totalLink, tableUrl(`${c.key}=${id}`), c.tasks);
      await follow(page, b.countLink('red'), tableUrl(`${c.key}=${id}&light=red`), c.tasks, 'red');

      // A reload keeps it (it is in the URL).
      await page.reload();
      await b.waitReady();
      await expect(page).toHaveURL(new RegExp(`[?&]${c.key}=${id}(&|$)`));
      await expectNarrowed(b);

      // A visit to "/" without parameters, in the same browser, restores it into the URL.
      const later = await context.newPage();
      await later.goto('/');
      const b2 = new BoardPage(later, 'en');
      await b2.waitReady();
      await expect(later).toHaveURL(new RegExp(`/\\?${c.key}=${id}$`));
      await expectNarrowed(b2);
      await later.close();
      // So does one with only the language.
      await b.goto();
      await expect(page).toHaveURL(new RegExp(`/\\?${c.key}=${id}&lang=en$`));
      await expectNarrowed(b);

      // "All" forgets it: the board is whole again, now and on the next visit.
      await c.choose(b, null);
      await expect(page).toHaveURL(/\/\?lang=en$/);
      await expect(b.totalLink).toHaveText('9');
      await expect(b.actionNumbers()).toHaveCount(11);
      await expect(b.unitNames()).toHaveCount(4);
      await b.goto();
      await expect(b.totalLink).toHaveText('9');
      await expect(page).toHaveURL(/\/\?lang=en$/);
      await page.goto('/');
      await b.waitReady();
      await expect(b.totalLink).toHaveText('9');
      await expect(page).toHaveURL(/\/$/);
    });
  }

  test('the light bar and the progress bars say their numbers to screen readers', async ({ page }) => {
    const b = new BoardPage(page, 'en');
    await b.goto();
    await expect(b.lightBar).toHaveAccessibleName('Red 9, Yellow 0, Green 0, Not started 0, Awaiting review 0, Done 0');
    await expect(b.completionBar).toHaveAccessibleName('Overall completion: 0 %');
    const dawutong = 'Building the Dawutong emerging industrial belt';
    await expect(b.actionBar(8)).toHaveAccessibleName(`${dawutong}: 0 %`);
    // Every bar is an image with a name that carries a figure.
    for (const bar of await page.locator('svg.bar, svg.light-bar').all()) {
      await expect(bar).toHaveAttribute('role', 'img');
      await expect(bar).toHaveAccessibleName(/\d/);
    }

    // 8.3 reports 60 %, plan submitted: the figures follow.
    const { sheet: s } = await SheetPage.fromTable(page, '8.3');
    await s.submitPlan('1. Agree the new sites', '2022-02-10');
    await s.addReport({ date: '2022-06-30', progress: '60' });
    await b.goto();
    await expect(b.lightBar).toHaveAccessibleName('Red 8, Yellow 0, Green 1, Not started 0, Awaiting review 0, Done 0');
    // 60 / 9 tasks ≈ 7 %; 60 / 5 tasks of action 8 = 12 %.
    await expect(b.completionBar).toHaveAccessibleName('Overall completion: 7 %');
    await expect(b.actionBar(8)).toHaveAccessibleName(`${dawutong}: 12 %`);
    await expect(b.actionBar(7)).toHaveAccessibleName('Building the international consumption centre: 0 %');
  });

  test('?lang=zh shows 进度看板 and the lights in Chinese', async ({ page }) => {
    const b = new BoardPage(page, 'zh');
    await b.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(b.heading).toHaveText('进度看板 · 2022-06-30');
    await expect(b.lightCard.getByRole('listitem')).toHaveText(['红灯 9', '黄灯 0', '绿灯 0', '未开始 0', '待审核销号 0', '已完成 0']);
    await expect(b.lightBar).toHaveAccessibleName('红灯 9, 黄灯 0, 绿灯 0, 未开始 0, 待审核销号 0, 已完成 0');
    await expect(b.totalText).toHaveText('9 项任务');
    await expect(b.completionBar).toHaveAccessibleName('总体完成度: 0 %');
    await expect(b.miniCounts(8)).toHaveText(['红灯 5']);
    await expect(b.unitNames()).toHaveText(['大梧桐新兴产业带（笋岗—东晓片区）分指挥部', '罗湖区企业服务中心', '东门街道', '罗湖区发展和改革局']);
    await expect(b.silent.heading).toContainText('本周未反馈的责任单位');
    await expect(b.scope.unit).toHaveAccessibleName('我的单位');
    // Links keep the language.
    await expect(b.countLink('red')).toHaveAttribute('href', '/table?light=red&lang=zh');
    await b.countLink('red').click();
    const t = new TablePage(page, 'zh');
    await t.waitReady();
    await t.expectShown(9, 9);
    await t.expectStatus('7.1', 'red', '红灯', '施工图未报送，应于 2022-02-14 前报送');
  });

  for (const lang of ['en', 'zh'] as Lang[]) {
    test(`axe: the board has no serious violations (${lang})`, async ({ page }) => {
      const b = new BoardPage(page, lang);
      await b.goto();
      await expect(b.count('red')).toHaveText('9');
      await expectNoSeriousViolations(page, `/ (${lang})`);
    });
  }
});
