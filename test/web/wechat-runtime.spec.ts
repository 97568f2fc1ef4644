import { join } from 'node:path';
import type { FrameLocator, Locator } from '@playwright/test';
import { expect, test, type ShellPage } from './fixtures';
import { repoRoot } from './packages';

/**
 * The WeChat-format runtime end to end: a DevTools project from test/fixtures/wechat/ installed through the
 * browser host, run in its view (logic in a Worker, DOM in the page), driven as a user would.
 */
const APP_ID = 'wxrtbasics0001';

test.beforeEach(async ({ host }) => {
  const installed = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  if (!installed.some((a) => a.appId === APP_ID)) {
    await host.runtime.service.handle('install', { source: join(repoRoot, 'test', 'fixtures', 'wechat', 'rt-basics') });
  }
});

/** the page the user sees (the top of the stack): the one page frame not hidden */
function visiblePage(app: FrameLocator): Locator {
  return app.locator('.wx-page-frame:not([hidden])');
}

async function launch(shell: ShellPage): Promise<FrameLocator> {
  const app = await shell.launch(APP_ID);
  await expect(visiblePage(app).locator('#title')).toHaveText('Hello WeChat');
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
  await expect(log()).toHaveText(/\|tab-a\.onHide\|tab-b\.onLoad \{\}\|tab-b\.onShow\|tab-b\.onReady$/);
  await app.getByRole('tab', { name: 'Tab A' }).click();
  await expect(log()).toHaveText(/\|tab-b\.onHide\|tab-a\.onShow$/);

  // hide/show: another app comes to the front, then this one again
  await host.runtime.service.handle('install', { source: join(repoRoot, 'examples', 'api-showcase') }).catch(() => undefined);
  const apps = (await host.runtime.service.handle('listApps', {})) as Array<{ appId: string }>;
  const other = apps.find((a) => a.appId !== APP_ID)!.appId;
  await shell.launch(other);
  await shell.switchTo(APP_ID);
  await expect(log()).toHaveText(/\|tab-a\.onHide\|App\.onHide\|App\.onShow\|tab-a\.onShow$/);
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
  // the app's view and the shell still answer: the back button draws, the catalog opens
  await expect(app.locator('.wx-navbar-back')).toBeVisible();
  await shell.showCatalog();
  await shell.showSettings();
  await expect(shell.page.getByTestId('settings')).toBeVisible();
});
