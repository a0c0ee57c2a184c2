import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { type Lang } from './table-page';

/** The signing key section's words, as in src/app/i18n/m_keys.rs. */
export const KEY_WORDS = {
  en: {
    heading: 'Signing key',
    fingerprint: 'Key fingerprint:',
    none: 'This browser holds no signing key for this role yet; one is made at the first export or import.',
    makeNow: 'Make the key now',
    exportForm: 'Export key file',
    passphrase: 'Passphrase',
    again: 'Passphrase again',
    exportButton: 'Export key file',
    importForm: 'Import key file',
    keyFile: 'Key file',
    filePassphrase: "The key file's passphrase",
    importButton: 'Import key file',
    imported: 'Signing key imported. Fingerprint:',
    wrongPassphrase: 'Wrong passphrase: the key was not imported.',
    notAKeyFile: 'This is not a usable signing key file; nothing was imported.',
    short: 'The passphrase is too short: it needs at least 8 characters.',
    differ: 'The two passphrases differ.',
    replace: "Replace it with the file's key",
    fileWord: 'signing-key',
  },
  zh: {
    heading: '签名密钥',
    fingerprint: '密钥指纹：',
    none: '本浏览器还没有这个身份的签名密钥；首次导出或导入文件时会自动生成。',
    makeNow: '现在生成密钥',
    exportForm: '导出密钥文件',
    passphrase: '口令',
    again: '再次输入口令',
    exportButton: '导出密钥文件',
    importForm: '导入密钥文件',
    keyFile: '密钥文件',
    filePassphrase: '密钥文件的口令',
    importButton: '导入密钥文件',
    imported: '已导入签名密钥，指纹：',
    wrongPassphrase: '口令不正确，密钥没有导入。',
    notAKeyFile: '这不是可用的签名密钥文件，没有导入。',
    short: '口令太短：至少需要 8 个字符。',
    differ: '两次输入的口令不一致。',
    replace: '用文件中的密钥替换',
    fileWord: '签名密钥',
  },
} as const;

/** A fingerprint as shown: `3F2A-91C0-7B44-E1D9`. */
export const FINGERPRINT = /[0-9A-F]{4}(?:-[0-9A-F]{4}){3}/;

/** A key file: its text, where the download was saved, and its name. */
export type KeyFileDownload = { text: string; path: string; name: string };

/** Settings → "Signing key": the key held for the plan and the role this browser acts as. */
export class KeysPanel {
  readonly section: Locator;
  /** "Key fingerprint: 3F2A-…" (a status), once a key is held. */
  readonly held: Locator;
  readonly none: Locator;
  readonly makeNow: Locator;
  readonly exportForm: Locator;
  readonly passphrase: Locator;
  readonly again: Locator;
  readonly exportButton: Locator;
  readonly importForm: Locator;
  readonly keyFile: Locator;
  readonly filePassphrase: Locator;
  readonly importButton: Locator;
  /** Refusals (role alert). */
  readonly alert: Locator;
  readonly replace: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const w = KEY_WORDS[lang];
    this.section = page.getByRole('region', { name: w.heading, exact: true });
    this.held = this.section.getByRole('status').filter({ hasText: w.fingerprint });
    this.none = this.section.getByRole('status').filter({ hasText: w.none });
    this.makeNow = this.section.getByRole('button', { name: w.makeNow, exact: true });
    this.exportForm = this.section.getByRole('form', { name: w.exportForm, exact: true });
    this.passphrase = this.exportForm.getByLabel(w.passphrase, { exact: true });
    this.again = this.exportForm.getByLabel(w.again, { exact: true });
    this.exportButton = this.exportForm.getByRole('button', { name: w.exportButton, exact: true });
    this.importForm = this.section.getByRole('form', { name: w.importForm, exact: true });
    this.keyFile = this.importForm.getByLabel(w.keyFile, { exact: true });
    this.filePassphrase = this.importForm.getByLabel(w.filePassphrase, { exact: true });
    this.importButton = this.importForm.getByRole('button', { name: w.importButton, exact: true });
    this.alert = this.section.getByRole('alert');
    this.replace = this.section.getByRole('button', { name: w.replace, exact: true });
  }

  get words() {
    return KEY_WORDS[this.lang];
  }

  async goto() {
    await this.page.goto(`/settings?lang=${this.lang}`);
    await expect(this.section).toBeVisible();
    // Read from IndexedDB: either a fingerprint or "none held yet".
    await expect(this.held.or(this.none)).toBeVisible();
  }

  /** The fingerprint shown as held. */
  async fingerprint(): Promise<string> {
    await expect(this.held).toHaveText(FINGERPRINT);
    return (await this.held.textContent())!.match(FINGERPRINT)![0];
  }

  /** "Make the key now"; returns the new key's fingerprint. */
  async make(): Promise<string> {
    await this.makeNow.click();
    return this.fingerprint();
  }

  /** Export the key file with `passphrase` (typed twice); returns the download. */
  async exportKeyFile(passphrase: string, again = passphrase): Promise<KeyFileDownload> {
    await this.passphrase.fill(passphrase);
    await this.again.fill(again);
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return read(download);
  }

  /** Import a key file (a path, or text under a name) with `passphrase`. */
  async importKeyFile(file: string | { name: string; text: string }, passphrase: string) {
    const files = typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) };
    await this.keyFile.setInputFiles(files);
    await this.filePassphrase.fill(passphrase);
    await this.importButton.click();
  }
}

