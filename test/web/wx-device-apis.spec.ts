import { readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame, Locator, Page } from '@playwright/test';
import { expect, test, type ShellPage, type TestHost } from './fixtures';
import { repoRoot, sampleCopy, tempDir } from './packages';

/**
 * The device APIs through the browser host in real Chromium, for both package formats: the system
 * clipboard (set with WeChat's toast, read after a trusted permission sheet) and the image chooser (a
 * trusted sheet with a file input), whose temp files the same app shows and uploads and no other app reads.
 */
const GALLERY = 'wxgallery0000001';
const WEB = 'device-web';

/** A real PNG (the app icon, 512 x 512), written under a photo's name. */
const PNG = readFileSync(join(repoRoot, 'build', 'icon.png'));

test.describe.configure({ timeout: 120_000 });

let photos: string[] = [];
let uploads: Server | undefined;
let uploadOrigin = '';
let received: string[] = [];

test.beforeAll(async () => {
  const dir = await tempDir('photos');
  photos = [];
  for (const name of ['photo.png', 'second.png', 'third.png']) {
    await writeFile(join(dir, name), PNG);
    photos.push(join(dir, name));
  }
  uploads = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      received.push(body.toString('latin1'));
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`got ${body.length} bytes`);
    });
  });
  await new Promise<void>((resolve) => uploads!.listen(0, '127.0.0.1', resolve));
  uploadOrigin = `http://127.0.0.1:${(uploads.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => uploads?.close(resolve));
});

/** Installs (once per host) the gallery with its device page first, and a web-format app; both may upload to the test server. */
async function installApps(host: TestHost, page: Page): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  const installed = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  if (!installed.some((a) => a.appId === GALLERY)) {
    const folder = join(await tempDir('gallery'), 'gallery');
    await cp(join(repoRoot, 'test', 'fixtures', 'wechat', 'gallery'), folder, { recursive: true });
    const appJson = JSON.parse(await readFile(join(folder, 'app.json'), 'utf8')) as { pages: string[] };
    appJson.pages = ['pages/device/device', ...appJson.pages.filter((p) => p !== 'pages/device/device')];
    await writeFile(join(folder, 'app.json'), JSON.stringify(appJson));
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(folder, 'manifest.json'), JSON.stringify({ ...manifest, domains: { uploadFile: ['http://127.0.0.1'] } }));
    await host.runtime.service.handle('install', { source: folder });
  }
  if (!installed.some((a) => a.appId === WEB)) {
    const folder = await sampleCopy('api-showcase', { appId: WEB, name: 'Device Web', domains: { uploadFile: ['http://127.0.0.1'] } });
    await host.runtime.service.handle('install', { source: folder });
  }
  for (const appId of [GALLERY, WEB]) host.runtime.network.loopback.setDeveloperOrigins(appId, [uploadOrigin]);
  await page.reload();
  await expect(page.getByTestId('catalog')).toBeVisible();
}

/** Launches the gallery on its device page; its first render waits for the logic Worker, slow on a loaded machine. */
async function openDevicePage(shell: ShellPage): Promise<Locator> {
  await shell.launch(GALLERY);
  const device = shell.app(GALLERY).locator('.wx-page-frame:not([hidden])');
  await expect(device.locator('#dev-copy')).toBeVisible({ timeout: 60_000 });
  return device;
}

/** the gallery page's #log after `act` changed it */
async function logAfter(page: Locator, act: () => Promise<unknown>): Promise<unknown> {
  const before = (await page.locator('#log').textContent()) ?? '';
  await act();
  await expect(page.locator('#log')).not.toHaveText(before);
  return JSON.parse((await page.locator('#log').textContent()) ?? 'null');
}

/** What the shell page reads from the system clipboard. */
function systemClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

function toast(page: Page, text: string): Locator {
  return page.getByTestId('toast').filter({ hasText: text });
}

/**
 * Records every toast the shell page shows: its text and how long it stayed. A 1.5 s toast can come and
 * go while a busy machine is still busy with the app's answer, so the page itself keeps the record.
 */
async function watchToasts(page: Page): Promise<() => Promise<Array<{ text: string; ms?: number }>>> {
  await page.evaluate(() => {
    const w = window as unknown as { __toasts?: Array<{ text: string; at: number; ms?: number; el: Element }> };
    if (w.__toasts) return;
    const seen: Array<{ text: string; at: number; ms?: number; el: Element }> = (w.__toasts = []);
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n instanceof Element && n.matches('[data-testid="toast"]')) seen.push({ text: n.textContent ?? '', at: performance.now(), el: n });
        for (const n of r.removedNodes) {
          const entry = seen.find((e) => e.el === n);
          if (entry && entry.ms === undefined) entry.ms = performance.now() - entry.at;
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __toasts: Array<{ text: string; ms?: number }> }).__toasts.map(({ text, ms }) => ({ text, ...(ms === undefined ? {} : { ms }) })));
}

/** Picks files with the chooser sheet's button, as a user would (the browser's file picker). */
async function chooseFiles(page: Page, files: string[]): Promise<void> {
  const sheet = page.locator('[data-testid="sheet"][data-sheet-kind="chooseImages"]');
  await expect(sheet).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await sheet.getByTestId('chooser-pick').click();
  await (await chooser).setFiles(files);
}

/** Starts a wx call in the web app's frame; the result is read later with `settled`. */
async function startCall(frame: Frame, api: string, params: Record<string, unknown>): Promise<void> {
  await frame.evaluate(
    ([name, options]) => {
      const w = window as unknown as { wx: Record<string, (o: unknown) => void>; __calls?: Record<string, unknown> };
      w.__calls = w.__calls ?? {};
      const calls = w.__calls;
      delete calls[name];
      w.wx[name]!({ ...options, success: (r: unknown) => (calls[name] = { ok: true, r }), fail: (r: unknown) => (calls[name] = { ok: false, r }) });
    },
    [api, params] as const,
  );
}

async function settled(frame: Frame, api: string): Promise<{ ok: boolean; r: Record<string, unknown> }> {
  const handle = await frame.waitForFunction((name) => (window as unknown as { __calls?: Record<string, unknown> }).__calls?.[name], api);
  return (await handle.jsonValue()) as { ok: boolean; r: Record<string, unknown> };
}

/** HTTP status of a temp path on an app's origin. */
function statusOn(host: TestHost, appId: string, path: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    get({ host: '127.0.0.1', port: host.port, path, headers: { host: `${appId.toLowerCase()}.localhost:${host.port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

test('WeChat-format page: setClipboardData shows 内容已复制; the first read asks, allowed it reads, and is not asked again', async ({ shell, host, page }) => {
  await installApps(host, page);
  const device = await openDevicePage(shell);

  const toasts = await watchToasts(page);
  const copied = await logAfter(device, async () => {
    await device.locator('#dev-copy').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="toast"]')?.textContent?.includes('内容已复制'));
  });
  expect(copied).toEqual({ name: 'setClipboardData', ok: true, res: { errMsg: 'setClipboardData:ok' } });
  expect(await systemClipboard(page)).toBe('gallery-copied');
  // WeChat shows it for 1.5 s (the shell's own success toasts stay 4 s)
  await expect(toast(page, '内容已复制')).toHaveCount(0, { timeout: 5_000 });
  const shown = (await toasts()).filter((t) => t.text.includes('内容已复制'));
  expect(shown).toHaveLength(1);
  expect(shown[0]!.ms).toBeGreaterThanOrEqual(1_450);
  expect(shown[0]!.ms).toBeLessThan(3_500);

  const sheet = shell.sheet('clipboardRead');
  await device.locator('#dev-paste').click();
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading')).toHaveText('Component Gallery wants to read your clipboard');
  await page.screenshot({ path: test.info().outputPath('clipboard-permission-sheet.png') });
  const read = await logAfter(device, () => sheet.getByTestId('sheet-confirm').click());
  expect(read).toEqual({ name: 'getClipboardData', ok: true, res: { data: 'gallery-copied', errMsg: 'getClipboardData:ok' } });

  // remembered: the Promise form reads without a sheet
  const again = await logAfter(device, () => device.locator('#dev-paste-promise').click());
  expect(again).toEqual({ name: 'getClipboardData:promise', ok: true, res: { data: 'gallery-copied', errMsg: 'getClipboardData:ok' } });
  await expect(page.getByTestId('sheet')).toHaveCount(0);
});

