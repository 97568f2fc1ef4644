import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { packCli, sampleCopy, tempDir, writeZip } from './packages';

const SAMPLES = [
  ['api-showcase', 'API Showcase'],
  ['shop', 'Tea Shop'],
  ['game-shop', 'Pixel Quest Store'],
  ['custom-api', 'Custom APIs'],
] as const;

test('the catalog lists the samples and Launch opens one in an active tab', async ({ shell, page }) => {
  for (const [appId, name] of SAMPLES) await expect(shell.card(appId)).toContainText(name);

  const app = await shell.launch('custom-api');
  await expect(app.locator('h1')).toHaveText('Custom APIs');
  // The frame may run scripts in its own origin but never steer the shell window or open popups.
  const sandbox = ((await shell.frameElement('custom-api').getAttribute('sandbox')) ?? '').split(/\s+/).sort();
  expect(sandbox).toEqual(['allow-forms', 'allow-same-origin', 'allow-scripts']);
  await expect(shell.frameElement('custom-api')).toHaveAttribute('src', new RegExp(`^${shell.host.appOrigin('custom-api')}/`));

  await shell.tab('custom-api').getByTestId('tab-close').click();
  await expect(shell.tab('custom-api')).toHaveCount(0);
  await expect(shell.frameElement('custom-api')).toHaveCount(0);
  await expect(page.getByTestId('catalog')).toBeVisible();
});

test('a zip with a bad manifest is refused with one line per bad field and installs nothing', async ({ shell, host }) => {
  const page = shell.page;
  const zip = await writeZip(
    {
      'manifest.json': JSON.stringify({ appId: '9lives', name: 'Broken', version: 'one', entry: 'index.html', permissions: { openApi: ['teleport'] } }),
      'index.html': '<!doctype html><title>x</title>',
    },
    join(await tempDir('zip'), 'broken.zip'),
  );
  const appsBefore = await readdir(join(host.dataDir, 'apps'));
  const cardsBefore = await page.getByTestId('app-card').count();

  await page.getByTestId('install-zip-input').setInputFiles(zip);

  const error = page.getByTestId('install-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('manifest.json: appId: appId must be 3-64 letters, digits, "_" or "-", starting with a letter');
  await expect(error).toContainText('manifest.json: version: version must be semver, e.g. "1.0.0"');
  await expect(error).toContainText('manifest.json: permissions.openApi[0]:');
  await expect(page.getByTestId('install-done')).toBeHidden();
  await expect(page.getByTestId('app-card')).toHaveCount(cardsBefore);
  expect((await readdir(join(host.dataDir, 'apps'))).sort()).toEqual(appsBefore.sort());
});

test('a zip built by pack:app installs, launches, and uninstalls after confirmation', async ({ shell, page, host }) => {
  const folder = await sampleCopy('custom-api', { appId: 'zip-notes', name: 'Zip Notes' });
  const out = join(await tempDir('zip'), 'zip-notes.zip');
  const packed = await packCli(folder, out);
  expect(packed.stderr).toBe('');
  expect(packed.code).toBe(0);
  expect(packed.stdout).toContain('pack: zip-notes 1.0.0:');

  await page.getByTestId('install-zip-input').setInputFiles(out);
  await expect(page.getByTestId('install-done')).toHaveText(/Installed Zip Notes/);
  await expect(shell.card('zip-notes')).toContainText('Zip Notes');

  // The installed copy runs from the host's data folder, on its own origin.
  const app = await shell.launch('zip-notes');
  await expect(app.locator('h1')).toHaveText('Custom APIs');
  await expect(shell.frameElement('zip-notes')).toHaveAttribute('src', new RegExp(`^${shell.host.appOrigin('zip-notes')}/`));

  await shell.showCatalog();
  await shell.card('zip-notes').getByTestId('uninstall').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Zip Notes');
  await page.getByTestId('confirm-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(shell.card('zip-notes')).toHaveCount(1);

  await shell.card('zip-notes').getByTestId('uninstall').click();
  await page.getByTestId('confirm-ok').click();
  await expect(shell.card('zip-notes')).toHaveCount(0);
  // Uninstalling a running app closes it, and its files are gone from the data folder.
  await expect(shell.tab('zip-notes')).toHaveCount(0);
  expect(existsSync(join(host.dataDir, 'apps', 'zip-notes'))).toBe(false);
  await page.reload();
  await expect(page.getByTestId('catalog')).toBeVisible();
  await expect(shell.card('custom-api')).toHaveCount(1);
  await expect(shell.card('zip-notes')).toHaveCount(0);
});

test('a folder path on the host installs through the path field', async ({ shell, page }) => {
  const folder = await sampleCopy('api-showcase', { appId: 'path-demo', name: 'Path Demo' });
  await page.getByTestId('install-path').fill(folder);
  await page.getByTestId('install-path-submit').click();
  await expect(page.getByTestId('install-done')).toHaveText(/Installed Path Demo/);
  await expect(shell.card('path-demo')).toContainText('Path Demo');
});

test('pack:app refuses a bad manifest with one line per field and writes no zip', async () => {
  const folder = await sampleCopy('custom-api', { appId: '_bad', version: '1.0', entry: '../outside.html', extra: true });
  const out = join(await tempDir('zip'), 'bad.zip');
  const run = await packCli(folder, out);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('pack: manifest.json: appId: appId must be 3-64 letters');
  expect(run.stderr).toContain('pack: manifest.json: version: version must be semver, e.g. "1.0.0"');
  expect(run.stderr).toContain('pack: manifest.json: entry: must be a relative path inside the package');
  expect(run.stderr).toContain('pack: manifest.json: (root): Unrecognized key: "extra"');
  expect(run.stderr).toContain('pack: nothing written; fix the 4 problem(s) above');
  expect(existsSync(out)).toBe(false);
});
