import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame } from '@playwright/test';
import { expect, test, type TestHost } from './fixtures';
import { repoRoot, tempDir } from './packages';
import { installFixture, visiblePage } from './wechat-fixture-install';
import { CHROMIUM_ARGS } from './playwright.config';

/**
 * WeChat's initial rendering cache (test/fixtures/wechat/rendering-cache): pages/menu/menu.json asks for
 * "initialRenderingCache": "static" and app.js's onLaunch blocks the logic layer for ~2 s, so on a second
 * launch the recorded page must be on screen while the logic layer is still busy: its `data` (not onLoad's
 * setData), its navigation bar, inert; then the real page replaces it and works.
 */

test.describe.configure({ timeout: 240_000 });

// The browser host shows an app in a cross-site frame; Debian's Chromium phases out third-party cookies and so
// denies such a frame any storage (wechat-rendering-cache-blocked.spec.ts: then there is simply no cache).
// Google Chrome as shipped, and Electron's top-level app views, give the frame (partitioned) storage: so here.
test.use({ launchOptions: { executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-features=TrackingProtection3pcd'] } });

const APP_ID = 'wxrendercache001';
const MENU_KEY = '__wxInitialRenderingCache:page:pages/menu/menu';
const PLAIN_KEY = '__wxInitialRenderingCache:page:pages/plain/plain';
const CACHED = '[data-wx-rendering-cache]';

async function closeAll(host: TestHost): Promise<void> {
  for (const view of (await host.runtime.service.handle('listRunning', {})) as Array<{ viewId: number }>) await host.runtime.service.handle('close', { viewId: view.viewId });
}

/** what the view shows from its cache right now, and whether the real first render has arrived */
function cachedPhase(frame: Frame) {
  return frame.evaluate((selector) => {
    const perf = (window as unknown as { __wxPerf?: { firstRender?: number; cachePaint?: number } }).__wxPerf;
    const cached = document.querySelector(selector);
    const title = document.querySelector('.wx-navbar-title')?.textContent ?? null;
    const tabBar = document.querySelector('.wx-tabbar');
    const tabs = tabBar instanceof HTMLElement && !tabBar.hidden ? [...tabBar.querySelectorAll('[role="tab"]')].map((t) => `${t.textContent}${t.getAttribute('aria-selected') === 'true' ? '*' : ''}`) : [];
    return {
      cachedText: cached?.textContent ?? null,
      inert: cached instanceof HTMLElement && cached.inert,
      title,
      tabs,
      tabBarInert: tabBar instanceof HTMLElement && tabBar.inert,
      firstRender: perf?.firstRender ?? null,
      cachePaint: perf?.cachePaint ?? null,
    };
  }, CACHED);
}

function storedPage(frame: Frame, key: string) {
  return frame.evaluate((k) => localStorage.getItem(k), key);
}

test('the second launch shows the page data from the cache at once, inert, until the real page replaces it', async ({ shell, host }) => {
  await installFixture(host, APP_ID, 'rendering-cache');

  // first launch: nothing recorded yet, so nothing is shown before the real page
  let app = await shell.launch(APP_ID);
  let frame = await shell.appFrame(APP_ID);
  await expect(visiblePage(app).locator('#greeting')).toHaveText('from setData', { timeout: 30_000 });
  expect((await cachedPhase(frame)).cachePaint).toBeNull();
  await expect(app.locator(CACHED)).toHaveCount(0);
  // recorded once the view is idle: the page's data, not onLoad's setData
  await expect.poll(() => storedPage(frame, MENU_KEY), { timeout: 10_000 }).toContain('Loading menu');
  expect(await storedPage(frame, MENU_KEY)).not.toContain('from setData');
  // a page without the option is never recorded
  await visiblePage(app).locator('#open-plain').click();
  await expect(visiblePage(app).locator('#plain')).toBeVisible();
  await shell.page.waitForTimeout(2500);
  expect(await storedPage(frame, PLAIN_KEY)).toBeNull();
  await closeAll(host);

  // second launch: the recorded page while onLaunch still blocks the logic layer
  app = await shell.launch(APP_ID);
  frame = await shell.appFrame(APP_ID);
  await expect.poll(async () => (await cachedPhase(frame)).cachedText, { timeout: 10_000, intervals: [10] }).toContain('Loading menu');
  const during = await cachedPhase(frame);
  expect(during.firstRender).toBeNull();
  expect(during.inert).toBe(true);
  expect(during.cachedText).not.toContain('from setData');
  // the navigation bar and the tab bar from the recording (the tab bar inert, like the page)
  expect(during.title).toBe('Menu');
  expect(during.tabs).toEqual(['Menu*', 'Orders']);
  expect(during.tabBarInert).toBe(true);

  await shell.page.screenshot({ path: test.info().outputPath('rendering-cache-cached.png') });

  // a click on the cached button does nothing, now or later; the keyboard cannot focus into it
  const box = (await app.locator(`${CACHED} #order`).boundingBox({ timeout: 500 }))!;
  await shell.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const ordersTab = (await app.getByRole('tab', { name: 'Orders' }).boundingBox({ timeout: 500 }))!;
  await shell.page.mouse.click(ordersTab.x + ordersTab.width / 2, ordersTab.y + ordersTab.height / 2);
  await shell.page.keyboard.press('Tab');
  const focusInCache = await frame.evaluate((selector) => !!document.activeElement?.closest(selector), CACHED);
  expect(focusInCache).toBe(false);
  // still the cached phase when it was clicked (the logic layer blocks ~2 s)
  expect((await cachedPhase(frame)).firstRender).toBeNull();

  // the real page replaces the recording
  await expect(visiblePage(app).locator('#greeting')).toHaveText('from setData', { timeout: 30_000 });
  await expect(app.locator(CACHED)).toHaveCount(0);
  await expect(app.locator('.wx-page-frame')).toHaveCount(1);
  await expect(visiblePage(app).locator('#taps')).toHaveText('taps: 0');
  const stamps = await cachedPhase(frame);
  expect(stamps.cachePaint).not.toBeNull();
  // the tab tapped during the cached phase was not switched to later; the bar works now
  expect(stamps.tabs).toEqual(['Menu*', 'Orders']);
  expect(stamps.tabBarInert).toBe(false);
  await shell.page.screenshot({ path: test.info().outputPath('rendering-cache-live.png') });
  await visiblePage(app).locator('#order').click();
  await expect(visiblePage(app).locator('#taps')).toHaveText('taps: 1');
  await app.getByRole('tab', { name: 'Orders' }).click();
  await expect(visiblePage(app).locator('#orders')).toHaveText('No orders yet');
});

test('a changed package never shows the page recorded from the previous build', async ({ shell, host }) => {
  const project = join(await tempDir('wx-rendering-cache'), 'rendering-cache');
  await cp(join(repoRoot, 'test', 'fixtures', 'wechat', 'rendering-cache'), project, { recursive: true });
  await host.runtime.service.handle('install', { source: project });

  // build 1: recorded on the first launch, shown on the second
  await shell.launch(APP_ID);
  let frame = await shell.appFrame(APP_ID);
  await expect.poll(() => storedPage(frame, MENU_KEY), { timeout: 30_000 }).toContain('Loading menu');
  await closeAll(host);
  await shell.launch(APP_ID);
  frame = await shell.appFrame(APP_ID);
  await expect.poll(async () => (await cachedPhase(frame)).cachedText, { timeout: 10_000, intervals: [10] }).toContain('Loading menu');
  await closeAll(host);

  // build 2: a different WXML, reinstalled; its first launch shows no cache, and records the new page
  const wxml = join(project, 'pages', 'menu', 'menu.wxml');
  await writeFile(wxml, (await readFile(wxml, 'utf8')).replace('<text id="hint"', '<text id="edition">Edition 2</text>\n  <text id="hint"'));
  await host.runtime.service.handle('install', { source: project });
  const app = await shell.launch(APP_ID);
  frame = await shell.appFrame(APP_ID);
  await expect(visiblePage(app).locator('#edition')).toHaveText('Edition 2', { timeout: 30_000 });
  expect((await cachedPhase(frame)).cachePaint).toBeNull();
  await expect.poll(() => storedPage(frame, MENU_KEY), { timeout: 10_000 }).toContain('Edition 2');
});
