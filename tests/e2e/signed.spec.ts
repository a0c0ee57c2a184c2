import { createHash } from 'node:crypto';
import { expect, test } from './fixtures/browsers';
import { storedEnvelope } from './helpers/store';
import { ExchangePage, type Saved } from './pages/exchange-page';
import { SheetPage } from './pages/sheet-page';
import { TablePage } from './pages/table-page';

// Files say who made them (issue 15). The office's browser and Dongmen's
// are two contexts, each with its own signing key in its own IndexedDB.
// The example plan does not require signed files, so what is checked here
// is the seal: shown, pinned at the first file, and refusing another key's
// or a changed file.

const DONGMEN = 'Dongmen Sub-district';
const T71 = 'Upgrading and renovating Dongmen Pedestrian Street';
const FINGERPRINT = /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/;

const seal = (f: Saved) => JSON.parse(f.text).seal as { fingerprint: string; public_key: string; signature: string };

test('the office and a unit sign their files; each side pins the other’s key at its first file and refuses another key', async ({ browsers }) => {
  test.setTimeout(120_000);
  const office = await browsers.open();
  const ox = new ExchangePage(office, 'en');
  await ox.goto();
  const slice = await ox.exportSlice(DONGMEN, 'office');
  const officeSeal = seal(slice);
  expect(officeSeal.fingerprint).toMatch(FINGERPRINT);
  // The slice names the key that signed it as the office's, and so does the
  // office's own table from now on: a file claiming the office is checked against it.
  expect(JSON.parse(slice.text).body.plan.office_key).toBe(officeSeal.public_key);
  await expect
    .poll(() => storedEnvelope(office).then((e) => e?.plan?.office_key))
    .toBe(officeSeal.public_key);

  // Dongmen's browser: the first slice shows the office's fingerprint, to confirm by phone.
  const unit = await browsers.open();
  const ux = new ExchangePage(unit, 'en');
  await ux.goto();
  await ux.importAndPreview(slice);
  await expect(ux.fact('Signature')).toContainText(`Signed, fingerprint ${officeSeal.fingerprint}`);
  await expect(ux.fact('Signature')).toContainText('Confirm the fingerprint with them by phone');
  await ux.apply();
  await ux.expectActingAs(DONGMEN);
  // It acts as Dongmen only: the office is not offered.
  await ux.open();
  await expect(ux.whoAmI.getByRole('option')).toHaveText([DONGMEN]);

  // Its report is signed by its own key.
  const t = new TablePage(unit, 'en');
  await t.goto();
  await t.table.getByRole('link', { name: T71, exact: true }).click();
  const sheet = new SheetPage(unit, 'en');
  await sheet.waitReady();
  await sheet.addReport({ date: '2022-06-20', progress: '20', narrative: 'First week' });
  await ux.open();
  const first = await ux.exportReport('unit');
  const unitSeal = seal(first);
  expect(unitSeal.fingerprint).toMatch(FINGERPRINT);
  expect(unitSeal.fingerprint).not.toBe(officeSeal.fingerprint);

  // The office: a first key, pinned on apply and shown on the unit's entry.
  await ox.open();
  await ox.importAndPreview(first);
  await expect(ox.fact('From')).toHaveText(DONGMEN);
  await expect(ox.fact('Signature')).toContainText(`Signed, fingerprint ${unitSeal.fingerprint}`);
  await ox.apply();
  await office.goto('/units?lang=en');
  const entry = office.getByRole('form', { name: DONGMEN, exact: true });
  await expect(entry.locator('.unit-key')).toContainText(unitSeal.fingerprint);
  // The same file again: the key is known, nothing is new.
  await ox.open();
  await ox.importAndPreview(first);
  await expect(ox.fact('Signature')).toContainText(`Signed by the key this table knows, fingerprint ${unitSeal.fingerprint}`);
  await expect(ox.nothingNew).toBeVisible();
  await ox.cancelButton.click();

  // A changed copy (body edited, checksum recomputed, seal kept) is refused.
  const json = JSON.parse(first.text);
  json.body.plan.reports[0].narrative = 'Edited after signing';
  json.sha256 = createHash('sha256').update(JSON.stringify(json.body), 'utf8').digest('hex');
  await ox.importRefused({ name: 'changed.json', text: JSON.stringify(json, null, 2) });
  await expect(ox.refused).toContainText('at $.seal: the signature does not match the file');
  await expect(ox.refused).toContainText('The table is unchanged.');

  // Another browser posing as Dongmen, with its own key: refused, naming both fingerprints.
  const thief = await browsers.open({ storageState: await unit.context().storageState() });
  const tx = new ExchangePage(thief, 'en');
  await tx.goto();
  const forged = await tx.exportReport('thief');
  const thiefSeal = seal(forged);
  expect(thiefSeal.fingerprint).not.toBe(unitSeal.fingerprint);
  await ox.open();
  await ox.importRefused(forged);
  await expect(ox.refused).toContainText(thiefSeal.fingerprint);
  await expect(ox.refused).toContainText(unitSeal.fingerprint);

  // The office resets Dongmen's key (a lost laptop): in the trail, and the next signed report pins the new key.
  await office.goto('/units?lang=en');
  office.once('dialog', (d) => void d.accept());
  await entry.getByRole('button', { name: 'Reset the key', exact: true }).click();
  await expect(entry.locator('.unit-key')).toContainText('None yet');
  await office.goto('/trail?lang=en');
  await expect(office.getByRole('table', { name: 'Changes made by a unit' })).toContainText('Signing key');
  await ox.open();
  await ox.importAndPreview(forged);
  await expect(ox.fact('Signature')).toContainText(`Signed, fingerprint ${thiefSeal.fingerprint}`);
});

