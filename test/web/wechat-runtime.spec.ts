import { join } from 'node:path';
import type { FrameLocator } from '@playwright/test';
import { expect, test, type ShellPage } from './fixtures';
import { repoRoot } from './packages';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * The WeChat-format runtime end to end: a DevTools project from test/fixtures/wechat/ installed through the
 * browser host, run in its view (logic in a Worker, DOM in the page), driven as a user would.
 */
const APP_ID = 'wxrtbasics0001';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ host }) => {
  await installFixture(host, APP_ID, 'rt-basics');
});

async function launch(shell: ShellPage): Promise<FrameLocator> {
  const app = await shell.launch(APP_ID);
  // the Worker parses glass-easel and the app's bundle first: allow for a slow, shared machine
  await expect(visiblePage(app).locator('#title')).toHaveText('Hello WeChat', { timeout: 30_000 });
  return app;
}

test('each WXML construct renders and updates after a tap', async ({ shell }) => {
  const app = await launch(shell);
  const page = visiblePage(app);
  await expect(page.locator('#list .row')).toHaveText(['0-alpha', '1-beta']);
  await expect(page.locator('#cond')).toHaveText('none');
  await expect(page.locator('#hidden-box')).toBeHidden();
  await expect(page.locator('#tpl')).toHaveText('tpl-0');
  await expect(page.locator('#wxs')).toHaveText('0');
  await expect(page.locator('#imported')).toHaveText('imported WeChat');
  await expect(page.locator('#footer')).toHaveText('included footer');
  await expect(page.locator('#card')).toContainText('WeChat card slot content');

  await page.locator('#inc').click();
  await expect(page.locator('#cond')).toHaveText('some');
  await expect(page.locator('#list .row')).toHaveText(['0-alpha1', '1-beta', '2-item1']);
  await expect(page.locator('#hidden-box')).toBeVisible();
  await expect(page.locator('#tpl')).toHaveText('tpl-1');
  await expect(page.locator('#wxs')).toHaveText('2');
  await page.locator('#inc').click();
  await page.locator('#inc').click();
  await expect(page.locator('#cond')).toHaveText('many');

  await page.locator('#list .row').nth(1).click();
  await expect(page.locator('#picked')).toHaveText('b via tap');
  await page.locator('#catcher').click();
  await expect(page.locator('#event')).toHaveText('inner catcher {"zone":"outer"} touches=1 x=number');
  await expect(page.locator('#env')).toHaveText('window=undefined document=undefined');
});

test('an input with model:value: every binding follows the typing, and the caret stays where the user types', async ({ shell }) => {
  const app = await launch(shell);
  const page = visiblePage(app);
  const box = page.locator('#model-box input');
  await box.click();
  await box.pressSequentially('tea');
  await expect(page.locator('#model-echo')).toHaveText('typed tea');
  // typing in the middle: the re-render from the data must not move the caret to the end
  await box.press('ArrowLeft');
  await box.press('ArrowLeft');
  await box.pressSequentially('xy');
  await expect(page.locator('#model-echo')).toHaveText('typed txyea');
  await expect(box).toHaveValue('txyea');
});

