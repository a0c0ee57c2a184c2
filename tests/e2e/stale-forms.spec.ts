import { type BrowserContext, type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures/browsers';
import { storedEnvelope } from './helpers/store';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// No form saves over what it did not show (issue 14, point 1). Tab B opens
// a form; tab A changes one field of the same record and saves (B's table
// follows it live); in B's still-open form the person changes another
// field and saves. Both changes are kept. When both tabs changed the same
// field, B's form shows both values and saves only once the person chose.
// One helper plays this for every kind of edit form.

type Case = {
  /** What the form edits, for the test's name. */
  name: string;
  /** The page both tabs start on. */
  path: string;
  /** Get the page ready in either tab (e.g. open the task sheet). */
  ready?: (p: Page) => Promise<void>;
  /** In tab A, before tab B opens: add the record the form edits. */
  setup?: (p: Page) => Promise<void>;
  /** Open the form in a tab; returns it. */
  open: (p: Page) => Promise<Locator>;
  /** In an open form: set the field tab A changes. */
  theirs: (form: Locator) => Promise<void>;
  /** In an open form: set the other field, the one tab B changes. */
  mine: (form: Locator) => Promise<void>;
  /** Save an open form. */
  save: (form: Locator) => Promise<void>;
  /** Wait until a tab shows tab A's change. */
  seen: (p: Page) => Promise<void>;
  /** Before tab A saves: get tab B ready to tell that it took A's change in (for `seen`). */
  arm?: (p: Page) => Promise<void>;
  /** Check that a tab shows both changes. */
  both: (p: Page) => Promise<void>;
};

const T71 = 'Upgrading and renovating Dongmen Pedestrian Street';

async function twoTabs(ctx: BrowserContext, c: Case): Promise<{ a: Page; b: Page }> {
  const a = await ctx.newPage();
  await a.goto(`${c.path}${c.path.includes('?') ? '&' : '?'}lang=en`);
  await c.ready?.(a);
  await c.setup?.(a);
  const b = await ctx.newPage();
  await b.goto(`${c.path}${c.path.includes('?') ? '&' : '?'}lang=en`);
  await c.ready?.(b);
  return { a, b };
}

/** The two-tab case: A's change and B's change of another field both land. */
async function staleForm(ctx: BrowserContext, c: Case) {
  const { a, b } = await twoTabs(ctx, c);
  const formB = await c.open(b);
  const formA = await c.open(a);
  await c.theirs(formA);
  await c.arm?.(b);
  await c.save(formA);
  await c.seen(b);
  await c.mine(formB);
  await c.save(formB);
  await expect(formB.getByRole('alert')).toHaveCount(0);
  await c.both(b);
  await a.goto(`${c.path}${c.path.includes('?') ? '&' : '?'}lang=en`);
  await c.ready?.(a);
  await c.both(a);
}

const ctxOf = async (open: () => Promise<Page>) => {
  const first = await open();
  const ctx = first.context();
  await first.close();
  return ctx;
};

const save = (name = 'Save') => async (form: Locator) => form.getByRole('button', { name, exact: true }).click();

const sheetReady = async (p: Page) => {
  const t = new TablePage(p, 'en');
  await t.table.getByRole('link', { name: T71, exact: true }).click();
  await new SheetPage(p, 'en').waitReady();
};

/**
 * For the forms whose change shows nowhere else on the page (Settings): the
 * tab takes another tab's save in from the `storage` event of its plan's
 * key. A listener added now runs after the app's own (added at start-up),
 * so once it has fired and the page's effects have run, the tab holds the
 * other tab's change.
 */
const tookInTheOtherTabsSave = async (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as { tookIn?: Promise<void> };
    w.tookIn = new Promise((done) => {
      const on = (e: StorageEvent) => {
        if (e.key !== 'gongjian.plan') return;
        removeEventListener('storage', on);
        setTimeout(done, 100);
      };
      addEventListener('storage', on);
    });
  });
const tookIn = async (p: Page) => {
  await p.evaluate(() => (window as unknown as { tookIn?: Promise<void> }).tookIn);
};