test('in Chinese the preview names the signature without English', async ({ browsers }) => {
  const office = await browsers.open();
  const ox = new ExchangePage(office, 'zh');
  await ox.goto();
  const slice = await ox.exportSlice('东门街道', 'office');
  const unit = await browsers.open();
  const ux = new ExchangePage(unit, 'zh');
  await ux.goto();
  await ux.importAndPreview(slice);
  const sig = ux.fact('签名');
  await expect(sig).toContainText('已签名，指纹');
  expect((await sig.innerText()).replace(/[0-9A-F]{4}(-[0-9A-F]{4}){3}/, '')).not.toMatch(/[A-Za-z]/);
});

test('with "Require signed files" on, an unsigned file is refused with the reason; off, it is previewed with a warning', async ({ browsers }) => {
  const office = await browsers.open();
  const ox = new ExchangePage(office, 'en');
  await ox.goto();
  const slice = await ox.exportSlice(DONGMEN, 'office');
  const unit = await browsers.open();
  const ux = new ExchangePage(unit, 'en');
  await ux.goto();
  await ux.importAndPreview(slice);
  await ux.apply();
  const t = new TablePage(unit, 'en');
  await t.goto();
  await t.table.getByRole('link', { name: T71, exact: true }).click();
  const sheet = new SheetPage(unit, 'en');
  await sheet.waitReady();
  await sheet.addReport({ date: '2022-06-20', progress: '20', narrative: 'First week' });
  await ux.open();
  const report = await ux.exportReport('unit');
  // The same report without its seal, as a file made by hand would be (cut
  // from the text: re-serializing would change the body's numbers, 20.0 → 20).
  const unsigned = { name: 'unsigned.json', text: report.text.replace(/\n {2}"seal": \{[^}]*\},/, '') };
  expect(unsigned.text).not.toContain('"seal"');

  // Off (the example is from before signing): previewed, with the warning.
  await ox.open();
  await ox.importAndPreview(unsigned);
  await expect(ox.fact('Signature')).toContainText('Unsigned: who made this file cannot be confirmed');
  await ox.cancelButton.click();

  // On: refused, saying why, and the table is unchanged.
  await office.goto('/settings?lang=en');
  const require = office.getByRole('checkbox', { name: 'Require signed files', exact: true });
  await expect(require).not.toBeChecked();
  await require.check();
  await expect.poll(() => storedEnvelope(office).then((e) => e.plan.settings.require_signed)).toBe(true);
  await ox.open();
  await ox.importRefused(unsigned);
  await expect(ox.refused).toContainText('at $.seal: the file is not signed; files from Dongmen Sub-district must be signed');
  await expect(ox.refused).toContainText('The table is unchanged.');
  // The signed report still lands.
  await ox.importAndPreview(report);
  await ox.apply();
});
