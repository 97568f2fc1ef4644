import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * <page-meta> in real Chromium (test/fixtures/wechat/page-meta): a bound page-style that stops the page
 * scrolling while a popup is open (the usual use), root-font-size for rem, scroll-top in rpx with scrolldone,
 * and the scroll event.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxpagemeta000001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'page-meta'));

test('page-style, root-font-size, scroll-top and scroll events of <page-meta> act on its page', async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const frame = visiblePage(app);
  await expect(frame.locator('#rem-box')).toBeVisible({ timeout: 30_000 });
  const scrollTop = () => frame.evaluate((el) => el.scrollTop);
  const pageBackground = () => frame.locator('wx-page').evaluate((el) => getComputedStyle(el).backgroundColor);

  // root-font-size="20px": 2rem is 40px
  await expect.poll(() => frame.locator('#rem-box').evaluate((el) => el.getBoundingClientRect().width)).toBe(40);
  await expect.poll(pageBackground).toBe('rgb(248, 250, 252)');

  // the wheel scrolls the page, and the page hears scroll
  const box = (await frame.boundingBox())!;
  await shell.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await shell.page.mouse.wheel(0, 300);
  await expect.poll(scrollTop).toBeGreaterThan(0);
  await expect(frame.locator('#log')).toHaveText(/scroll;/);

  // scroll-top="600rpx" (scroll-duration 0) scrolls there and sends scrolldone
  const rpx = await frame.evaluate((el) => parseFloat(getComputedStyle(el.ownerDocument.documentElement).getPropertyValue('--wx-rpx')));
  await frame.locator('#to-600').click();
  await expect.poll(async () => Math.abs((await scrollTop()) - 600 * rpx)).toBeLessThanOrEqual(1);
  await expect(frame.locator('#log')).toHaveText(/scrolldone;/);

  // page-style "overflow: hidden" while the popup is open: the wheel no longer scrolls the page
  await frame.locator('#open').click();
  await expect.poll(pageBackground).toBe('rgb(226, 232, 240)');
  await shell.page.screenshot({ path: test.info().outputPath('page-meta-popup.png') });
  const held = await scrollTop();
  await shell.page.mouse.move(box.x + box.width / 2, box.y + 100);
  await shell.page.mouse.wheel(0, 400);
  await shell.page.waitForTimeout(300);
  expect(await scrollTop()).toBe(held);

  // closed: it scrolls again
  await frame.locator('#close').click();
  await expect.poll(pageBackground).toBe('rgb(248, 250, 252)');
  await shell.page.mouse.move(box.x + box.width / 2, box.y + 100);
  await shell.page.mouse.wheel(0, 400);
  await expect.poll(scrollTop).toBeGreaterThan(held);
});