const cases: Case[] = [
  {
    name: 'the task dialog',
    path: '/table',
    ready: async (p) => new TablePage(p, 'en').waitReady(),
    open: async (p) => {
      await new TablePage(p, 'en').taskButton('edit', '7.1').click();
      return p.getByRole('dialog');
    },
    theirs: async (f) => f.getByLabel('Due date', { exact: true }).fill('2022-09-30'),
    mine: async (f) => f.getByLabel('Title (English)', { exact: true }).fill('Dongmen street, renamed'),
    save: save(),
    seen: async (p) => expect(new TablePage(p, 'en').taskRow('7.1')).toContainText('2022-09-30'),
    both: async (p) => {
      const row = new TablePage(p, 'en').taskRow('7.1');
      await expect(row).toContainText('2022-09-30');
      await expect(row).toContainText('Dongmen street, renamed');
    },
  },
  {
    name: 'the key action dialog',
    path: '/table',
    ready: async (p) => new TablePage(p, 'en').waitReady(),
    open: async (p) => {
      await new TablePage(p, 'en').actionButton('edit', 7).click();
      return p.getByRole('dialog');
    },
    theirs: async (f) => f.getByLabel('Title (English)', { exact: true }).fill('Consumption centre, renamed'),
    mine: async (f) => f.getByLabel('Title (Chinese)', { exact: true }).fill('国际消费中心建设（改）'),
    save: save(),
    seen: async (p) => expect(new TablePage(p, 'en').actionRow(7)).toContainText('Consumption centre, renamed'),
    both: async (p) => {
      await expect(new TablePage(p, 'en').actionRow(7)).toContainText('Consumption centre, renamed');
      const stored = (await storedEnvelope(p)).plan.actions.map((x: any) => x.title.zh);
      expect(stored).toContain('国际消费中心建设（改）');
    },
  },
  {
    name: 'a unit',
    path: '/units',
    open: async (p) => p.getByRole('form', { name: 'Dongmen Sub-district', exact: true }),
    theirs: async (f) => f.getByLabel('Name (Chinese)', { exact: true }).fill('东门街道办事处'),
    mine: async (f) => f.getByLabel('Name (English)', { exact: true }).fill('Dongmen Sub-district Office'),
    save: save(),
    seen: async (p) => expect(p.getByRole('form', { name: 'Dongmen Sub-district', exact: true }).getByLabel('Name (Chinese)', { exact: true })).toHaveValue('东门街道办事处'),
    both: async (p) => {
      const f = p.getByRole('form', { name: 'Dongmen Sub-district Office', exact: true });
      await expect(f.getByLabel('Name (Chinese)', { exact: true })).toHaveValue('东门街道办事处');
    },
  },
  {
    name: 'a person',
    path: '/units',
    open: async (p) => p.getByRole('form', { name: 'Lu Yi', exact: true }),
    theirs: async (f) => f.getByLabel('Title (Chinese)', { exact: true }).fill('街道办主任'),
    mine: async (f) => f.getByLabel('Title (English)', { exact: true }).fill('Director of the sub-district office'),
    save: save(),
    seen: async (p) => expect(p.getByRole('form', { name: 'Lu Yi', exact: true }).getByLabel('Title (Chinese)', { exact: true })).toHaveValue('街道办主任'),
    both: async (p) => {
      const f = p.getByRole('form', { name: 'Lu Yi', exact: true });
      await expect(f.getByLabel('Title (Chinese)', { exact: true })).toHaveValue('街道办主任');
      await expect(f.getByLabel('Title (English)', { exact: true })).toHaveValue('Director of the sub-district office');
    },
  },
  {
    name: 'a milestone',
    path: '/table',
    ready: sheetReady,
    setup: async (p) => new SheetPage(p, 'en').addMilestone('Design', '2022-07-03'),
    open: async (p) => {
      const s = new SheetPage(p, 'en');
      await s.scheduleSection.getByRole('button', { name: 'Edit milestone Design', exact: true }).click();
      return s.scheduleSection.getByRole('form', { name: 'Edit milestone Design', exact: true });
    },
    theirs: async (f) => f.getByLabel('Due date', { exact: true }).fill('2022-07-10'),
    mine: async (f) => f.getByLabel('Done on', { exact: true }).fill('2022-06-20'),
    save: save(),
    seen: async (p) => expect(new SheetPage(p, 'en').milestoneRow('Design')).toContainText('2022-07-10'),
    both: async (p) => expect(new SheetPage(p, 'en').milestoneRow('Design').getByRole('cell')).toContainText(['Design', '2022-07-10', '2022-06-20']),
  },
  {
    name: 'a target',
    path: '/table',
    ready: sheetReady,
    setup: async (p) => new SheetPage(p, 'en').addTarget({ name: 'Shops reopened', measure: 'shops', baseline: '0', target: '50' }),
    open: async (p) => {
      const s = new SheetPage(p, 'en');
      await s.targetRow('Shops reopened').getByRole('button', { name: 'Edit target Shops reopened', exact: true }).click();
      return s.targetsSection.getByRole('form', { name: 'Edit target Shops reopened', exact: true });
    },
    theirs: async (f) => f.getByLabel('Target value', { exact: true }).fill('60'),
    mine: async (f) => f.getByLabel('Unit of measure', { exact: true }).fill('shops open'),
    save: save(),
    seen: async (p) => expect(new SheetPage(p, 'en').targetRow('Shops reopened')).toContainText('60'),
    both: async (p) => {
      const row = new SheetPage(p, 'en').targetRow('Shops reopened');
      await expect(row).toContainText('60');
      await expect(row).toContainText('shops open');
    },
  },
  {
    name: 'the plan details on Settings',
    path: '/settings',
    open: async (p) => p.getByRole('form', { name: /Plan details/ }),
    theirs: async (f) => f.getByLabel('Plan-submission window (days after kick-off)', { exact: true }).fill('10'),
    mine: async (f) => f.getByLabel('Title (English)', { exact: true }).fill('Luohu 2022, renamed'),
    save: save(),
    arm: tookInTheOtherTabsSave,
    seen: tookIn,
    both: async (p) => {
      const plan = (await storedEnvelope(p)).plan;
      expect(plan.settings.plan_due_days).toBe(10);
      expect(plan.title.en).toBe('Luohu 2022, renamed');
    },
  },
  {
    name: 'the light settings',
    path: '/settings',
    open: async (p) => p.locator('section.settings').filter({ has: p.locator('#settings-heading') }).locator('form'),
    theirs: async (f) => f.getByLabel(/^Warning window/).fill('9'),
    mine: async (f) => f.getByLabel(/^Reporting interval/).fill('12'),
    save: save(),
    arm: tookInTheOtherTabsSave,
    seen: tookIn,
    both: async (p) => {
      const s = (await storedEnvelope(p)).plan.settings;
      expect([s.warning_days, s.report_interval_days]).toEqual([9, 12]);
    },
  },
];

