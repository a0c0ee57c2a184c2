import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures/browsers';
import { ExchangePage } from './pages/exchange-page';
import { TablePage, type Lang } from './pages/table-page';

// These specs hold back or refuse the packer's script (page.route). Once the
// service worker has kept the app's files it answers for them itself, and a
// route never sees the request: it is kept out here.
test.use({ serviceWorkers: 'block' });

// The office opens on the example (Luohu 2022): four of its five units are
// responsible for or co-organize a task (the district itself only issues
// the table), so the ZIP holds four slices.
const WORDS = {
  en: {
    button: "Export every unit's slice (ZIP)",
    busy: "Preparing every unit's slice",
    pack: 'Step 5/5：packing them into one ZIP file',
    failed: 'Could not make the ZIP file',
    noPacker: 'The browser could not start the packer.',
    units: 'Units：4',
  },
  zh: {
    button: '导出全部单位的任务包（ZIP）',
    busy: '正在生成各单位任务包',
    pack: '步骤 5/5：打包成 ZIP 文件',
    failed: '未能生成 ZIP 文件',
    noPacker: '浏览器未能启动打包程序。',
    units: '单位数：4',
  },
} as const;
const ZIP_NAMES = {
  en: 'Luohu District 2022 Critical Task Division of Responsibility Table.slices.zip',
  zh: '罗湖区2022年攻坚任务责任分工表.各单位任务分工.zip',
} as const;
const SLICE_PREFIX = {
  en: 'Luohu District 2022 Critical Task Division of Responsibility Table.slice.',
  zh: '罗湖区2022年攻坚任务责任分工表.任务分工.',
} as const;
const UNITS_WITH_TASKS = {
  en: [
    'Dawutong Emerging Industrial Belt (Sungang–Dongxiao Area) Sub-headquarters',
    'Dongmen Sub-district',
    'Luohu District Development and Reform Bureau',
    'Luohu District Enterprise Service Center',
  ],
  zh: ['东门街道', '大梧桐新兴产业带（笋岗—东晓片区）分指挥部', '罗湖区企业服务中心', '罗湖区发展和改革局'],
} as const;
const DONGMEN = { en: 'Dongmen Sub-district', zh: '东门街道' } as const;
const T71 = { en: 'Upgrading and renovating Dongmen Pedestrian Street', zh: '东门步行街升级改造' } as const;

/** One file of the ZIP as Python's zipfile reads it. */
interface Unzipped {
  name: string;
  text: string;
  /** Whether the entry says its name is UTF-8 (general purpose bit 11). */
  utf8: boolean;
  deflated: boolean;
}

// Python's standard library, not the app's writer.
const UNZIP = String.raw`
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([{'name': i.filename, 'text': z.read(i).decode('utf-8'), 'utf8': bool(i.flag_bits & 0x800),
                   'deflated': i.compress_type == zipfile.ZIP_DEFLATED} for i in z.infolist()]))
`;

function unzip(path: string): Unzipped[] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', UNZIP, path], { encoding: 'utf8' }));
}

interface SliceFile {
  kind: string;
  unit: string;
  exported_by: string | null;
  seal?: { fingerprint: string; public_key: string; signature: string };
  body: {
    plan: {
      units: { id: string; name: { zh: string; en: string } }[];
      tasks: { title: { zh: string; en: string }; responsible: string[]; co_organizers: string[] }[];
    };
  };
}

