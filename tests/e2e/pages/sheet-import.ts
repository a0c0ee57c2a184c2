import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang } from './table-page';

/** The spreadsheet import's words, as in src/app/i18n/m_sheet.rs. */
export const SHEET_WORDS = {
  zh: {
    title: '从电子表格导入责任分工表',
    paste: '从 Excel 或 WPS 粘贴',
    pasteRead: '读取粘贴的内容',
    pasted: '粘贴的表格',
    found: '读到',
    intoNew: '用它新建一份分工表（替换浏览器中现有的表，可撤销）',
    intoCurrent: '加入当前分工表',
    newTitle: '新表名称',
    preview: '预览导入',
    cancel: '取消',
    problems: '读不出的单元格',
    remarks: '需要留意的单元格',
    unitsFound: '与本表已有单位对应',
    unitsNew: '将新建的单位',
    refused: '未能导入表格',
    columnBecomes: (letter: string) => `列 ${letter} 导入为`,
    notFound: '（未识别）',
    madeHere: '由本浏览器从电子表格读取，无需签名',
  },
  en: {
    title: 'Import a responsibility table from a spreadsheet',
    paste: 'Paste from Excel or WPS',
    pasteRead: 'Read the pasted cells',
    pasted: 'Pasted cells',
    found: 'Found',
    intoNew: 'A new plan made from it (it replaces the table in this browser; undoable)',
    intoCurrent: 'The current plan, added to it',
    newTitle: "The new plan's title",
    preview: 'Preview the import',
    cancel: 'Cancel',
    problems: 'Cells that could not be read',
    remarks: 'Cells to look at',
    unitsFound: 'Matched to units already in the table',
    unitsNew: 'Units that will be created',
    refused: 'The spreadsheet was not imported',
    columnBecomes: (letter: string) => `Column ${letter} Becomes`,
    notFound: '(not recognised)',
    madeHere: 'Read from a spreadsheet in this browser: nothing to sign',
  },
} as const;

/** The mapping preview of a spreadsheet import, and the paste box. */
export class SheetImport {
  readonly w: (typeof SHEET_WORDS)[Lang];
  readonly mapping: Locator;
  readonly found: Locator;
  readonly previewButton: Locator;
  readonly refused: Locator;
  readonly pasteBox: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    const w = (this.w = SHEET_WORDS[lang]);
    this.mapping = page.getByRole('region', { name: new RegExp(`^${w.title}\\s`) });
    this.found = this.mapping.getByRole('status');
    this.previewButton = this.mapping.getByRole('button', { name: w.preview, exact: true });
    this.refused = page.getByRole('alert').filter({ hasText: w.refused });
    this.pasteBox = page.getByRole('textbox', { name: w.paste, exact: true });
  }

  /** Paste `text` (tab-separated cells) into the box on the Exchange page and read it. */
  async paste(text: string) {
    await this.page.getByText(this.w.paste, { exact: true }).click();
    await this.pasteBox.fill(text);
    await this.page.getByRole('button', { name: this.w.pasteRead, exact: true }).click();
    await expect(this.mapping).toBeVisible();
  }

  /** The select that says what column `letter` becomes. */
  column(letter: string): Locator {
    return this.mapping.getByRole('combobox', { name: this.w.columnBecomes(letter), exact: true });
  }

  /** "<n> key actions and <m> tasks". */
  async expectFound(actions: number, tasks: number) {
    await expect(this.found).toContainText(new RegExp(`${this.w.found}\\s*${actions}\\s.*\\s${tasks}\\s`));
  }

  /** The rows of "The first rows as they will land". */
  firstRows(): Locator {
    return this.mapping.locator('table.sheet-rows tbody tr');
  }

  /** The list `title` of remarks (a folded list): its items. */
  list(title: string): Locator {
    return this.mapping
      .locator('details')
      .filter({ has: this.page.locator('summary', { hasText: title }) })
      .locator('li');
  }
}
