import type { Locator } from '@playwright/test';
import { colours, type Rgba } from './screen-colours';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';
import { CHROMIUM_ARGS } from './playwright.config';

/**
 * <canvas type="2d"> in real Chromium at devicePixelRatio 2: the fixture page (test/fixtures/wechat/canvas)
 * sizes the node's drawing buffer by the pixel ratio, draws a red block at CSS (10,10)-(60,50), a blue
 * outline and the package's green PNG at (100,10)-(140,50) through createImage. What the user sees is read
 * from screenshots' pixels; touches and canvasToTempFilePath from what the page's handlers report.
 */

test.describe.configure({ timeout: 240_000 });
// a real pixel ratio of 2 in every frame (deviceScaleFactor emulation does not reach the app's frame)
test.use({ launchOptions: { executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--force-device-scale-factor=2'] } });

const APP_ID = 'wxcanvas00000001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'canvas'));


/** a colour is near red/green/blue/white within a tolerance (anti-aliasing, JPEG) */
function near(actual: Rgba, expected: [number, number, number], tolerance = 40): boolean {
  return actual.slice(0, 3).every((v, i) => Math.abs(v - expected[i]!) <= tolerance);
}

async function logOf(page: Locator, selector = '#log'): Promise<Record<string, unknown>> {
  const text = (await page.locator(selector).textContent()) ?? '';
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

test('the node draws on the canvas: dpr-sized buffer, red block, package image, outline; toDataURL; canIUse', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  const board = view.locator('#board');
  await expect(board).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => logOf(view), { timeout: 15_000 }).toMatchObject({ sameNode: true });
  expect(await logOf(view)).toMatchObject({
    size: [200, 100],
    buffer: [400, 200],
    image: [16, 16],
    dataUrl: 'data:image/png;base64,',
    canIUse: true,
    oddNode: null,
    oddErrorType: 'error',
    oddError: 'canvas type "3d" is not supported; use "2d" or "webgl"',
  });
  // the element keeps its CSS size; the drawing buffer is the node's
  expect(await board.evaluate((el) => [el.clientWidth, el.clientHeight, el.querySelector('canvas')!.width])).toEqual([200, 100, 400]);

  const [red, image, blank, outline] = await colours(shell.page, board.locator('canvas'), [[30, 30], [120, 30], [170, 70], [1, 50]]);
  expect(near(red!, [255, 0, 0]), `red block: ${red}`).toBe(true);
  expect(near(image!, [0, 160, 0]), `package image: ${image}`).toBe(true);
  expect(near(outline!, [0, 0, 255]), `outline: ${outline}`).toBe(true);
  expect(blank![0], `nothing drawn at (170,70): ${blank}`).toBeGreaterThan(200);
  expect(blank![1]).toBeGreaterThan(200);
});

test('a press, drag and release on the canvas give CanvasTouch points relative to the canvas; a long press gives longtap', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  const drawing = view.locator('#board canvas');
  await expect(drawing).toBeVisible({ timeout: 30_000 });
  const box = (await drawing.boundingBox())!;
  const mouse = shell.page.mouse;

  await mouse.move(box.x + 30, box.y + 20);
  await mouse.down();
  await expect.poll(() => logOf(view, '#touch')).toEqual({
    type: 'touchstart',
    touches: [{ identifier: 'number', x: 30, y: 20 }],
    changedTouches: [{ identifier: 'number', x: 30, y: 20 }],
    target: 'board',
  });
  await mouse.move(box.x + 50, box.y + 40);
  await expect.poll(() => logOf(view, '#touch')).toMatchObject({ type: 'touchmove', touches: [{ x: 50, y: 40 }] });
  await mouse.up();
  await expect.poll(() => logOf(view, '#touch')).toEqual({
    type: 'touchend',
    touches: [],
    changedTouches: [{ identifier: 'number', x: 50, y: 40 }],
    target: 'board',
  });

  await mouse.move(box.x + 70, box.y + 60);
  await mouse.down();
  await expect.poll(() => logOf(view, '#touch'), { timeout: 3_000 }).toMatchObject({ type: 'longtap', touches: [{ x: 70, y: 60 }] });
  await mouse.up();
});

test('canvasToTempFilePath gives a path an <image> shows: the whole buffer, or a part scaled as a jpg', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  await expect.poll(() => logOf(view), { timeout: 30_000 }).toMatchObject({ sameNode: true });

  await view.locator('#export').click();
  await expect.poll(() => logOf(view)).toMatchObject({
    exportErrMsg: 'canvasToTempFilePath:ok',
    // a temp file of the app on the host, as downloadFile's (wechat-canvas-file.spec.ts reads and uploads it)
    exportPath: expect.stringMatching(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/),
    shown: [400, 200],
  });
  const out = view.locator('#out');
  const [red, image] = await colours(shell.page, out, [[30, 30], [120, 30]]);
  expect(near(red!, [255, 0, 0]), `exported red block: ${red}`).toBe(true);
  expect(near(image!, [0, 160, 0]), `exported image: ${image}`).toBe(true);
  // the same path in wx.previewImage's viewer
  await view.locator('#preview').click();
  await expect.poll(() => app.locator('.wx-preview-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
  await shell.page.keyboard.press('Escape');
  await expect(app.locator('.wx-preview-image')).toHaveCount(0);

  // the left half (buffer px 0..100 x 0..100 = CSS 0..50) squeezed to 50 x 50
  await view.locator('#jpg').click();
  await expect.poll(() => logOf(view)).toMatchObject({ partErrMsg: 'canvasToTempFilePath:ok', shown: [50, 50] });
});

test('the legacy canvas: createCanvasContext draws in CSS px at the pixel ratio, in the page and in a component; canvasToTempFilePath({ canvasId })', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = visiblePage(app);
  await expect.poll(() => logOf(view), { timeout: 30_000 }).toMatchObject({ sketchDrawn: true, stampDrawn: true, textWidth: true, fontAfterSetFontSize: '12px sans-serif' });
  const sketch = view.locator('#sketch');
  // the buffer is the CSS size x the pixel ratio
  expect(await sketch.evaluate((el) => [el.clientWidth, el.querySelector('canvas')!.width, el.querySelector('canvas')!.height])).toEqual([160, 320, 120]);
  const [blue, red, green, blank] = await colours(shell.page, sketch.locator('canvas'), [[30, 25], [80, 25], [125, 25], [150, 55]]);
  expect(near(blue!, [0, 0, 255]), `fillRect: ${blue}`).toBe(true);
  expect(near(red!, [255, 0, 0]), `gradient: ${red}`).toBe(true);
  expect(near(green!, [0, 160, 0]), `drawImage: ${green}`).toBe(true);
  expect(blank![0], `nothing at (150,55): ${blank}`).toBeGreaterThan(200);

  const stamp = view.locator('#stamp canvas');
  const [centre, corner] = await colours(shell.page, stamp, [[30, 30], [1, 1]]);
  expect(near(centre!, [255, 255, 0], 60), `circular gradient centre: ${centre}`).toBe(true);
  expect(corner![2], `outside the circle: ${corner}`).toBeGreaterThan(200);

  await view.locator('#export-sketch').click();
  // x 0..100, y 0..50 in CSS px, at the pixel ratio by default
  await expect.poll(() => logOf(view)).toMatchObject({ sketchExport: 'canvasToTempFilePath:ok', shown: [200, 100] });
  const [exportedBlue, exportedRed] = await colours(shell.page, view.locator('#out'), [[60, 50], [160, 50]]);
  expect(near(exportedBlue!, [0, 0, 255]), `exported fillRect: ${exportedBlue}`).toBe(true);
  expect(near(exportedRed!, [255, 0, 0]), `exported gradient: ${exportedRed}`).toBe(true);
  // for a person to look at: the whole fixture page
  await shell.page.screenshot({ path: 'test-results/web/gallery-canvas.png', scale: 'css' });
});
