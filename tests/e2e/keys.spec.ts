import { expect, test } from './fixtures/browsers';
import { type Page } from '@playwright/test';
import { FINGERPRINT, KEY_WORDS, KeysPanel, signWithStoredKey, storedKeys } from './pages/keys-panel';

// Issue 15, point 1: keys made and kept by the browser. The office's key is
// made in one browser (another laptop is another browser context, with its
// own IndexedDB), moved with its key file and a passphrase, refused with a
// wrong passphrase or a wrong file, and kept non-extractable.

const PASSPHRASE = 'correct horse battery staple';

/** The key pairs kept in the page's IndexedDB. */
async function pairs(page: Page) {
  return (await storedKeys(page)).filter((k) => k.kind === 'pair');
}

/** Make the key in a fresh browser and export its key file. */
async function madeAndExported(page: Page, lang: 'en' | 'zh' = 'en') {
  const panel = new KeysPanel(page, lang);
  await panel.goto();
  const fingerprint = await panel.make();
  const file = await panel.exportKeyFile(PASSPHRASE);
  return { panel, fingerprint, file, json: JSON.parse(file.text) };
}

test.describe('signing keys', () => {
  test('a key made in one browser moves to another laptop with its key file, and stays non-extractable', async ({ browsers }) => {
    // Browser A (the office, in Chinese): no key yet, then one made on request.
    const a = await browsers.open();
    const ka = new KeysPanel(a, 'zh');
    await ka.goto();
    await expect(ka.none).toBeVisible();
    expect(await pairs(a)).toEqual([]);
    const fingerprint = await ka.make();
    await expect(ka.none).toHaveCount(0);

    // Kept in IndexedDB: the private key non-extractable, and the wrapping key too.
    const keptA = await storedKeys(a);
    const pairA = keptA.find((k) => k.kind === 'pair')!;
    expect(pairA).toMatchObject({ extractable: false, type: 'private', algorithm: 'ECDSA', usages: ['sign'] });
    expect(pairA.slot).toMatch(/^[0-9a-f-]{36}:office$/);
    expect(pairA.wrappedBytes).toBeGreaterThan(100);
    expect(keptA.find((k) => k.kind === 'wrapping')).toMatchObject({ extractable: false, type: 'secret', algorithm: 'AES-GCM' });
    // The same key after a reload.
    await a.reload();
    await ka.goto();
    expect(await ka.fingerprint()).toBe(fingerprint);

    // The key file: named for the plan, PBKDF2 with at least 600,000 iterations.
    const file = await ka.exportKeyFile(PASSPHRASE);
    expect(file.name).toMatch(/^.+\.签名密钥\.json$/);
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({ format: 'gongjian-key', version: 1, side: null, fingerprint, public_key: pairA.publicKey });
    expect(json.plan_id).toBe(pairA.slot.split(':')[0]);
    expect(json.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(json.kdf.iterations).toBeGreaterThanOrEqual(600000);
    expect(json.kdf.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(json.cipher).toMatchObject({ name: 'AES-GCM' });
    expect(json.cipher.iv).toMatch(/^[0-9a-f]{24}$/);
    expect(json.encrypted_private_key).toMatch(/^[0-9a-f]+$/);
    await expect(ka.section.getByRole('status').filter({ hasText: file.name })).toBeVisible();

    // Browser B, another laptop (in English): nothing held.
    const b = await browsers.open();
    const kb = new KeysPanel(b, 'en');
    await kb.goto();
    await expect(kb.none).toBeVisible();

    // A wrong passphrase is refused, and nothing is kept.
    await kb.importKeyFile(file.path, 'not the passphrase');
    await expect(kb.alert).toHaveText(KEY_WORDS.en.wrongPassphrase);
    await expect(kb.none).toBeVisible();
    expect(await pairs(b)).toEqual([]);

    // The right one restores A's key: the same fingerprint.
    await kb.importKeyFile(file.path, PASSPHRASE);
    await expect(kb.section.getByRole('status').filter({ hasText: KEY_WORDS.en.imported })).toContainText(fingerprint);
    expect(await kb.fingerprint()).toBe(fingerprint);
    await expect(kb.alert).toHaveCount(0);
    const [pairB] = await pairs(b);
    expect(pairB).toMatchObject({ slot: pairA.slot, extractable: false, type: 'private', usages: ['sign'], publicKey: json.public_key });

    // A signature made in B verifies with A's public key; the key cannot be read out.
    expect(await signWithStoredKey(b, pairB.slot, json.public_key)).toEqual({
      signatureBytes: 64,
      verified: true,
      readOut: 'InvalidAccessError',
    });
    // And it is still there after a reload.
    await b.reload();
    await kb.goto();
    expect(await kb.fingerprint()).toBe(fingerprint);
  });

  test('a key file is written only with a passphrase of at least 8 characters, typed the same twice', async ({ page }) => {
    const panel = new KeysPanel(page, 'en');
    await panel.goto();
    await panel.make();
    let downloads = 0;
    page.on('download', () => downloads++);
    await panel.passphrase.fill('short');
    await panel.again.fill('short');
    await panel.exportButton.click();
    await expect(panel.alert).toHaveText(KEY_WORDS.en.short);
    await panel.passphrase.fill(PASSPHRASE);
    await panel.again.fill(`${PASSPHRASE}!`);
    await panel.exportButton.click();
    await expect(panel.alert).toHaveText(KEY_WORDS.en.differ);
    // Keyboard only: Enter in the second field submits the form.
    await panel.again.fill(PASSPHRASE);
    await panel.again.press('Enter');
    await expect(panel.alert).toHaveCount(0);
    await expect.poll(() => downloads).toBe(1);
  });

  test('a file that is not a key file is refused, saying where and why, and keeps nothing', async ({ browsers }) => {
    const { json } = await madeAndExported(await browsers.open());
    const b = await browsers.open();
    const panel = new KeysPanel(b, 'en');
    await panel.goto();
    const refusedAt = async (text: string, where: string) => {
      await panel.importKeyFile({ name: 'key.json', text }, PASSPHRASE);
      await expect(panel.alert).toContainText(KEY_WORDS.en.notAKeyFile);
      await expect(panel.alert).toContainText(where);
    };
    await refusedAt('{"format": "gongjian-key", ', 'At $: the text is not JSON.');
    await refusedAt(JSON.stringify({ format: 'gongjian-exchange', version: 1 }), 'At $.format: it is not a signing key file exported by this app.');
    await refusedAt(JSON.stringify({ ...json, version: 2 }), "At $.version: the key file's version is 2; this app reads version 1.");
    await refusedAt(JSON.stringify({ ...json, kdf: { ...json.kdf, iterations: 1000 } }), '$.kdf.iterations');
    await refusedAt(JSON.stringify({ ...json, fingerprint: '0000-0000-0000-0000' }), '$.fingerprint');
    const { salt: _, ...noSalt } = json.kdf;
    await refusedAt(JSON.stringify({ ...json, kdf: noSalt }), 'At $.kdf.salt: this entry is missing.');
    expect(await pairs(b)).toEqual([]);
    await expect(panel.none).toBeVisible();

    // In Chinese, the same refusals in Chinese.
    const zh = new KeysPanel(b, 'zh');
    await zh.goto();
    await zh.importKeyFile({ name: 'key.json', text: JSON.stringify({ ...json, version: 2 }) }, PASSPHRASE);
    await expect(zh.alert).toHaveText(`${KEY_WORDS.zh.notAKeyFile}位置 $.version：密钥文件的版本为 2，本应用只能读取版本 1。`);
    await zh.importKeyFile({ name: 'key.json', text: JSON.stringify(json) }, 'not the passphrase');
    await expect(zh.alert).toHaveText(KEY_WORDS.zh.wrongPassphrase);
    expect(await pairs(b)).toEqual([]);
  });

  test('a key file does not silently replace another key held for the same role', async ({ browsers }) => {
    const { fingerprint: fromA, file } = await madeAndExported(await browsers.open());
    const b = await browsers.open();
    const panel = new KeysPanel(b, 'en');
    await panel.goto();
    const ownB = await panel.make();
    expect(ownB).not.toBe(fromA);

    await panel.importKeyFile(file.path, PASSPHRASE);
    await expect(panel.alert).toContainText(`another key for this role (fingerprint ${ownB})`);
    await expect(panel.alert).toContainText(`the file's key has fingerprint ${fromA}`);
    expect(await panel.fingerprint()).toBe(ownB);

    // Asked, and confirmed: now A's key.
    b.once('dialog', (d) => d.accept());
    await panel.replace.click();
    await expect(panel.section.getByRole('status').filter({ hasText: KEY_WORDS.en.imported })).toContainText(fromA);
    expect(await panel.fingerprint()).toBe(fromA);
    expect((await pairs(b)).map((p) => p.extractable)).toEqual([false]);

    // The same file again changes nothing.
    await panel.importKeyFile(file.path, PASSPHRASE);
    await expect(panel.section.getByRole('status').filter({ hasText: 'already holds this key' })).toContainText(fromA);
    await expect(panel.alert).toHaveCount(0);
    await expect(panel.held).toHaveText(new RegExp(FINGERPRINT.source));
  });
});
