import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { type Lang } from './table-page';

/** The exchange words the tests rely on, as in src/app/i18n/m.rs. */
export const EXCHANGE_WORDS = {
  en: {
    nav: 'Exchange',
    heading: 'Exchange files',
    actingAs: 'Acting as',
    office: 'Supervision office (master table)',
    importFile: 'Import file',
    whoAmI: 'This browser acts as',
    exportPlan: 'Export the whole plan (also a backup)',
    sliceFor: 'Slice for',
    exportSlice: "Export a unit's slice",
    exportReport: "Export my unit's report",
    reportCount: 'Records added or changed since the slice',
    noBase: 'This browser has not imported its unit',
    preview: 'Import preview',
    fileKind: 'File kind',
    from: 'From',
    kindPlan: 'Whole plan',
    kindSlice: "Unit's slice",
    kindReport: "Unit's report",
    replaces: "The table is the example: importing replaces it with the file's plan.",
    added: 'To be added',
    changed: 'To be changed',
    present: 'Skipped, already present',
    older: "Skipped, older than the table's version",
    refusedList: "Refused (not the sender's to change)",
    conflicts: 'Conflicts: both sides changed it; choose',
    nothingNew: 'Nothing new: everything in this file is already in the table.',
    keep: "Keep the table's value",
    take: "Take the file's value",
    apply: 'Apply import',
    cancel: 'Cancel',
    chooseAll: 'Choose a value for each conflict; still open:',
    cannotImport: 'Cannot import the file',
    unchanged: 'The table is unchanged.',
    imported: 'Imported',
    undo: 'Undo import',
    nAdded: 'added',
    nChanged: 'changed',
    /** "Report：<task> <date>"-style items start with the record kind. */
    report: 'Report',
    task: 'Task',
    planField: 'Plan',
  },
  zh: {
    nav: '文件交换',
    heading: '文件交换',
    actingAs: '本机身份',
    office: '督查办（总表）',
    importFile: '导入文件',
    whoAmI: '本浏览器代表',
    exportPlan: '导出整张表（也用作备份）',
    sliceFor: '分片给',
    exportSlice: '导出单位分片',
    exportReport: '导出本单位报送文件',
    reportCount: '自收到分片以来新增或修改的记录数',
    noBase: '本浏览器还没有导入本单位的任务分片',
    preview: '导入预览',
    fileKind: '文件类型',
    from: '来自',
    kindPlan: '整张表',
    kindSlice: '单位分片',
    kindReport: '单位报送',
    replaces: '当前是示例表：导入后，示例会被文件中的表替换。',
    added: '将新增',
    changed: '将修改',
    present: '已存在，跳过',
    older: '比表中的版本旧，跳过',
    refusedList: '不予接受（不属于发送单位修改的范围）',
    conflicts: '冲突：双方都改了，请选择',
    nothingNew: '没有新内容：文件中的记录表中都已经有了。',
    keep: '保留表中的值',
    take: '采用文件中的值',
    apply: '确认导入',
    cancel: '取消',
    chooseAll: '请为每个冲突选择一个值，尚未选择：',
    cannotImport: '无法导入文件',
    unchanged: '表格没有任何改动。',
    imported: '已导入',
    undo: '撤销导入',
    nAdded: '条新增',
    nChanged: '条修改',
    report: '进展反馈',
    task: '任务',
    planField: '施工图',
  },
} as const;

export type ExchangeWords = (typeof EXCHANGE_WORDS)[Lang];

/** A file the app offered for download, saved under the test's output directory. */
export interface Saved {
  /** The name the app gave it (`download.suggestedFilename()`). */
  name: string;
  /** Where it was saved. */
  path: string;
  /** Its text. */
  text: string;
}

/**
 * The exchange parts of the app: the header's "Acting as" and "Import
 * file", the import preview and its banners (shown on every page), and the
 * `/exchange` page with its exports.
 */
