import { expect, type Page } from '@playwright/test';

/** A4 landscape in PDF points. */
export const A4_LANDSCAPE = [841.89, 595.28] as const;

/** One printed page: its size in points and the words on it. */
export interface PrintedPage {
  width: number;
  height: number;
  /** The page's text, its runs joined by single spaces. */
  text: string;
}

/**
 * The page as the browser prints it (print media, the page size its CSS
 * asks for), read back page by page with pdf.js.
 */
export async function printPages(page: Page): Promise<PrintedPage[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  // pdf.js is an ES module; its legacy build runs in Node without a DOM.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PrintedPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const [x0, y0, x1, y1] = p.view;
    const content = await p.getTextContent();
    const text = content.items
      .map((it: { str?: string }) => it.str ?? '')
      .join(' ')
      .replace(/\s+/g, ' ');
    pages.push({ width: x1 - x0, height: y1 - y0, text });
  }
  await doc.destroy();
  return pages;
}

/** Every page is A4 landscape, within a point. */
export function expectLandscape(pages: PrintedPage[]) {
  expect(pages.length).toBeGreaterThan(0);
  for (const [i, p] of pages.entries()) {
    expect(Math.abs(p.width - A4_LANDSCAPE[0]), `page ${i + 1} width ${p.width}`).toBeLessThanOrEqual(1);
    expect(Math.abs(p.height - A4_LANDSCAPE[1]), `page ${i + 1} height ${p.height}`).toBeLessThanOrEqual(1);
  }
}

/** Radicals Chrome's PDF names for the ideographs the app prints (NFKC leaves these). */
const RADICALS: Record<string, string> = {
  '⻔': '门',
  '⻩': '黄',
  '⻓': '长',
  '⻢': '马',
  '⻅': '见',
  '⻋': '车',
  '⻛': '风',
  '⻚': '页',
  '⻉': '贝',
  '⻄': '西',
  '⻜': '飞',
  '⻥': '鱼',
  '⻬': '齐',
  '⻰': '龙',
};

/**
 * Text to compare with a printed page's: no spaces (pdf.js may split a
 * line's runs anywhere), and ideographs as themselves: Chrome's PDF names
 * some by the radical of the same glyph (工 as ⼯, 门 as ⻔), which NFKC and
 * a short table fold back.
 */
export function squeezed(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c)
    .replace(/\s+/g, '');
}
