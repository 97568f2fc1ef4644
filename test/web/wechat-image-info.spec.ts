import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * wx.getImageInfo in the poster flow: the fixture (test/fixtures/wechat/image-info) asks about a 7x3 package
 * PNG, a 6x4 JPEG whose EXIF says orientation 6, a 50x30 canvas export and that export saved, and about a
 * missing file and a text file named .png. Each outcome is what the page's callbacks (or Promise) got.
 */

test.describe.configure({ timeout: 120_000 });

const APP_ID = 'wximageinfo00001';
const TEMP_PNG = /^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/;

test.beforeEach(({ host }) => installFixture(host, APP_ID, 'image-info'));

const logText = async (view: Locator): Promise<string> => (await view.locator('#log').textContent()) ?? '';

/** taps the button, waits for the page to log the call's outcome, and gives it (without the page's counter) */
async function outcomeOf(view: Locator, button: string): Promise<Record<string, unknown>> {
  const before = await logText(view);
  await view.locator(button).click();
  await expect.poll(() => logText(view), { timeout: 15_000 }).not.toBe(before);
  const { n: _n, ...outcome } = JSON.parse(await logText(view)) as Record<string, unknown>;
  return outcome;
}

test('a package PNG: its size in pixels, type png, a path <image> shows; a relative path is resolved against the page, a data: URL read', async ({ shell }) => {
  const view = visiblePage(await shell.launch(APP_ID));
  await expect(view.locator('#png')).toBeVisible({ timeout: 30_000 });
  await expect(view.locator('#can-use')).toHaveText('canIUse: true');
  const expected = { width: 7, height: 3, type: 'png', orientation: 'up', path: '/images/badge.png', errMsg: 'getImageInfo:ok' };
  expect(await outcomeOf(view, '#png')).toEqual({ calls: ['success', 'complete'], success: expected, complete: 'getImageInfo:ok' });
  // the path it gives is one <image> takes: the fixture draws it at 10x the reported size
  await expect(view.locator('#shown')).toHaveCSS('width', '70px');
  await expect(view.locator('#shown')).toHaveCSS('height', '30px');
  await shell.page.screenshot({ path: test.info().outputPath('image-info-png.png') });
  expect(await outcomeOf(view, '#relative')).toMatchObject({ calls: ['success', 'complete'], success: expected });
  expect(await outcomeOf(view, '#data-url')).toMatchObject({ calls: ['success', 'complete'], success: { width: 7, height: 3, type: 'png', path: expect.stringMatching(/^data:image\/png;base64,/) } });
});

test('a JPEG: type jpeg from its bytes, the EXIF orientation by name, width and height as stored (not rotated)', async ({ shell }) => {
  const view = visiblePage(await shell.launch(APP_ID));
  await expect(view.locator('#jpg')).toBeVisible({ timeout: 30_000 });
  expect(await outcomeOf(view, '#jpg')).toMatchObject({
    calls: ['success', 'complete'],
    success: { width: 6, height: 4, type: 'jpeg', orientation: 'right', path: '/images/rotated.jpg', errMsg: 'getImageInfo:ok' },
  });
});

test('the poster flow: a canvasToTempFilePath export is sized as the canvas was, and so is that file once saved', async ({ shell }) => {
  const view = visiblePage(await shell.launch(APP_ID));
  await expect(view.locator('#canvas')).toBeVisible({ timeout: 30_000 });
  const exported = await outcomeOf(view, '#canvas');
  expect(exported).toMatchObject({ calls: ['success', 'complete'], success: { width: 50, height: 30, type: 'png', orientation: 'up', errMsg: 'getImageInfo:ok' } });
  expect((exported['success'] as { path: string }).path).toMatch(TEMP_PNG);
  const saved = await outcomeOf(view, '#saved');
  expect(saved).toMatchObject({ calls: ['success', 'complete'], success: { width: 50, height: 30, type: 'png', errMsg: 'getImageInfo:ok' } });
  expect((saved['success'] as { path: string }).path).toMatch(/^wxfile:\/\/store_[0-9a-f]{32}\.png$/);
});

test('a missing file rejects the Promise; a text file named .png fails through fail and complete', async ({ shell }) => {
  const view = visiblePage(await shell.launch(APP_ID));
  await expect(view.locator('#missing')).toBeVisible({ timeout: 30_000 });
  expect(await outcomeOf(view, '#missing')).toEqual({ rejected: { errMsg: 'getImageInfo:fail file not found: /images/missing.png' } });
  expect(await outcomeOf(view, '#not-image')).toEqual({
    calls: ['fail', 'complete'],
    fail: { errMsg: 'getImageInfo:fail not an image: /images/notes.png' },
    complete: 'getImageInfo:fail not an image: /images/notes.png',
  });
});