test('lifecycle order: launch, navigateTo, navigateBack, redirectTo, switchTab, reLaunch, app hide/show', async ({ shell, host }) => {
  const app = await launch(shell);
  const log = () => visiblePage(app).locator('#log');
  await expect(log()).toHaveText('App.onLaunch|App.onShow|index.onLoad {}|index.onShow|index.onReady');

  await visiblePage(app).locator('#to-detail').click();
  await expect(visiblePage(app).locator('#query')).toHaveText('{"id":"42","from":"index"}');
  await expect(log()).toHaveText(/\|index\.onReady\|index\.onHide\|detail\.onLoad \{"id":"42","from":"index"\}\|detail\.onShow\|detail\.onReady$/);

  await visiblePage(app).locator('#back').click();
  await expect(log()).toHaveText(/\|detail\.onReady\|detail\.onUnload\|index\.onShow$/);

  await visiblePage(app).locator('#to-detail').click();
  await expect(log()).toHaveText(/detail\.onReady$/);
  await visiblePage(app).locator('#redirect').click();
  await expect(log()).toHaveText(/\|detail\.onUnload\|detail\.onLoad \{"redirected":"1"\}\|detail\.onShow\|detail\.onReady$/);

  await visiblePage(app).locator('#to-tab').click();
  await expect(visiblePage(app).locator('#tab-name')).toHaveText('Tab A content');
  await expect(log()).toHaveText(/\|detail\.onUnload\|index\.onUnload\|tab-a\.onLoad \{\}\|tab-a\.onShow\|tab-a\.onReady$/);
  // the tab bar (drawn by the runtime) switches tabs; the tab left behind is hidden, not unloaded
  await app.getByRole('tab', { name: 'Tab B' }).click();
  // onTabItemTap {index, pagePath, text} on the tapped tab's page once it is shown (not for wx.switchTab, above)
  await expect(log()).toHaveText(/\|tab-a\.onHide\|tab-b\.onLoad \{\}\|tab-b\.onShow\|tab-b\.onTabItemTap 1 pages\/tab-b\/tab-b Tab B\|tab-b\.onReady$/);
  await app.getByRole('tab', { name: 'Tab A' }).click();
  await expect(log()).toHaveText(/\|tab-b\.onHide\|tab-a\.onShow\|tab-a\.onTabItemTap 0 pages\/tab-a\/tab-a Tab A$/);
  await expect(app.getByRole('tab', { name: 'Tab A' })).toHaveAttribute('aria-selected', 'true');
  await shell.page.screenshot({ path: test.info().outputPath('wechat-tab-page.png') });

  // hide/show: another app comes to the front, then this one again
  await host.runtime.service.handle('install', { source: join(repoRoot, 'examples', 'api-showcase') }).catch(() => undefined);
  const apps = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  const other = apps.find((a) => a.appId !== APP_ID)!.appId;
  await shell.launch(other);
  await shell.switchTo(APP_ID);
  await expect(log()).toHaveText(/\|tab-a\.onHide\|App\.onHide\|App\.onShow\|tab-a\.onShow$/);

  await visiblePage(app).locator('#relaunch').click();
  await expect(log()).toHaveText(/\|tab-a\.onShow\|tab-a\.onUnload\|tab-b\.onUnload\|index\.onLoad \{"again":"1"\}\|index\.onShow\|index\.onReady$/);
  await expect(app.getByRole('tablist')).toBeHidden();
});

test('the 11th page fails with WeChat\'s errMsg and the stack stays at 10', async ({ shell }) => {
  const app = await launch(shell);
  await visiblePage(app).locator('#to-detail').click();
  for (let depth = 2; depth < 10; depth++) {
    await expect(visiblePage(app).locator('#depth')).toHaveText(`pages in stack: ${depth}`);
    await visiblePage(app).locator('#deeper').click();
  }
  await expect(visiblePage(app).locator('#depth')).toHaveText('pages in stack: 10');
  await visiblePage(app).locator('#deeper').click();
  await expect(visiblePage(app).locator('#errmsg')).toHaveText('navigateTo:fail webview count limit exceed');
  await expect(visiblePage(app).locator('#depth')).toHaveText('pages in stack: 10');
});

test("a component's styles do not leak, #id and app.wxss apply, rpx follows the view width", async ({ shell }) => {
  const app = await launch(shell);
  const page = visiblePage(app);
  await expect(page.locator('#card-inner')).toHaveCSS('color', 'rgb(255, 0, 0)');
  await expect(page.locator('#leak-probe')).not.toHaveCSS('color', 'rgb(255, 0, 0)');
  await expect(page.locator('#log')).toHaveCSS('font-family', 'monospace');

  // 375rpx is half of the page's width, whatever the width
  const half = async () =>
    page.evaluate((frame) => {
      const box = frame.querySelector('#rpx-box') as HTMLElement;
      return box.getBoundingClientRect().width / frame.clientWidth;
    });
  expect(await half()).toBeCloseTo(0.5, 2);
  const wide = await page.locator('#rpx-box').boundingBox();
  await shell.page.setViewportSize({ width: 900, height: 800 });
  await expect.poll(async () => (await page.locator('#rpx-box').boundingBox())?.width).toBeLessThan(wide!.width);
  expect(await half()).toBeCloseTo(0.5, 2);
});

