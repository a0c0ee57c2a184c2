import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang } from './table-page';

/** The "Units and people" page's words, as in src/app/i18n/m.rs. */
export const UNITS_WORDS = {
  en: { units: 'Units', people: 'People', addUnit: 'Add unit', nameZh: 'Name (Chinese)', nameEn: 'Name (English)' },
  zh: { units: '单位', people: '人员', addUnit: '添加单位', nameZh: '名称（中文）', nameEn: '名称（英文）' },
} as const;

/** `/units`: the units (one form each, and one to add a unit) and the people. */
export class UnitsPage {
  readonly w: (typeof UNITS_WORDS)[Lang];
  readonly units: Locator;
  readonly heading: Locator;
  readonly addForm: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = UNITS_WORDS[lang]);
    this.units = page.getByRole('region', { name: w.units, exact: true });
    this.heading = this.units.getByRole('heading', { name: w.units, exact: true });
    this.addForm = this.units.getByRole('form', { name: w.addUnit, exact: true });
  }

  async goto() {
    await this.page.goto(`/units?lang=${this.lang}`);
    await expect(this.heading).toBeVisible();
  }

  /** The form of the unit named `name` (in this page's language). */
  unitForm(name: string): Locator {
    return this.units.getByRole('form', { name, exact: true });
  }

  /** Add a unit with its Chinese and English names. */
  async add(name: { zh: string; en: string }) {
    await this.addForm.getByLabel(this.w.nameZh, { exact: true }).fill(name.zh);
    await this.addForm.getByLabel(this.w.nameEn, { exact: true }).fill(name.en);
    await this.addForm.getByRole('button', { name: this.w.addUnit, exact: true }).click();
    await expect(this.unitForm(name[this.lang])).toBeVisible();
  }
}