export class ExchangePage {
  readonly w: ExchangeWords;
  readonly banner: Locator;
  /** "Acting as：<unit or the office>" in the header. */
  readonly actingAs: Locator;
  /** The header's "Import file" control: a file input inside its label. */
  readonly importInput: Locator;

  // ---- /exchange ----
  readonly heading: Locator;
  readonly section: Locator;
  readonly whoAmI: Locator;
  readonly exportPlanButton: Locator;
  readonly sliceFor: Locator;
  readonly exportSliceButton: Locator;
  readonly exportReportButton: Locator;
  /** The number of records the unit's report would carry. */
  readonly reportCount: Locator;

  // ---- the import preview and its outcome ----
  readonly preview: Locator;
  readonly applyButton: Locator;
  readonly cancelButton: Locator;
  readonly nothingNew: Locator;
  readonly replaces: Locator;
  readonly chooseAll: Locator;
  /** Every conflict's fieldset. */
  readonly conflicts: Locator;
  /** The refusal banner (role alert). */
  readonly refused: Locator;
  /** "Imported <file>: n added, m changed" (role status) with "Undo import". */
  readonly done: Locator;
  readonly undoButton: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = EXCHANGE_WORDS[lang]);
    this.banner = page.getByRole('banner');
    this.actingAs = this.banner.getByRole('paragraph').filter({ hasText: w.actingAs });
    this.importInput = this.banner.getByLabel(w.importFile, { exact: true });

    this.heading = page.getByRole('heading', { name: w.heading, exact: true, level: 2 });
    this.section = page.getByRole('region', { name: w.heading, exact: true });
    this.whoAmI = this.section.getByRole('combobox', { name: w.whoAmI, exact: true });
    this.exportPlanButton = this.section.getByRole('button', { name: w.exportPlan, exact: true });
    this.sliceFor = this.section.getByRole('combobox', { name: w.sliceFor, exact: true });
    this.exportSliceButton = this.section.getByRole('button', { name: w.exportSlice, exact: true });
    this.exportReportButton = this.section.getByRole('button', { name: w.exportReport, exact: true });
    this.reportCount = this.section.getByText(w.reportCount).getByRole('strong');

    // The preview is a region named "Import preview <file name>".
    this.preview = page.getByRole('region', { name: new RegExp(`^${w.preview}\\s`) });
    this.applyButton = this.preview.getByRole('button', { name: w.apply, exact: true });
    this.cancelButton = this.preview.getByRole('button', { name: w.cancel, exact: true });
    this.nothingNew = this.preview.getByRole('status');
    this.replaces = this.preview.getByText(w.replaces, { exact: true });
    this.chooseAll = this.preview.getByText(w.chooseAll);
    this.conflicts = this.preview.getByRole('group').filter({ has: page.getByRole('radio') });
    this.refused = page.getByRole('alert').filter({ hasText: w.cannotImport });
    this.done = page.getByRole('status').filter({ hasText: w.imported });
    this.undoButton = this.done.getByRole('button', { name: w.undo, exact: true });
  }

  /** Open `/exchange` with the language forced, and wait for the page. */
  async goto() {
    await this.page.goto(`/exchange?lang=${this.lang}`);
    await expect(this.heading).toBeVisible();
  }

  /** Follow the header's "Exchange" link (no reload). */
  async open() {
    await this.banner.getByRole('navigation').getByRole('link', { name: this.w.nav, exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Expect the header to say who this browser acts as. */
  async expectActingAs(who: string) {
    await expect(this.actingAs).toHaveText(`${this.w.actingAs}：${who}`);
  }

  /** Run `click`, catch the download it starts, and save it as `<who>/<name>` in the test's output. */
  async download(click: () => Promise<unknown>, who: string): Promise<Saved> {
    const [d] = await Promise.all([this.page.waitForEvent('download'), click()]);
    const name = d.suggestedFilename();
    const path = test.info().outputPath(who, name);
    await d.saveAs(path);
    return { name, path, text: await readFile(path, 'utf8') };
  }

  /** Export the whole plan. */
  exportPlan(who: string): Promise<Saved> {
    return this.download(() => this.exportPlanButton.click(), who);
  }

  /** Export the slice of `unit` (the office only). */
  async exportSlice(unit: string, who: string): Promise<Saved> {
    await this.sliceFor.selectOption({ label: unit });
    await expect(this.exportSliceButton).toBeEnabled();
    return this.download(() => this.exportSliceButton.click(), who);
  }

  /** Export this unit's report (a unit only). */
  exportReport(who: string): Promise<Saved> {
    return this.download(() => this.exportReportButton.click(), who);
  }

  /** Choose a file with the header's "Import file" control: a saved file, or a name and a text. */
  async importFile(file: Saved | { name: string; text: string }) {
    await this.importInput.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text, 'utf8') });
  }

  /** Import `file` and wait for its preview. */
  async importAndPreview(file: Saved | { name: string; text: string }) {
    await this.importFile(file);
    await expect(this.preview).toBeVisible();
    await expect(this.preview.getByRole('heading', { level: 2 })).toHaveText(`${this.w.preview} ${file.name}`);
  }

  /** Import `file` and expect it refused. */
  async importRefused(file: Saved | { name: string; text: string }) {
    await this.importFile(file);
    await expect(this.refused).toBeVisible();
  }

  /** Apply the previewed import and wait for "Imported <file>: …". */
  async apply() {
    await expect(this.applyButton).toBeEnabled();
    await this.applyButton.click();
    await expect(this.preview).toHaveCount(0);
    await expect(this.done).toBeVisible();
  }

  /** A value of the preview's head ("File kind", "From", "Exported at"). */
  fact(term: string): Locator {
    return this.preview.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');
  }

  /** The folded list `title` of the preview (e.g. "To be added"): its items. */
  list(title: string): Locator {
    return this.preview
      .locator('details')
      .filter({ has: this.page.locator('summary', { hasText: title }) })
      .getByRole('listitem');
  }

  /** The summary of list `title`: "<title> (n)". */
  listSummary(title: string): Locator {
    return this.preview.locator('summary').filter({ hasText: title });
  }

  /** The radio of a conflict: keep the table's value or take the file's. */
  choice(conflict: Locator, which: 'keep' | 'take'): Locator {
    return conflict.getByRole('radio', { name: new RegExp(`^${escapeRe(which === 'keep' ? this.w.keep : this.w.take)}`) });
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of the import history, as in src/app/i18n/m_imports.rs. */
export const HISTORY_WORDS = {
  en: {
    heading: 'Import history',
    applied: 'Imported',
    undone: 'Undid import',
    from: 'From',
    added: 'Added',
    changed: 'Changed',
    undo: 'Undo this import',
    whyChanged: 'The table has changed since; undoing would lose those changes, so it is no longer offered.',
    whyUndone: 'Undone.',
  },
  zh: {
    heading: '导入记录',
    applied: '导入',
    undone: '撤销导入',
    from: '发送单位',
    added: '新增',
    changed: '修改',
    undo: '撤销这次导入',
    whyChanged: '导入后表格又有修改，撤销会丢掉这些修改，因此不再提供。',
    whyUndone: '已撤销。',
  },
} as const;

/** The import history on `/exchange`: one list item per import or undo, newest first. */
export class ImportHistory {
  readonly w: (typeof HISTORY_WORDS)[Lang];
  readonly section: Locator;
  readonly entries: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.w = HISTORY_WORDS[lang];
    this.section = page.getByRole('region', { name: this.w.heading, exact: true });
    this.entries = this.section.getByRole('listitem');
  }

  /** The entry at `i` (0: the newest). */
  entry(i: number): Locator {
    return this.entries.nth(i);
  }

  /** A value of an entry's facts ("From", "Added", …). */
  fact(entry: Locator, term: string): Locator {
    return entry.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  undoButton(entry: Locator): Locator {
    return entry.getByRole('button', { name: this.w.undo, exact: true });
  }
}