// Runs after the test above (tests of a file share their host): it revokes the gallery's grant made there.
test('web-format page: copy with toast; a denied read fails with errno 104 and is remembered; Settings lists and revokes the grants', async ({ shell, host, page }) => {
  await installApps(host, page);
  await shell.launch(WEB);
  const frame = await shell.appFrame(WEB);
  const toasts = await watchToasts(page);
  const set = await frame.evaluate(() => (window as unknown as { wx: { setClipboardData(o: unknown): Promise<unknown> } }).wx.setClipboardData({ data: 'web-copied ✓' }));
  expect(set).toEqual({ errMsg: 'setClipboardData:ok' });
  await expect.poll(async () => (await toasts()).map((t) => t.text)).toContainEqual(expect.stringContaining('内容已复制'));
  expect(await systemClipboard(page)).toBe('web-copied ✓');

  // a parameter error as WeChat words it, and nothing copied
  await startCall(frame, 'setClipboardData', { data: 42 });
  expect(await settled(frame, 'setClipboardData')).toEqual({
    ok: false,
    r: { errMsg: 'setClipboardData:fail parameter error: parameter.data should be String instead of Number;', errno: 1001 },
  });
  expect(await systemClipboard(page)).toBe('web-copied ✓');

  await startCall(frame, 'getClipboardData', {});
  const sheet = shell.sheet('clipboardRead');
  await expect(sheet).toBeVisible();
  await sheet.getByTestId('sheet-cancel').click();
  const denied = { ok: false, r: { errMsg: 'getClipboardData:fail privacy permission is not authorized', errno: 104 } };
  expect(await settled(frame, 'getClipboardData')).toEqual(denied);
  await startCall(frame, 'getClipboardData', {});
  expect(await settled(frame, 'getClipboardData')).toEqual(denied);
  await expect(page.getByTestId('sheet')).toHaveCount(0);

  // Settings › Permissions: the gallery's read grant (previous test) can be revoked; this app's refusal shows as denied
  await shell.showSettings();
  const web = page.locator(`[data-testid="perm-app"][data-app-id="${WEB}"] [data-testid="perm-scope"][data-scope="clipboard.read"]`);
  await expect(web).toHaveAttribute('data-granted', 'false');
  await expect(web).toContainText('Read the clipboard');
  const gallery = page.locator(`[data-testid="perm-app"][data-app-id="${GALLERY}"] [data-testid="perm-scope"][data-scope="clipboard.read"]`);
  await expect(gallery).toHaveAttribute('data-granted', 'true');
  await web.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('settings-clipboard-grants.png') });
  await gallery.getByTestId('revoke').click();
  await expect(gallery).toHaveAttribute('data-granted', 'false');

  const device = await openDevicePage(shell);
  const revoked = await logAfter(device, () => device.locator('#dev-paste').click());
  expect(revoked).toEqual({ name: 'getClipboardData', ok: false, res: { errMsg: 'getClipboardData:fail privacy permission is not authorized', errno: 104 } });
});

