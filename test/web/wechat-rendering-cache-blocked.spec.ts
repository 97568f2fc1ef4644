import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * WeChat's initial rendering cache where the view has no storage: this suite's Chromium denies the app's
 * cross-site frame any storage (third-party cookie phase-out), so a page asking for the cache simply
 * launches as without one, every time, and nothing fails or complains.
 */

test.describe.configure({ timeout: 240_000 });

const APP_ID = 'wxrendercache001';

test('without storage, a page asking for the rendering cache launches normally and shows no cache', async ({ shell, host }) => {
  await installFixture(host, APP_ID, 'rendering-cache');
  const problems: string[] = [];
  shell.page.on('console', (message) => {
    if (message.type() === 'error' || /localStorage|SecurityError|rendering cache/i.test(message.text())) problems.push(message.text());
  });
  shell.page.on('pageerror', (error) => problems.push(error.message));

  for (let launch = 0; launch < 2; launch++) {
    const app = await shell.launch(APP_ID);
    const frame = await shell.appFrame(APP_ID);
    // the storage really is denied here (otherwise this test proves nothing)
    expect(await frame.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch {
        return 'denied';
      }
    })).toBe('denied');
    await expect(visiblePage(app).locator('#greeting')).toHaveText('from setData', { timeout: 30_000 });
    expect(await frame.evaluate(() => (window as unknown as { __wxPerf: { cachePaint?: number } }).__wxPerf.cachePaint ?? null)).toBeNull();
    await expect(app.locator('[data-wx-rendering-cache]')).toHaveCount(0);
    await visiblePage(app).locator('#order').click();
    await expect(visiblePage(app).locator('#taps')).toHaveText('taps: 1');
    // give the idle-time recording its chance to run (and fail quietly)
    await shell.page.waitForTimeout(2500);
    for (const view of (await host.runtime.service.handle('listRunning', {})) as Array<{ viewId: number }>) await host.runtime.service.handle('close', { viewId: view.viewId });
  }
  expect(problems).toEqual([]);
});
