import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang } from './table-page';

/** The settings page's words, as in src/app/i18n/m.rs. */
export const SETTINGS_WORDS = {
  en: {
    heading: 'How the lights are decided',
    warning: 'Warning window (days)',
    asOf: 'View as of',
    save: 'Save',
    saved: 'Saved.',
    nav: 'Settings',
    remind: 'Remind to export after this many days without one (0: never)',
  },
  zh: {
    heading: '红黄绿灯的判定规则',
    warning: '预警窗口（天）',
    asOf: '按此日期查看',
    save: '保存',
    saved: '已保存。',
    nav: '设置',
    remind: '多少天未导出时提醒（0 为不提醒）',
  },
} as const;

/** `/settings`: the thresholds behind the lights and the "as of" date. */
export class SettingsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly warningDays: Locator;
  readonly asOf: Locator;
  /** "Remind to export after this many days without one (0: never)". */
  readonly remindDays: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  /** The header's link to this page. */
  readonly navLink: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = SETTINGS_WORDS[lang];
    this.heading = page.getByRole('heading', { name: w.heading, exact: true });
    const section = page.getByRole('region', { name: w.heading, exact: true });
    this.form = section;
    this.warningDays = section.getByLabel(w.warning);
    this.asOf = section.getByLabel(w.asOf);
    this.remindDays = section.getByLabel(w.remind, { exact: true });
    this.save = section.getByRole('button', { name: w.save, exact: true });
    this.saved = section.getByRole('status');
    this.navLink = page.getByRole('banner').getByRole('navigation').getByRole('link', { name: w.nav, exact: true });
  }

  async goto() {
    await this.page.goto(`/settings?lang=${this.lang}`);
    await expect(this.heading).toBeVisible();
  }

  /** Follow the header's "Settings" link (the app keeps its state). */
  async open() {
    await this.navLink.click();
    await expect(this.heading).toBeVisible();
  }

  /** Change some settings and save. */
  async change(s: { asOf?: string; warningDays?: string; remindDays?: string }) {
    if (s.asOf !== undefined) await this.asOf.fill(s.asOf);
    if (s.warningDays !== undefined) await this.warningDays.fill(s.warningDays);
    if (s.remindDays !== undefined) await this.remindDays.fill(s.remindDays);
    await this.save.click();
    await expect(this.saved).toHaveText(SETTINGS_WORDS[this.lang].saved);
  }
}

/** The storage words, as in src/app/i18n/m.rs (English). */
export const STORAGE_WORDS = {
  heading: 'Browser storage',
  used: 'Space used',
  millionChars: 'million characters',
  warn: 'Storage is more than 80 % full',
  persist: "Browser keeps this site's data (persistent storage)",
  persistAnswers: ['yes, granted', 'no (it may be cleared under pressure; export regularly)', 'unknown'],
  backups: 'Rolling backups',
  noBackups: 'No backups yet.',
  restore: 'Restore',
  confirmRestore: 'Replace the table with this backup? The current table is kept as a backup first.',
  restored: 'Restored the backup of',
  revision: 'revision',
  reminder: 'The plan has not been exported for this many days:',
  reminderHint: 'What was typed here may be the only copy.',
  exportNow: 'Export now',
  later: 'Later',
} as const;

/** The settings page's "Browser storage" section (English). */
export class StoragePanel {
  readonly section: Locator;
  readonly meter: Locator;
  /** "0.05 / 5.2 million characters (1 %)". */
  readonly meterText: Locator;
  readonly warning: Locator;
  /** The answer to `navigator.storage.persist()`, in bold. */
  readonly persisted: Locator;
  readonly backups: Locator;
  readonly noBackups: Locator;
  /** "Restored the backup of <time>". */
  readonly restored: Locator;

  constructor(readonly page: Page) {
    const w = STORAGE_WORDS;
    this.section = page.getByRole('region', { name: w.heading, exact: true });
    this.meter = this.section.getByRole('meter', { name: w.used, exact: true });
    this.meterText = this.section.getByRole('paragraph').filter({ has: page.getByRole('meter', { name: w.used, exact: true }) }).getByText(w.millionChars);
    this.warning = this.section.getByRole('alert').filter({ hasText: w.warn });
    this.persisted = this.section.getByRole('paragraph').filter({ hasText: w.persist }).getByRole('strong');
    this.backups = this.section.getByRole('listitem');
    this.noBackups = this.section.getByText(w.noBackups, { exact: true });
    this.restored = this.section.getByRole('status').filter({ hasText: w.restored });
  }

  /** The backup listed with `revision`. */
  backup(revision: number): Locator {
    return this.backups.filter({ hasText: new RegExp(`· ${STORAGE_WORDS.revision} ${revision}\\b`) });
  }

  /** Restore the backup listed with `revision`, accepting the confirmation; returns its message. */
  async restore(revision: number): Promise<string> {
    const message = new Promise<string>((resolve) =>
      this.page.once('dialog', async (d) => {
        resolve(d.message());
        await d.accept();
      }),
    );
    await this.backup(revision).getByRole('button', { name: new RegExp(`^${STORAGE_WORDS.restore} `) }).click();
    return message;
  }
}

/** The export reminder banner (on every page, English). */
export function exportReminder(page: Page) {
  const banner = page.getByRole('status', { name: STORAGE_WORDS.exportNow, exact: true });
  return {
    banner,
    exportNow: banner.getByRole('button', { name: STORAGE_WORDS.exportNow, exact: true }),
    later: banner.getByRole('button', { name: STORAGE_WORDS.later, exact: true }),
  };
}
