import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * <navigation-bar> inside <page-meta> in real Chromium (test/fixtures/wechat/navbar-meta): the page's navigation bar
 * follows the node's bound attributes (title, loading, front-color, background-color with its colour animation),
 * a wx.setNavigationBarTitle call after an attribute change shows until the attribute changes again, and a page
 * without the node (or with one outside page-meta) keeps its json title.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxnavbarmeta0001';

test.beforeEach(async ({ host }) => installFixture(host, APP_ID, 'navbar-meta'));

test('the navigation bar shows what <navigation-bar> says, and the later of it and the API wins', async ({ shell }) => {
  const warnings: string[] = [];
  shell.page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().includes('<navigation-bar>')) warnings.push(message.text());
  });
  const app = await shell.launch(APP_ID);
  const page = visiblePage(app);
  const bar = app.locator('.wx-navbar');
  const title = app.locator('.wx-navbar-title');
  const spinner = app.locator('.wx-navbar-loading');

  // at launch: the bound title and colours, not the page json's title
  await expect(title).toHaveText('Bound title', { timeout: 30_000 });
  await expect(bar).toHaveCSS('background-color', 'rgb(253, 230, 138)');
  await expect(bar).toHaveAttribute('data-text', 'black');
  await expect(spinner).toBeHidden();

  // setData on the bound title
  await page.locator('#rename').click();
  await expect(title).toHaveText('Renamed 1');

  // loading="{{busy}}" shows and hides the bar's spinner
  await page.locator('#busy').click();
  await expect(spinner).toBeVisible();
  await shell.page.screenshot({ path: test.info().outputPath('navigation-bar-loading.png') });
  await page.locator('#busy').click();
  await expect(spinner).toBeHidden();

  // front-color #ffffff on background-color #dc2626, animated over color-animation-duration with easeIn
  await page.locator('#paint').click();
  await expect(bar).toHaveCSS('transition-duration', '0.4s, 0.4s');
  await expect(bar).toHaveCSS('transition-timing-function', 'ease-in, ease-in');
  await expect(bar).toHaveCSS('background-color', 'rgb(220, 38, 38)');
  await expect(bar).toHaveCSS('color', 'rgb(255, 255, 255)');
  await shell.page.screenshot({ path: test.info().outputPath('navigation-bar-red.png') });

  // wx.setNavigationBarTitle after the attribute: the API's title shows, and a setData that leaves the title alone keeps it
  await page.locator('#api-title').click();
  await expect(page.locator('#log')).toHaveText('setNavigationBarTitle:ok;');
  await expect(title).toHaveText('Title from the API');
  await page.locator('#unrelated').click();
  await expect(page.locator('#log')).toHaveText('setNavigationBarTitle:ok;unrelated;');
  await expect(title).toHaveText('Title from the API');
  // the bound title changes again: now it is the later change
  await page.locator('#rename').click();
  await expect(title).toHaveText('Renamed 2');

  // a page without page-meta: its json title and the app's colours; its misplaced <navigation-bar> is ignored
  await page.locator('#open-plain').click();
  await expect(visiblePage(app).locator('#plain-text')).toBeVisible();
  await expect(title).toHaveText('Plain json title');
  await expect(bar).toHaveCSS('background-color', 'rgb(30, 41, 59)');
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain('only works as the first node of <page-meta>');

  // back: the first page's bar is as its node left it
  await app.locator('.wx-navbar-back').click();
  await expect(title).toHaveText('Renamed 2');
  await expect(bar).toHaveCSS('background-color', 'rgb(220, 38, 38)');

  // wx.setNavigationBarColor's animation: its colour change eases out over 600 ms; without one it is at once
  await page.locator('#api-color').click();
  await expect(page.locator('#log')).toHaveText('setNavigationBarTitle:ok;unrelated;setNavigationBarColor:ok;');
  await expect(bar).toHaveCSS('transition-duration', '0.6s, 0.6s');
  await expect(bar).toHaveCSS('transition-timing-function', 'ease-out, ease-out');
  await expect(bar).toHaveCSS('background-color', 'rgb(37, 99, 235)');
  await expect(bar).toHaveAttribute('data-text', 'black');
  await page.locator('#api-color-now').click();
  await expect(bar).toHaveCSS('background-color', 'rgb(22, 163, 74)');
  await expect(bar).toHaveCSS('transition-duration', '0s');
});
