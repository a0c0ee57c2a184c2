import { type Locator, type Page } from '@playwright/test';
import { type Lang } from './table-page';

/** The words of the refused-save dialog and the storage banners (src/app/i18n/m_keep.rs, m.rs). */
export const NOTICE_WORDS = {
  en: {
    refusedTitle: 'Your change was not stored',
    download: 'Download the plan (JSON)',
    close: 'Close (the change is still not stored)',
    unsavedBefore: 'The last changes made in this browser were not stored',
    importDownloaded: 'Import the downloaded file',
    unreadable: 'could not be read',
    restoreNewest: 'Restore the newest backup',
    importAFile: 'Import a file (such as the last exported plan)',
    fitSome: 'Backups that fit now:',
  },
  zh: {
    refusedTitle: '修改没有保存到浏览器',
    download: '下载计划（JSON）',
    close: '关闭（修改仍未保存）',
    unsavedBefore: '上次在这个浏览器中的最后修改没有保存',
    importDownloaded: '导入下载的文件',
    unreadable: '无法读取',
    restoreNewest: '恢复最新的备份',
    importAFile: '导入文件（如上次导出的整张表）',
    fitSome: '现在可保留的备份份数：',
  },
} as const;

/** The refused-save dialog and the banners about storage, on any page. */
export class StorageNotices {
  readonly refused: Locator;
  readonly download: Locator;
  readonly close: Locator;
  /** "The last changes made in this browser were not stored …" (after a reload). */
  readonly unsavedBefore: Locator;
  readonly importDownloaded: Locator;
  readonly unreadable: Locator;
  readonly restoreNewest: Locator;
  readonly importAFile: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = NOTICE_WORDS[lang];
    this.refused = page.getByRole('alertdialog', { name: w.refusedTitle, exact: true });
    this.download = this.refused.getByRole('button', { name: w.download, exact: true });
    this.close = this.refused.getByRole('button', { name: w.close, exact: true });
    this.unsavedBefore = page.getByRole('alert').filter({ hasText: w.unsavedBefore });
    this.importDownloaded = this.unsavedBefore.getByLabel(w.importDownloaded, { exact: true });
    this.unreadable = page.getByRole('alert').filter({ hasText: w.unreadable });
    this.restoreNewest = this.unreadable.getByRole('button', { name: new RegExp(`^${w.restoreNewest}`) });
    this.importAFile = this.unreadable.getByLabel(w.importAFile, { exact: true });
  }
}