for (const c of cases) {
  test(`${c.name}: a field changed in another tab while the form was open is kept`, async ({ browsers }) => {
    test.setTimeout(60_000);
    await staleForm(await ctxOf(() => browsers.open()), c);
  });
}

test('the same field changed in both tabs: both values shown, saved only once the person chose', async ({ browsers }) => {
  test.setTimeout(60_000);
  const c = cases[0];
  const { a, b } = await twoTabs(await ctxOf(() => browsers.open()), c);
  const formB = await c.open(b);
  const formA = await c.open(a);
  await c.theirs(formA);
  await c.save(formA);
  await c.seen(b);
  await formB.getByLabel('Due date', { exact: true }).fill('2022-08-31');
  await c.save(formB);
  // B's dialog stays open and names the field and both values.
  const clash = formB.getByRole('alert');
  await expect(clash).toBeFocused();
  await expect(clash).toContainText('While you were editing, the table changed these');
  await expect(clash.getByRole('group', { name: 'Due date' })).toBeVisible();
  await expect(clash.getByRole('radio', { name: 'Keep what I entered: “2022-08-31”' }).or(clash.getByRole('radio', { name: /Keep what I entered: .*2022-08-31/ }))).toBeVisible();
  await expect(clash.getByRole('radio', { name: /Use the table's value now: .*2022-09-30/ })).toBeVisible();
  // Nothing stored yet: the table still has A's date.
  await expect(new TablePage(b, 'en').taskRow('7.1')).toContainText('2022-09-30');
  await clash.getByRole('radio', { name: /Keep what I entered/ }).check();
  await c.save(formB);
  await expect(formB).toHaveCount(0);
  await expect(new TablePage(b, 'en').taskRow('7.1')).toContainText('2022-08-31');
  await a.reload();
  await expect(new TablePage(a, 'en').taskRow('7.1')).toContainText('2022-08-31');
});
