import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseCsv, readXlsx, square } from './helpers/sheets';
import { BoardPage } from './pages/board-page';
import { TablePage, WORDS } from './pages/table-page';

const COLUMNS = ['No.', 'Task', 'Overall leading district leader', 'Overall leading unit', 'Responsible unit', 'Co-organizers', 'Due date', 'Status'];
const UNIT_COLUMNS = ['Unit', 'Tasks', 'Red', 'Yellow', 'Last report'];
const DAWUTONG = 'Dawutong Emerging Industrial Belt (Sungang–Dongxiao Area) Sub-headquarters';
const LIGHT_WORDS = ['Red', 'Yellow', 'Green', 'Not started', 'Awaiting review', 'Done'];

interface Got {
  name: string;
  path: string;
  bytes: Buffer;
}

/** Click `button` and save the download it starts. */
async function download(page: Page, button: Locator, who: string): Promise<Got> {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const name = d.suggestedFilename();
  const path = test.info().outputPath(who, name);
  await d.saveAs(path);
  return { name, path, bytes: await readFile(path) };
}

/** A CSV download: the BOM, then RFC 4180 records. */
function csvRows(got: Got): string[][] {
  expect([...got.bytes.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
  const text = got.bytes.subarray(3).toString('utf8');
  // Every line ends with CRLF (a bare LF could only be inside a quoted field).
  return parseCsv(text);
}

/** The rows of the responsibility table on the page: every cell's text (the Actions column left out). */
function pageRows(t: TablePage): Promise<string[][]> {
  return t.table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 8).map((c) => (c as HTMLElement).innerText.trim())),
  );
}

function exportsOf(scope: Locator | Page) {
  return {
    csv: scope.getByRole('button', { name: 'Export CSV', exact: true }),
    xlsx: scope.getByRole('button', { name: 'Export Excel (XLSX)', exact: true }),
  };
}