test('an endless loop in page code does not freeze the shell; an exception reaches App.onError', async ({ shell }) => {
  const app = await launch(shell);
  await visiblePage(app).locator('#throw').click();
  await expect(visiblePage(app).locator('#log')).toContainText('App.onError thrown on purpose');

  await visiblePage(app).locator('#to-busy').click();
  await visiblePage(app).locator('#spin').click();
  // the app's view still answers and says the app is not responding, with a way out; the shell answers too
  await expect(app.getByRole('alert')).toContainText('This mini program is not responding.', { timeout: 20_000 });
  await expect(app.getByRole('button', { name: 'Reload' })).toBeVisible();
  await shell.page.screenshot({ path: test.info().outputPath('wechat-not-responding.png') });
  await app.getByRole('button', { name: 'Reload' }).click();
  await expect(visiblePage(app).locator('#title')).toHaveText('Hello WeChat', { timeout: 30_000 });
  await expect(app.getByRole('alert')).toBeHidden();
  await shell.showCatalog();
  await shell.showSettings();
  await expect(shell.page.getByTestId('settings')).toBeVisible();
});

test('pull-down refresh, page scroll and reach-bottom reach the page', async ({ shell }) => {
  const app = await launch(shell);
  await visiblePage(app).locator('#to-detail').click();
  await visiblePage(app).locator('#to-tab').click();
  await app.getByRole('tab', { name: 'Tab B' }).click();
  const page = visiblePage(app);
  await expect(page.locator('#tab-name')).toHaveText('Tab B content');
  const box = (await page.boundingBox())!;
  await shell.page.mouse.move(box.x + box.width / 2, box.y + 200);
  // wheel up at the top pulls the page down: onPullDownRefresh; the page stops it with wx.stopPullDownRefresh
  await shell.page.mouse.wheel(0, -300);
  await expect(page.locator('#log')).toContainText('tab-b.onPullDownRefresh');
  await expect(page).not.toHaveClass(/wx-refreshing/);

  await shell.page.mouse.wheel(0, 400);
  await expect.poll(async () => Number((await page.locator('#scroll-top').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
  await page.evaluate((frame) => frame.scrollTo({ top: frame.scrollHeight }));
  await expect(page.locator('#log')).toContainText('tab-b.onReachBottom');

  // pageScrollTo({ selector, offsetTop }): row 12 ends up 8 px below the top of the page's area
  await page.evaluate((frame) => frame.scrollTo({ top: 0 }));
  await page.locator('#jump').click();
  const rowTop = () => page.evaluate((frame) => Math.round(frame.querySelector('#row-12')!.getBoundingClientRect().top - frame.getBoundingClientRect().top));
  await expect.poll(rowTop).toBe(8);
});

test('navigationStyle custom hides the navigation bar; a top tab bar sits above the page', async ({ shell, host }) => {
  await host.runtime.service.handle('install', { source: join(repoRoot, 'test', 'fixtures', 'wechat', 'rt-chrome') });
  const app = await shell.launch('wxrtchrome0001');
  await expect(visiblePage(app).locator('#home')).toBeVisible({ timeout: 30_000 });
  await expect(app.locator('.wx-navbar')).toBeHidden();
  const tabs = app.getByRole('tablist');
  const tabBox = (await tabs.boundingBox())!;
  const pageBox = (await visiblePage(app).boundingBox())!;
  expect(tabBox.y + tabBox.height).toBeLessThanOrEqual(pageBox.y + 1);
  await expect(app.getByRole('tab', { name: 'Home' })).toHaveCSS('color', 'rgb(207, 34, 46)');
  // keyboard: arrows move between tabs, Enter opens one
  await app.getByRole('tab', { name: 'Home' }).focus();
  await shell.page.keyboard.press('ArrowRight');
  await expect(app.getByRole('tab', { name: 'More' })).toBeFocused();
  await shell.page.keyboard.press('Enter');
  await expect(visiblePage(app).locator('#more')).toHaveText('More tab');
  await shell.page.screenshot({ path: test.info().outputPath('wechat-top-tabs.png') });
});