async function read(download: Download): Promise<KeyFileDownload> {
  const path = await download.path();
  return { text: await readFile(path, 'utf8'), path, name: download.suggestedFilename() };
}

/** What IndexedDB ("gongjian-keys") holds, as the page sees it: every record's slot and its CryptoKeys' properties. */
export type StoredKey = {
  slot: string;
  /** "wrapping" (the browser's AES-GCM key) or "pair" (a signing key pair's record). */
  kind: 'wrapping' | 'pair';
  extractable: boolean;
  type: string;
  algorithm: string;
  usages: string[];
  /** The pair's public key, hex. */
  publicKey?: string;
  /** Whether the pair's wrapped copy is there (bytes). */
  wrappedBytes?: number;
};

/** The records of the keys' IndexedDB store (none, without opening or making the database, when it is not there). */
export async function storedKeys(page: Page): Promise<StoredKey[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'gongjian-keys')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('gongjian-keys');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<[IDBValidKey, any][]>((resolve, reject) => {
      const tx = db.transaction('keys');
      const store = tx.objectStore('keys');
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => resolve(keys.result.map((k, i) => [k, values.result[i]]));
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return rows.map(([slot, v]) => {
      const key: CryptoKey = v instanceof CryptoKey ? v : v.private_key;
      return {
        slot: String(slot),
        kind: v instanceof CryptoKey ? ('wrapping' as const) : ('pair' as const),
        extractable: key.extractable,
        type: key.type,
        algorithm: key.algorithm.name,
        usages: [...key.usages],
        ...(v instanceof CryptoKey ? {} : { publicKey: hex(v.public_key), wrappedBytes: v.wrapped.byteLength }),
      };
    });
  });
}

/**
 * In the page, with WebCrypto alone: sign a message with the private key
 * kept for `slot`, verify the signature with `publicKeyHex`, and try to read
 * the private key out (it must refuse).
 */
export async function signWithStoredKey(page: Page, slot: string, publicKeyHex: string) {
  return page.evaluate(
    async ([slot, pub]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('gongjian-keys');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const rec = await new Promise<any>((resolve, reject) => {
        const q = db.transaction('keys').objectStore('keys').get(slot);
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
      });
      db.close();
      const message = new TextEncoder().encode('signed in this browser');
      const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, rec.private_key, message);
      const raw = new Uint8Array(pub.match(/../g)!.map((h) => parseInt(h, 16)));
      const key = await crypto.subtle.importKey('raw', raw, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
      const verified = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, message);
      const readOut = await crypto.subtle.exportKey('pkcs8', rec.private_key).then(
        () => 'exported',
        (e: DOMException) => e.name,
      );
      return { signatureBytes: signature.byteLength, verified, readOut };
    },
    [slot, publicKeyHex] as const,
  );
}
