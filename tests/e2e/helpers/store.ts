import { expect, type Page } from '@playwright/test';

export const KEY_PLAN = 'gongjian.plan';
export const KEY_EXPORTED = 'gongjian.exported';
export const BACKUP_PREFIX = 'gongjian.backup.';

/** `2022-03-01T08:05:00Z`: the form of the backup keys' times (and of RFC 3339 UTC). */
export function secondText(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The save revision a stored plan holds: from the JSON envelope, or from the
 * head of the compact form a large plan is stored in
 * (`gongjian-lz4:<revision>:<bytes>:<chars>`, src/storage/compact.rs).
 */
export function storedRevision(text: string): number {
  const compact = /^gongjian-lz4:(\d+):/.exec(text);
  return compact ? Number(compact[1]) : JSON.parse(text).revision;
}

/** Every localStorage entry of the page's origin. */
export function dump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

/** The backups kept, oldest first: key, time and the stored revision they hold. */
export async function backups(page: Page): Promise<{ key: string; at: string; revision: number; text: string }[]> {
  const all = await dump(page);
  return Object.keys(all)
    .filter((k) => k.startsWith(BACKUP_PREFIX))
    .sort()
    .map((key) => ({ key, at: key.slice(BACKUP_PREFIX.length), revision: storedRevision(all[key]), text: all[key] }));
}

/** Move a backup to another key (as if it had been taken at `ms`). */
export async function moveBackup(page: Page, key: string, ms: number): Promise<string> {
  const to = BACKUP_PREFIX + secondText(ms);
  await page.evaluate(
    ([from, to]) => {
      const v = localStorage.getItem(from)!;
      localStorage.removeItem(from);
      localStorage.setItem(to, v);
    },
    [key, to],
  );
  return to;
}

/** Wait until the stored plan has `revision`. */
export async function expectRevision(page: Page, revision: number) {
  await expect
    .poll(async () => {
      const raw = await page.evaluate((k) => localStorage.getItem(k), KEY_PLAN);
      return raw === null ? null : storedRevision(raw);
    })
    .toBe(revision);
}

/** Store `text` as the table before the page's first load (once: a reload keeps what the page saved). */
export async function seedPlan(page: Page, text: string): Promise<void> {
  await page.addInitScript((stored: string) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('gongjian.plan', stored);
      sessionStorage.setItem('seeded', '1');
    }
  }, text);
}

export const PART_PREFIX = 'gongjian.part.';
// The stored form's reader, shared with the benchmark (plain JavaScript).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { gongjianRead } = require('../../../bench/baseline/lz4.js');

/**
 * The envelope a key holds, as one object `{format, version: 1, saved_at,
 * revision, plan, me, base}`, read as the app reads it: the whole plan in
 * one value, or an index and the parts it names (src/storage/parts.rs), put
 * back together. null when the key is empty. It can be stored back as one value.
 */
export function readEnvelope(all: Record<string, string>, key: string = KEY_PLAN): any {
  return gongjianRead((k: string) => all[k], key);
}

/** The characters the stored table takes: its index and every part present. */
export function storedChars(all: Record<string, string>): number {
  return Object.keys(all)
    .filter((k) => k === KEY_PLAN || k.startsWith(PART_PREFIX))
    .reduce((n, k) => n + all[k].length, 0);
}

/** The stored table as one envelope (see `readEnvelope`), or null. */
export async function storedEnvelope(page: Page, key: string = KEY_PLAN): Promise<any> {
  return readEnvelope(await dump(page), key);
}