for (const lang of ['en', 'zh'] as Lang[]) {
  const w = WORDS[lang];

  test(`${lang}: the office exports every unit's slice in one ZIP, signed, one file per unit with a task; a unit imports its own`, async ({
    browsers,
  }) => {
    const office = await browsers.open();
    const ox = new ExchangePage(office, lang);
    await ox.goto();
    const button = ox.section.getByRole('button', { name: w.button, exact: true });
    await expect(button).toBeEnabled();
    await expect(ox.section.getByText(w.units)).toBeVisible();

    // The packer is held back a moment, so that its step shows: four units sealed, then the ZIP.
    await office.route('**/gongjian-xlsx_loader.js', async (r) => {
      await new Promise((done) => setTimeout(done, 1500));
      await r.continue();
    });
    const zip = await ox.download(async () => {
      await button.click();
      const busy = office.getByRole('status').filter({ hasText: w.busy });
      await expect(busy).toContainText(w.pack, { timeout: 20_000 });
      await expect(busy).toContainText(ZIP_NAMES[lang]);
    }, 'office');
    await expect(office.getByRole('status').filter({ hasText: w.busy })).toHaveCount(0);
    expect(zip.name).toBe(ZIP_NAMES[lang]);
    const files = unzip(zip.path);

    // One file per unit that has a task, named for it (a long name is cut
    // to 60 bytes: domain::file_name).
    const prefix = SLICE_PREFIX[lang];
    const unitPart = (name: string) => {
      expect(name.startsWith(prefix) && name.endsWith('.json'), name).toBe(true);
      return name.slice(prefix.length, -'.json'.length);
    };
    const named = UNITS_WITH_TASKS[lang].map((u) => files.filter((f) => u.startsWith(unitPart(f.name))).map((f) => f.name));
    expect(named.map((n) => n.length)).toEqual([1, 1, 1, 1]);
    expect(files).toHaveLength(4);
    for (const f of files) {
      expect(f.deflated, f.name).toBe(true);
      if (lang === 'zh') expect(f.utf8, `${f.name} is marked UTF-8`).toBe(true);
    }

    // Each is a slice for that unit, sealed by the office's one key, holding the unit's tasks.
    const fingerprints = new Set<string>();
    for (const f of files) {
      const slice = JSON.parse(f.text) as SliceFile;
      expect(slice).toMatchObject({ format: 'gongjian-exchange', version: 1, kind: 'slice', exported_by: null });
      expect(slice.seal?.signature, f.name).toBeTruthy();
      fingerprints.add(slice.seal!.fingerprint);
      const unit = slice.body.plan.units.find((u) => u.id === slice.unit)!;
      expect(unit.name[lang].startsWith(unitPart(f.name)), f.name).toBe(true);
      expect(slice.body.plan.tasks.length, f.name).toBeGreaterThan(0);
      for (const t of slice.body.plan.tasks) {
        expect([...t.responsible, ...t.co_organizers], t.title.en).toContain(slice.unit);
      }
    }
    expect(fingerprints.size).toBe(1);

    // The same slice as the one-unit export, apart from when it was written and its signature.
    const single = await ox.exportSlice(DONGMEN[lang], 'office');
    const inZip = files.find((f) => f.name === single.name)!;
    const strip = (text: string) => {
      const { exported_at, seal, ...rest } = JSON.parse(text);
      return { ...rest, fingerprint: seal.fingerprint };
    };
    expect(strip(inZip.text)).toEqual(strip(single.text));

    // Dongmen's browser takes in its slice from the ZIP and sees its tasks.
    const unit = await browsers.open();
    const ux = new ExchangePage(unit, lang);
    await ux.goto();
    await ux.importAndPreview(inZip);
    await ux.apply();
    await ux.expectActingAs(DONGMEN[lang]);
    const tasks = (JSON.parse(inZip.text) as SliceFile).body.plan.tasks;
    const t = new TablePage(unit, lang);
    await t.goto();
    await expect(t.taskRows).toHaveCount(tasks.length);
    await expect(t.table.getByRole('link', { name: T71[lang], exact: true })).toBeVisible();

    // A unit's browser sends no slices: no button.
    await ux.goto();
    await expect(ux.exportReportButton).toBeVisible();
    await expect(ux.section.getByRole('button', { name: w.button })).toHaveCount(0);
  });

  test(`${lang}: when the packer cannot start, the page says so and nothing is downloaded`, async ({ page }) => {
    await page.route('**/gongjian-xlsx_loader.js', (r) => r.abort());
    let downloads = 0;
    page.on('download', () => downloads++);
    const ox = new ExchangePage(page, lang);
    await ox.goto();
    await ox.section.getByRole('button', { name: w.button, exact: true }).click();
    const alert = ox.section.getByRole('alert');
    // The first export loads the import chunk and makes the office's key first.
    await expect(alert).toContainText(w.failed, { timeout: 20_000 });
    await expect(alert).toContainText(ZIP_NAMES[lang]);
    await expect(alert).toContainText(w.noPacker);
    // The busy line is gone and the page works as before.
    await expect(page.getByRole('status').filter({ hasText: w.busy })).toHaveCount(0);
    await expect(ox.exportSliceButton).toBeVisible();
    expect(downloads).toBe(0);
  });
}
