import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * app.json `tabBar.custom` in real Chromium (test/fixtures/wechat/custom-tab-bar): the package's own bar,
 * positioned `fixed` at the bottom as WeChat's docs recommend, with a raised middle action; each tab page
 * marks its tab through getTabBar() in onShow.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxcustomtabbar01';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'custom-tab-bar'));

test("the package's bar sits at the bottom of the page, the page's end stays above it, and its taps switch tabs", async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  const bar = page.locator('wx-custom-tab-bar');
  await expect(page.locator('#tab-home')).toBeVisible({ timeout: 30_000 });
  // the view draws no tab bar of its own
  await expect(app.locator('.wx-tabbar:visible')).toHaveCount(0);

  const frame = await page.boundingBox();
  // the bar's root view (its class is scoped to the component)
  const barBox = (await bar.locator('custom-tab-bar > wx-view').first().boundingBox())!;
  // at the bottom edge of the page frame, full width, as tall as the package made it
  expect(Math.round(barBox.y + barBox.height)).toBe(Math.round(frame!.y + frame!.height));
  expect(Math.round(barBox.height)).toBe(57); // 56px and its 1px top border
  // the slot took the bar's height, so scrolled to the end the last row is above the bar, not under it
  expect(Math.round((await bar.boundingBox())!.height)).toBe(57);
  await page.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const last = (await page.locator('#last').boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(barBox.y + 1);
  await expect(page.locator('#tab-home')).toHaveClass(/\bon\b/);
  await shell.page.screenshot({ path: 'test-results/web/gallery-custom-tab-bar.png' });

  // a tap in the bar switches tabs; the other tab page's own bar marks its tab
  await page.locator('#tab-me').click();
  const me = visiblePage(app);
  await expect(me.locator('#me')).toHaveText('Me: my tab bar shows tab 1');
  await expect(me.locator('#tab-me')).toHaveClass(/\bon\b/);
  await expect(me.locator('#tab-home')).not.toHaveClass(/\bon\b/);

  // the raised action opens a page that is not a tab: no bar there, getTabBar() is undefined
  await me.locator('#tab-action').click();
  const detail = visiblePage(app);
  await expect(detail.locator('#detail')).toHaveText('Detail: no tab bar here (undefined)');
  await expect(detail.locator('wx-custom-tab-bar')).toHaveCount(0);
});
