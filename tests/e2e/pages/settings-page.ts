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
  },
  zh: {
    heading: '红黄绿灯的判定规则',
    warning: '预警窗口（天）',
    asOf: '按此日期查看',
    save: '保存',
    saved: '已保存。',
    nav: '设置',
  },
} as const;

/** `/settings`: the thresholds behind the lights and the "as of" date. */
export class SettingsPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly warningDays: Locator;
  readonly asOf: Locator;
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
  async change(s: { asOf?: string; warningDays?: string }) {
    if (s.asOf !== undefined) await this.asOf.fill(s.asOf);
    if (s.warningDays !== undefined) await this.warningDays.fill(s.warningDays);
    await this.save.click();
    await expect(this.saved).toHaveText(SETTINGS_WORDS[this.lang].saved);
  }
}
