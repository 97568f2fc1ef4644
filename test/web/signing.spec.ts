import { join } from 'node:path';
import { expect, test } from './fixtures';
import { packCli, sampleCopy, tempDir } from './packages';

test('a package signed by pack:app shows as signed; an unsigned folder installs only as a dev app, badged as such', async ({ shell, page }) => {
  const signedFolder = await sampleCopy('custom-api', { appId: 'signed-notes', name: 'Signed Notes' });
  const out = join(await tempDir('zip'), 'signed-notes.zip');
  const packed = await packCli(signedFolder, out);
  expect(packed.code).toBe(0);
  const fingerprint = /signed with (SHA256:\S+)/.exec(packed.stdout)?.[1];
  expect(fingerprint).toBeDefined();
  await page.getByTestId('install-zip-input').setInputFiles(out);
  await expect(page.getByTestId('install-done')).toHaveText(/Installed Signed Notes/);
  await expect(shell.card('signed-notes').getByTestId('signed-badge')).toHaveAttribute('title', `Signed by its developer's key ${fingerprint}; only that key can update it`);
  await expect(shell.card('signed-notes').getByTestId('dev-badge')).toHaveCount(0);

  const unsigned = await sampleCopy('api-showcase', { appId: 'unsigned-demo', name: 'Unsigned Demo' });
  await page.getByTestId('install-path').fill(unsigned);
  await page.getByTestId('install-path-submit').click();
  await expect(page.getByTestId('install-done')).toHaveText(/Installed Unsigned Demo/);
  await expect(shell.card('unsigned-demo').getByTestId('dev-badge')).toHaveText('Dev · unsigned');

  // the bundled samples are trusted as part of the shell: neither dev nor unsigned
  await expect(shell.card('shop').getByTestId('dev-badge')).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.getByTestId('catalog').screenshot({ path: test.info().outputPath('catalog-badges.png') });
});
