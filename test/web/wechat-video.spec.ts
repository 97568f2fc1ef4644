import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * <video> and wx.createVideoContext in real Chromium, on the fixture's own 2 s, 160x120 VP8 test pattern
 * (test/fixtures/wechat/video/media/clip.webm). The page logs every event it gets (type and detail) in #events
 * and timeupdate's positions in #times; its buttons call VideoContext methods.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxvideo000000001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'video'));

type Logged = { type: string; detail: Record<string, unknown> };

async function events(page: Locator): Promise<Logged[]> {
  return JSON.parse((await page.locator('#events').textContent()) || '[]') as Logged[];
}

async function times(page: Locator): Promise<number[]> {
  const list = JSON.parse((await page.locator('#times').textContent()) || '[]') as Array<{ currentTime: number }>;
  return list.map((t) => t.currentTime);
}

/** the detail of the latest event of this type, once there is one */
async function latest(page: Locator, type: string): Promise<Record<string, unknown>> {
  await expect.poll(async () => (await events(page)).some((e) => e.type === type), { timeout: 15_000 }).toBe(true);
  return (await events(page)).filter((e) => e.type === type).at(-1)!.detail;
}

const count = async (page: Locator, type: string) => (await events(page)).filter((e) => e.type === type).length;
const media = (page: Locator, id: string) => page.locator(`#${id} video`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** is the element drawn over the player's picture (danmaku enter from beyond its right edge)? */
async function overPicture(item: Locator, player: Locator): Promise<boolean> {
  const [a, b] = [await item.boundingBox(), await player.boundingBox()];
  return !!a && !!b && a.x < b.x + b.width && a.x + a.width > b.x && a.y >= b.y && a.y < b.y + b.height;
}

test('metadata of the real file; VideoContext play, pause, seek; timeupdate grows; ended without loop', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  await expect(page.locator('#main')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#can-use')).toHaveText('true');

  const meta = await latest(page, 'loadedmetadata');
  expect(meta).toEqual({ width: 160, height: 120, duration: expect.any(Number) });
  expect(meta['duration'] as number).toBeCloseTo(2, 1);
  // the whole (small, local) file is buffered: progress reports it in percent
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'progress').at(-1)?.detail).toEqual({ buffered: 100 });

  // half speed: the 2 s clip lasts long enough for the steps below on a busy machine
  await page.locator('#rate').click();
  await expect.poll(() => media(page, 'main').evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.5);
  await page.locator('#play').click();
  await latest(page, 'play');
  // several timeupdates while it plays, each further on, with the file's duration
  await expect.poll(async () => (await times(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  const seen = await times(page);
  for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
  expect(JSON.parse((await page.locator('#times').textContent())!)[0].duration).toBeCloseTo(2, 1);

  await page.locator('#pause').click();
  await latest(page, 'pause');
  expect(await media(page, 'main').evaluate((v: HTMLVideoElement) => ({ paused: v.paused, ended: v.ended }))).toEqual({ paused: true, ended: false });
  expect(await count(page, 'ended')).toBe(0);
  const stoppedAt = (await times(page)).length;
  await pause(800);
  expect((await times(page)).length).toBeLessThanOrEqual(stoppedAt + 1);

  await page.locator('#seek').click();
  const seek = await latest(page, 'seekcomplete');
  expect(seek['position'] as number).toBeCloseTo(1, 1);
  expect(await media(page, 'main').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(1, 1);

  // paused on the frame at 1 s: what the user sees
  await pause(300);
  await shell.page.screenshot({ path: 'test-results/web/gallery-video.png' });

  // from 1 s to the end: ended, and it stays at the end (loop is off)
  await page.locator('#play').click();
  await expect.poll(() => count(page, 'ended'), { timeout: 15_000 }).toBe(1);
  await pause(600);
  const end = await media(page, 'main').evaluate((v: HTMLVideoElement) => ({ paused: v.paused, ended: v.ended }));
  expect(end).toEqual({ paused: true, ended: true });
  expect(await count(page, 'ended')).toBe(1);

  // stop: back to the start, paused; its own seek is not the user's (no seekcomplete)
  const seeks = await count(page, 'seekcomplete');
  await page.locator('#stop').click();
  await expect.poll(() => media(page, 'main').evaluate((v: HTMLVideoElement) => v.currentTime)).toBe(0);
  await pause(300);
  expect(await count(page, 'seekcomplete')).toBe(seeks);
});

test('Space on the focused player toggles play; danmaku from danmu-list and sendDanmu; full screen in and out', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  const main = page.locator('#main');
  await expect(main).toBeVisible({ timeout: 30_000 });
  await latest(page, 'loadedmetadata');
  await expect(main.locator('.wx-video-bar')).toBeVisible();

  // half speed, so the clip does not end during the steps below
  await page.locator('#rate').click();
  await expect.poll(() => media(page, 'main').evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(0.5);
  await main.focus();
  await shell.page.keyboard.press('Space');
  await latest(page, 'play');
  // danmu-list's comment at 0.5 s flies over the picture in its colour
  const first = main.locator('.wx-video-danmu-item', { hasText: 'first comment' });
  await expect.poll(() => overPicture(first, main), { timeout: 5_000 }).toBe(true);
  expect(await first.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 0, 0)');

  await main.focus();
  await shell.page.keyboard.press('Space');
  await expect.poll(() => count(page, 'pause')).toBe(1);
  expect(await media(page, 'main').evaluate((v: HTMLVideoElement) => ({ paused: v.paused, ended: v.ended }))).toEqual({ paused: true, ended: false });
  const ring = await main.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.screenshot({ path: test.info().outputPath('video-focused.png') });
  // sent while paused: it waits at the edge and flies in once playback resumes
  await page.locator('#danmu').click();
  const sent = main.locator('.wx-video-danmu-item', { hasText: 'sent now' });
  await expect(sent).toBeAttached();
  expect(await sent.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 255, 0)');
  await pause(500);
  expect(await overPicture(sent, main)).toBe(false);
  await main.focus();
  await shell.page.keyboard.press('Space');
  await expect.poll(() => overPicture(sent, main), { timeout: 5_000 }).toBe(true);
  await shell.page.keyboard.press('Space');
  await expect.poll(() => count(page, 'pause')).toBe(2);

  await page.locator('#full').click();
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'fullscreenchange').map((e) => e.detail), { timeout: 5_000 }).toEqual([
    { fullScreen: true, direction: 'vertical' },
    { fullScreen: false, direction: 'vertical' },
  ]);
  await expect(main).not.toHaveAttribute('data-fullscreen');
});

test('controls=false hides the bar; object-fit maps to the picture; a missing file sends error {errMsg}', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const link = visiblePage(app).locator('#to-variants');
  await expect(link).toBeVisible({ timeout: 30_000 });
  await link.click();
  const page = visiblePage(app);
  await expect(page.locator('#bare')).toBeVisible();

  await expect(page.locator('#bare .wx-video-bar')).toBeHidden();
  await expect(page.locator('#cover .wx-video-bar')).toBeVisible();
  const fit = (id: string) => media(page, id).evaluate((v) => getComputedStyle(v).objectFit);
  expect(await fit('bare')).toBe('fill');
  expect(await fit('cover')).toBe('cover');
  expect(await fit('narrow')).toBe('contain');
  await expect(page.locator('#cover .wx-video-center-play')).toBeHidden();
  await expect(page.locator('#narrow .wx-video-center-play')).toBeVisible();
  // show-progress left unset: no progress bar on a video 240px wide or less
  await expect(page.locator('#narrow .wx-video-progress')).toBeHidden();
  await expect(page.locator('#narrow .wx-video-time').first()).toBeVisible();
  // a relative src resolves against the page like an image's: the file played
  await expect.poll(() => media(page, 'cover').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);

  await expect(page.locator('#error')).not.toHaveText('', { timeout: 15_000 });
  expect(JSON.parse((await page.locator('#error').textContent())!)).toEqual({ type: 'error', detail: { errMsg: 'MEDIA_ERR_SRC_NOT_SUPPORTED' } });
  await page.screenshot({ path: test.info().outputPath('video-variants.png') });

  // while it plays untouched the bar goes away after 3 s (controlstoggle {show: false}); the pointer brings it back
  const looping = page.locator('#looping');
  await looping.focus();
  await shell.page.keyboard.press('Space');
  const toggles = async () => JSON.parse((await page.locator('#toggles').textContent()) || '[]') as unknown[];
  await expect.poll(toggles, { timeout: 8_000 }).toEqual([{ show: false }]);
  await expect.poll(() => looping.locator('.wx-video-bar').evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
  await looping.hover({ position: { x: 50, y: 40 } });
  await expect.poll(toggles).toEqual([{ show: false }, { show: true }]);
  await expect(looping.locator('.wx-video-bar')).toBeVisible();
});

test('the full-screen button takes the screen for real (the frame is allowed full screen), and Escape gives it back', async ({ host, shell }) => {
  await installFixture(host, 'wxautoplay000001', 'autoplay');
  const app = await shell.launch('wxautoplay000001');
  const page = visiblePage(app);
  const video = page.locator('#auto');
  await expect(page.locator('#state')).toHaveText('playing', { timeout: 30_000 });
  await video.hover();
  await video.getByRole('button', { name: /full screen/i }).click();
  await expect.poll(() => video.evaluate((el) => el.ownerDocument.fullscreenElement === el)).toBe(true);
  await shell.page.keyboard.press('Escape');
  await expect.poll(() => video.evaluate((el) => el.ownerDocument.fullscreenElement === null)).toBe(true);
});
