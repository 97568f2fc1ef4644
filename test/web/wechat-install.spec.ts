import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test } from './fixtures';
import { repoRoot, tempDir, writeZip } from './packages';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'wechat', 'compile-basic');

/** Every file of a folder, keyed by its path inside it. */
async function filesOf(dir: string, root = dir): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, await filesOf(path, root));
    else out[relative(root, path).split('\\').join('/')] = await readFile(path, 'utf8');
  }
  return out;
}

/** The compile-basic project as a test project without an appid, zipped in one top folder. */
async function projectZip(name: string, patch: Record<string, string> = {}): Promise<string> {
  const files = await filesOf(FIXTURE);
  files['project.config.json'] = JSON.stringify({ appid: 'touristappid', projectname: name, miniprogramRoot: 'miniprogram/' });
  Object.assign(files, patch);
  const entries = Object.fromEntries(Object.entries(files).map(([path, text]) => [`${name}/${path}`, text]));
  return writeZip(entries, join(await tempDir('wechat-zip'), `${name}.zip`));
}

test('a WeChat DevTools project shows its appId and the capabilities read from its code before anything is copied', async ({ shell, page, host }) => {
  const zip = await projectZip('tourist-tea');
  const appsBefore = (await readdir(join(host.dataDir, 'apps'))).sort();

  await page.getByTestId('install-zip-input').setInputFiles(zip);
  const preview = page.getByTestId('install-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Install "tourist-tea" 1.0.0, a WeChat mini program?');
  await expect(page.getByTestId('install-preview-appid')).toHaveText(/^local-[0-9a-f]{12}$/);
  await expect(page.getByTestId('install-preview-generated')).toHaveText('generated: the project has no appid');
  await expect(page.getByTestId('install-preview-apis').locator('.chip')).toHaveText(['wx.login', 'wx.requestPayment', 'custom: notes.add']);
  await expect(page.getByTestId('install-cancel')).toBeFocused();
  await preview.screenshot({ path: test.info().outputPath('install-preview.png') });
  await page.screenshot({ path: test.info().outputPath('install-preview-page.png') });
  // nothing was copied while the user decides
  expect((await readdir(join(host.dataDir, 'apps'))).sort()).toEqual(appsBefore);

  await page.getByTestId('install-cancel').click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('install-done')).toBeHidden();
  expect((await readdir(join(host.dataDir, 'apps'))).sort()).toEqual(appsBefore);

  await page.getByTestId('install-zip-input').setInputFiles(zip);
  const appId = (await page.getByTestId('install-preview-appid').textContent())!;
  await page.getByTestId('install-confirm').click();
  await expect(page.getByTestId('install-done')).toHaveText('Installed tourist-tea');
  await expect(shell.card(appId)).toContainText('tourist-tea');
  expect((await readdir(join(host.dataDir, 'apps', appId, '.wx-build'))).length).toBe(2);
});

test('a broken WeChat project installs nothing and lists every problem with file:line:col and a snippet', async ({ shell, host }) => {
  const page = shell.page;
  const zip = await projectZip('broken-tea', {
    'miniprogram/pages/list/list.wxml': '<card title="List">\n  <view class="entry">entry\n</card>\n',
    'miniprogram/app.wxss': '.a { color: red;\n',
    'miniprogram/utils/format.js': 'const x = require("../../../../etc/passwd");\n',
  });
  const appsBefore = (await readdir(join(host.dataDir, 'apps'))).sort();
  await page.getByTestId('install-zip-input').setInputFiles(zip);
  const error = page.getByTestId('install-error');
  await expect(error).toBeVisible();
  await expect(error.locator('li')).toHaveText([
    'The mini program does not compile (3 problems):',
    'app.wxss:1:1: CSS syntax error: Unclosed block',
    '1 | .a { color: red;',
    '  | ^',
    'pages/list/list.wxml:2:4: missing end tag for <view>',
    '2 |   <view class="entry">entry',
    '  |    ^',
    'utils/format.js:1:11: require("../../../../etc/passwd") leaves the package',
    '1 | const x = require("../../../../etc/passwd");',
    '  |           ^',
  ]);
  await expect(page.getByTestId('install-preview')).toHaveCount(0);
  await page.locator('.install-card').screenshot({ path: test.info().outputPath('install-broken.png') });
  expect((await readdir(join(host.dataDir, 'apps'))).sort()).toEqual(appsBefore);
});