test.describe('spreadsheets', () => {
  test('the table exports as CSV: BOM, CRLF, RFC 4180 quoting, the same rows as the page', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    const got = await download(page, exportsOf(page).csv, 'all');
    expect(got.name).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.table.csv');
    const text = got.bytes.toString('utf8');
    expect(text.split('\r\n').length - 1).toBe(text.split('\n').length - 1);
    // A title with a comma is quoted.
    expect(text).toContain('"Begin reconstructing 172,000 m² of rundown buildings"');

    const rows = csvRows(got);
    expect(rows[0]).toEqual(COLUMNS);
    const body = rows.slice(1);
    for (const r of body) expect(r, r.join('|')).toHaveLength(COLUMNS.length);

    // Key actions ("8") and tasks ("8.1"), in the page's order.
    const shown = await pageRows(t);
    expect(body.map((r) => r[0])).toEqual(shown.map((r) => r[0]));
    expect(body.map((r) => r[1])).toEqual(shown.map((r) => r[1]));
    const actions = body.filter((r) => /^\d+$/.test(r[0]));
    const tasks = body.filter((r) => /^\d+\.\d+$/.test(r[0]));
    expect(actions.length).toBe(await t.actionRows.count());
    expect(tasks.length).toBe(9);
    expect(actions.length + tasks.length).toBe(body.length);
    // Tasks: their due dates and units as on the page; a key action has none.
    for (const r of tasks) {
      const row = shown.find((s) => s[0] === r[0])!;
      expect(r[6], r[0]).toBe(row[6]);
      expect(r[6], r[0]).toMatch(/^(\d{4}-\d\d-\d\d)?$/);
      expect(r[4], r[0]).not.toBe('');
    }
    for (const r of actions) expect(r.slice(4, 7), r[0]).toEqual(['', '', '']);
    // Status: the light's word, then its first reason.
    for (const r of body) expect(r[7], r[0]).toMatch(new RegExp(`^(${LIGHT_WORDS.join('|')})(: .+)?$`));
    const lights = await t.taskRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-light]')!.textContent!.trim()));
    expect(tasks.map((r) => r[7].split(':')[0])).toEqual(lights);
  });

  test('the CSV follows the current filter', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.unitFilter.selectOption({ label: DAWUTONG });
    await t.expectShown(5, 9);
    const rows = csvRows(await download(page, exportsOf(page).csv, 'unit'));
    expect(rows[0]).toEqual(COLUMNS);
    const tasks = rows.slice(1).filter((r) => /^\d+\.\d+$/.test(r[0]));
    expect(tasks.map((r) => r[0])).toEqual(await t.taskNumbers().allTextContents());
    expect(tasks).toHaveLength(5);
    expect(rows.slice(1).map((r) => r[0])).toEqual((await pageRows(t)).map((r) => r[0]));

    // Narrowed further by a search.
    const title = (await t.taskTitle('8.4').textContent())!;
    await t.searchBox.fill(title);
    await t.expectShown(1, 9);
    const one = csvRows(await download(page, exportsOf(page).csv, 'search'));
    expect(one.slice(1).filter((r) => /^\d+\.\d+$/.test(r[0])).map((r) => [r[0], r[1]])).toEqual([['8.4', title]]);
  });

  test('the board\'s unit table exports as CSV, named with the date', async ({ page }) => {
    const b = new BoardPage(page, 'en');
    await b.goto();
    const date = /(\d{4}-\d\d-\d\d)/.exec((await b.heading.textContent())!)![1];
    const region = page.getByRole('region', { name: 'Units', exact: true });
    const got = await download(page, exportsOf(region).csv, 'board');
    expect(got.name).toBe(`Luohu District 2022 Critical Task Division of Responsibility Table.units.${date}.csv`);
    const rows = csvRows(got);
    expect(rows[0]).toEqual(UNIT_COLUMNS);
    const shown = await b.unitsTable.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(rows.slice(1)).toEqual(shown);
  });

  test('the table exports as XLSX (in a worker started on export), cell for cell as the CSV', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const t = new TablePage(page, 'en');
    await t.goto();
    const csv = csvRows(await download(page, exportsOf(page).csv, 'csv'));
    // No XLSX writer on an ordinary visit.
    expect(workers).toEqual([]);

    const got = await download(page, exportsOf(page).xlsx, 'xlsx');
    expect(got.name).toBe('Luohu District 2022 Critical Task Division of Responsibility Table.table.xlsx');
    expect(got.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(workers.some((u) => u.endsWith('/gongjian-xlsx_loader.js'))).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'Writing the Excel file' })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);

    const x = readXlsx(got.path);
    expect(x.sheets).toEqual(['Responsibility table']);
    expect(x.rows).toEqual(square(csv, COLUMNS.length));
    // Numbers such as "7.1" stay text, not 7.1.
    const numberCells = x.rows.map((_, i) => `A${i + 1}`);
    for (const ref of numberCells) expect(x.types[ref], ref).not.toBe('n');
  });

  test('a filtered table and the board\'s units export as XLSX like their CSV', async ({ page }) => {
    const t = new TablePage(page, 'en');
    await t.goto();
    await t.unitFilter.selectOption({ label: DAWUTONG });
    await t.expectShown(5, 9);
    const csv = csvRows(await download(page, exportsOf(page).csv, 'csv'));
    expect(csv.slice(1).filter((r) => /^\d+\.\d+$/.test(r[0]))).toHaveLength(5);
    const x = readXlsx((await download(page, exportsOf(page).xlsx, 'xlsx')).path);
    expect(x.rows).toEqual(square(csv, COLUMNS.length));

    const b = new BoardPage(page, 'en');
    await b.goto();
    const region = page.getByRole('region', { name: 'Units', exact: true });
    const ucsv = csvRows(await download(page, exportsOf(region).csv, 'units-csv'));
    const got = await download(page, exportsOf(region).xlsx, 'units-xlsx');
    expect(got.name).toMatch(/^Luohu District 2022 Critical Task Division of Responsibility Table\.units\.\d{4}-\d\d-\d\d\.xlsx$/);
    const ux = readXlsx(got.path);
    expect(ux.sheets).toEqual(['Units']);
    expect(ux.rows).toEqual(square(ucsv, UNIT_COLUMNS.length));
    // The counts are numbers in the workbook.
    for (let r = 2; r <= ux.rows.length; r++) for (const c of 'BCD') expect(ux.types[`${c}${r}`], `${c}${r}`).toBe('n');
  });
});

// The Chinese interface exports Chinese headers (the same columns).
test('the Chinese table exports its CSV with Chinese headers', async ({ page }) => {
  const t = new TablePage(page, 'zh');
  await t.goto();
  const rows = csvRows(await download(page, page.getByRole('button', { name: '导出 CSV', exact: true }), 'zh'));
  expect(rows[0]).toEqual(WORDS.zh.columns.slice(0, 8));
  expect(rows.length).toBe((await pageRows(t)).length + 1);
});
