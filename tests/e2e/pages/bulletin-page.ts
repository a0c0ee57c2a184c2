import { expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import type { Lang } from './table-page';

/** The bulletin's words, as in src/app/i18n/m_bulletin.rs and src/domain/bulletin.rs. */
export const BULLETIN_WORDS = {
  zh: { page: '督查专报', period: '统计期间', from: '起始日期', to: '截止日期', copy: '复制文字', copied: '已复制', word: '下载 Word（.docx）', red: '红灯任务', title: '督查专报' },
  en: { page: 'Supervision bulletin', period: 'Period', from: 'From', to: 'To', copy: 'Copy text', copied: 'Copied', word: 'Download Word (.docx)', red: 'Red tasks', title: 'supervision bulletin' },
} as const;

/** The standard sentence's figures. */
export interface Figures {
  tasks: number;
  done: number;
  onSchedule: number;
  difficulties: number;
  overdue: number;
}

/** The figures in the sentence, in either language. */
export function figures(sentence: string): Figures {
  const zh = sentence.match(/交办的(\d+)项具体任务中，已完成(\d+)项，按期推进(\d+)项（其中存在困难或问题(\d+)项），已超期(\d+)项/);
  const en = sentence.match(/of the (\d+) specific tasks assigned, (\d+) are completed, (\d+) are on schedule \((\d+) of them with difficulties or problems\) and (\d+) are overdue/);
  const m = zh ?? en;
  if (!m) throw new Error(`not the bulletin's sentence: ${sentence}`);
  const [tasks, done, onSchedule, difficulties, overdue] = m.slice(1).map(Number);
  return { tasks, done, onSchedule, difficulties, overdue };
}

/** word/document.xml of a .docx file on disk (Debian's unzip). */
export function documentXml(path: string): string {
  return execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
}

export class BulletinPage {
  readonly w: (typeof BULLETIN_WORDS)[Lang];
  readonly region: Locator;
  readonly heading: Locator;
  readonly period: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly copy: Locator;
  readonly word: Locator;
  readonly status: Locator;
  /** The overview's sentence. */
  readonly sentence: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = (this.w = BULLETIN_WORDS[lang]);
    this.region = page.getByRole('region', { name: w.page, exact: true });
    this.heading = this.region.getByRole('heading', { level: 2 });
    this.period = page.getByRole('form', { name: w.period });
    this.from = this.period.getByLabel(w.from);
    this.to = this.period.getByLabel(w.to);
    this.copy = this.period.getByRole('button', { name: w.copy, exact: true });
    this.word = this.period.getByRole('button', { name: w.word, exact: true });
    this.status = this.period.getByRole('status');
    this.sentence = this.region.locator('article p').filter({ hasText: lang === 'zh' ? '交办的' : 'specific tasks assigned' });
  }

  async goto(query: Record<string, string> = {}) {
    const q = new URLSearchParams({ ...query, lang: this.lang });
    await this.page.goto(`/bulletin?${q}`);
    await expect(this.heading).toContainText(this.w.title);
  }

  /** The table under the section heading `name`. */
  table(name: string): Locator {
    return this.region.getByRole('table', { name: new RegExp(`${name}$`) });
  }

  async figures(): Promise<Figures> {
    return figures((await this.sentence.textContent()) ?? '');
  }

  /** Set a date input and let the page see the change. */
  async setDate(input: Locator, value: string) {
    await input.fill(value);
    await input.dispatchEvent('change');
  }
}