test('WeChat-format page: chooseImage through the chooser sheet, shown in <image>, uploaded; cancel fails; another app cannot read it', async ({ shell, host, page }) => {
  await installApps(host, page);
  const device = await openDevicePage(shell);
  await device.locator('#upload-url input').fill(`${uploadOrigin}/photos`);

  await device.locator('#dev-choose').click();
  const sheet = shell.sheet('chooseImages');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('sheet-confirm')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('choose-sheet-empty.png') });
  await chooseFiles(page, [photos[0]!]);
  await expect(sheet.getByTestId('chooser-file')).toHaveCount(1);
  await expect(sheet.getByTestId('chooser-file')).toContainText('photo.png');
  await page.screenshot({ path: test.info().outputPath('choose-sheet-picked.png') });
  const chosen = (await logAfter(device, () => sheet.getByTestId('sheet-confirm').click())) as { name: string; ok: boolean; res: { tempFilePaths: string[]; tempFiles: unknown; errMsg: string } };
  const path = chosen.res.tempFilePaths[0]!;
  expect(path).toMatch(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/);
  expect(chosen).toEqual({ name: 'chooseImage', ok: true, res: { tempFilePaths: [path], tempFiles: [{ path, size: PNG.length }], errMsg: 'chooseImage:ok' } });

  // the page's <image> shows it (bindload reports its pixel size)
  await expect(device.locator('#image-log')).toHaveText(JSON.stringify({ width: 512, height: 512 }));
  await expect(device.locator('#chosen')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('chosen-image-shown.png') });

  received = [];
  const uploaded = await logAfter(device, () => device.locator('#dev-upload').click());
  expect(uploaded).toMatchObject({ name: 'uploadFile', ok: true, res: { data: expect.stringMatching(/^got \d+ bytes$/), statusCode: 200, errMsg: 'uploadFile:ok' } });
  expect(received[0]).toContain('name="photo"');
  expect(received[0]).toContain(PNG.subarray(0, 64).toString('latin1'));

  // served to this app only
  expect(await statusOn(host, GALLERY, path)).toBe(200);
  expect(await statusOn(host, WEB, path)).toBe(404);

  // cancel
  await device.locator('#dev-media').click();
  await expect(sheet).toBeVisible();
  const cancelled = await logAfter(device, () => sheet.getByTestId('sheet-cancel').click());
  expect(cancelled).toEqual({ name: 'chooseMedia', ok: false, res: { errMsg: 'chooseMedia:fail cancel' } });
});

