import { expect, type Page } from '@playwright/test';

/**
 * "No internal id in anything a person reads" (issue 13, point 4), as one
 * assertion any spec can make on any page:
 *
 *   await expectNoInternalIds(page, 'zh', { where: 'import preview (merge)' });
 *
 * It reads what a person reads — `document.body.innerText` (visible text,
 * including visually hidden text for screen readers, with every closed
 * `<details>` opened for the moment and closed again) plus the accessible
 * names and hints in `aria-label`, `title`, `placeholder` and `alt` — and
 * fails on:
 *
 * - any UUID, or its 8-hex-digit prefix cut short with "…" ("a8edf68c…"):
 *   `/[0-9a-f]{8}-[0-9a-f]{4}-/i` and `/\b[0-9a-f]{8}…/i`;
 * - on the Chinese page (`lang` `'zh'`), any English record-kind, field or
 *   machine word as a whole word, case-insensitive: task, unit, person,
 *   milestone, target, report, meeting, problem, risk, trail, action, plan,
 *   numbers, deleted, true, false, null.
 *
 * JSON paths ("位置 $.body.plan.reports[0].date") are not counted: a refused
 * file's message must say where in the file (DESIGN.md, exchange rule 7),
 * and a path is the file's own words. Pass `jsonPaths: false` to count them.
 *
 * The failure message lists every offending line, so one run shows all of
 * them. `opts.ignore` removes known text before checking — e.g. a file name
 * a person chose (`luohu-2022.plan.json` holds "plan") or user data typed in
 * English; keep it as narrow as possible (exact strings or anchored
 * patterns). The page is not changed (opened `<details>` are closed again).
 */
export interface NoIdsOptions {
  /** Named in the failure message: which page or state was checked. */
  where?: string;
  /** Text to remove before checking (exact strings, or patterns). */
  ignore?: (string | RegExp)[];
  /** Also check the attributes people read (aria-label, title, placeholder, alt); default true. */
  attributes?: boolean;
  /** Leave JSON paths ("$.body.plan.tasks[0].due") out of the check; default true. */
  jsonPaths?: boolean;
}

/** A JSON path as a refusal names it: "$", "$.unit", "$.body.plan.reports[0].milestones_done[1]". */
export const JSON_PATH = /\$(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*/g;

/** A UUID, or the start of one. */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
/** Eight hex digits cut short with an ellipsis ("a8edf68c…"). */
export const CUT_ID = /(?<![0-9a-z])[0-9a-f]{8}…/i;
/** English words that must not appear in the Chinese page. */
export const ENGLISH_WORDS = [
  'task',
  'unit',
  'person',
  'milestone',
  'target',
  'report',
  'meeting',
  'problem',
  'risk',
  'trail',
  'action',
  'plan',
  'numbers',
  'deleted',
  'true',
  'false',
  'null',
] as const;
const ENGLISH = new RegExp(`(?<![A-Za-z0-9_])(${ENGLISH_WORDS.join('|')})(?![A-Za-z0-9_])`, 'i');

/** What a person reads on the page: its text and the readable attributes. */
export async function readableText(page: Page, attributes = true): Promise<string> {
  return page.evaluate((withAttributes) => {
    const closed = Array.from(document.querySelectorAll('details')).filter((d) => !d.open);
    closed.forEach((d) => (d.open = true));
    try {
      const parts = [document.body.innerText];
      if (withAttributes) {
        for (const el of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'))) {
          for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
            const v = el.getAttribute(a);
            if (v) parts.push(v);
          }
        }
      }
      return parts.join('\n');
    } finally {
      closed.forEach((d) => (d.open = false));
    }
  }, attributes);
}

/** The lines of `text` that show an internal id, or (in Chinese) an English machine word. */
export function offendingLines(text: string, lang: 'zh' | 'en', ignore: (string | RegExp)[] = []): string[] {
  let t = text;
  for (const i of ignore) {
    t = typeof i === 'string' ? t.split(i).join(' ') : t.replace(new RegExp(i.source, i.flags.includes('g') ? i.flags : i.flags + 'g'), ' ');
  }
  const out: string[] = [];
  for (const line of t.split('\n')) {
    if (UUID.test(line) || CUT_ID.test(line)) out.push(`id: ${line.trim()}`);
    else if (lang === 'zh') {
      const m = line.match(ENGLISH);
      if (m) out.push(`English "${m[1]}": ${line.trim()}`);
    }
  }
  return out;
}

/** Fail when the page shows an internal id, or (Chinese page) an English record-kind or field word. */
export async function expectNoInternalIds(page: Page, lang: 'zh' | 'en', opts: NoIdsOptions = {}): Promise<void> {
  const text = await readableText(page, opts.attributes ?? true);
  const ignore = [...(opts.ignore ?? []), ...(opts.jsonPaths ?? true ? [JSON_PATH] : [])];
  const bad = offendingLines(text, lang, ignore);
  const where = opts.where ?? page.url();
  expect(bad, `${where} (${lang}) shows internal ids or machine words:\n${bad.join('\n')}`).toEqual([]);
}