test('web-format page: chooseMedia returns WeChat\'s tempFiles, shown in <img> and uploaded; too many files are refused in the sheet; cancel fails', async ({ shell, host, page }) => {
  await installApps(host, page);
  await shell.launch(WEB);
  const frame = await shell.appFrame(WEB);

  await startCall(frame, 'chooseMedia', { count: 2, mediaType: ['image'] });
  const sheet = shell.sheet('chooseImages');
  await chooseFiles(page, photos);
  await expect(sheet.getByTestId('chooser-error')).toHaveText('The app takes at most 2 images; you chose 3.');
  await expect(sheet.getByTestId('sheet-confirm')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('choose-sheet-too-many.png') });
  await chooseFiles(page, [photos[1]!]);
  await expect(sheet.getByTestId('chooser-error')).toBeHidden();
  await sheet.getByTestId('sheet-confirm').click();
  const result = await settled(frame, 'chooseMedia');
  const files = result.r['tempFiles'] as Array<{ tempFilePath: string }>;
  const path = files[0]!.tempFilePath;
  expect(path).toMatch(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/);
  expect(result).toEqual({ ok: true, r: { tempFiles: [{ tempFilePath: path, size: PNG.length, fileType: 'image', width: 512, height: 512 }], type: 'image', errMsg: 'chooseMedia:ok' } });

  const shown = await frame.evaluate(async (src) => {
    const img = document.createElement('img');
    img.dataset.testid = 'chosen';
    img.width = 64;
    img.src = src;
    document.body.prepend(img);
    await img.decode();
    return img.naturalWidth;
  }, path);
  expect(shown).toBe(512);
  received = [];
  await startCall(frame, 'uploadFile', { url: `${uploadOrigin}/photos`, filePath: path, name: 'photo' });
  expect(await settled(frame, 'uploadFile')).toMatchObject({ ok: true, r: { data: expect.stringMatching(/^got \d+ bytes$/), statusCode: 200, errMsg: 'uploadFile:ok' } });
  expect(received[0]).toContain('filename="tmp_');
  expect(await statusOn(host, GALLERY, path)).toBe(404);

  await startCall(frame, 'chooseImage', {});
  await expect(sheet).toBeVisible();
  await sheet.getByTestId('sheet-cancel').click();
  expect(await settled(frame, 'chooseImage')).toEqual({ ok: false, r: { errMsg: 'chooseImage:fail cancel' } });
});
