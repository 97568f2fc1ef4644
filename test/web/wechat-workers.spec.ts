import { expect, test } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * app.json "workers" and wx.createWorker end to end in the browser host: the fixture (test/fixtures/wechat/workers)
 * computes in a worker thread nested in the logic layer's Worker, and the page answers taps while that thread is
 * busy. The worker cannot reach the network, only one runs at a time, and its exceptions reach the inspector
 * with the package's file:line:col.
 */
const APP_ID = 'wxworkerfib00001';

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ host }) => {
  await installFixture(host, APP_ID, 'workers');
  await host.runtime.service.handle('clearDevtools', {});
});

test('a tap posts { n: 30 } to the worker, which answers with fib(30) computed by a module it requires', async ({ shell }) => {
  const page = visiblePage(await shell.launch(APP_ID));
  await expect(page.locator('#state')).toHaveText('running', { timeout: 30_000 });
  await expect(page.locator('#can-use')).toHaveText("wx.canIUse('createWorker'): true");
  await page.locator('#compute').click();
  await expect(page.locator('#result')).toHaveText('fib(30) = 832040');
  await shell.page.screenshot({ path: test.info().outputPath('workers-result.png') });
});

test('while the worker spins for 5 s, taps still reach the page and update it', async ({ shell }) => {
  const page = visiblePage(await shell.launch(APP_ID));
  await expect(page.locator('#state')).toHaveText('running', { timeout: 30_000 });
  await page.locator('#spin').click();
  await expect(page.locator('#spin-state')).toHaveText('worker busy');
  for (let i = 1; i <= 3; i++) {
    await page.locator('#tap').click();
    await expect(page.locator('#taps')).toHaveText(`Taps: ${i}`);
  }
  // the taps were answered while the worker was still busy
  await expect(page.locator('#spin-state')).toHaveText('worker busy');
  await page.locator('.spacer').scrollIntoViewIfNeeded();
  await expect(page.locator('.spacer')).toBeInViewport();
  await expect(page.locator('#spin-state')).toHaveText('worker finished', { timeout: 15_000 });
});

test('a second createWorker without terminate throws; terminate() then createWorker works again', async ({ shell }) => {
  const page = visiblePage(await shell.launch(APP_ID));
  await expect(page.locator('#state')).toHaveText('running', { timeout: 30_000 });
  await page.locator('#second').click();
  await expect(page.locator('#error')).toHaveText('wx.createWorker: only one Worker may run at a time; call terminate() on the current one before creating another');
  await page.locator('#restart').click();
  await expect(page.locator('#state')).toHaveText('running');
  await expect(page.locator('#error')).toHaveText('');
  await page.locator('#compute').click();
  await expect(page.locator('#result')).toHaveText('fib(30) = 832040');
});

test('the worker reaches no network, no wx and no DOM; it has worker.env.USER_DATA_PATH', async ({ shell }) => {
  const page = visiblePage(await shell.launch(APP_ID));
  await expect(page.locator('#state')).toHaveText('running', { timeout: 30_000 });
  await page.locator('#probe').click();
  await expect(page.locator('#probe-result')).not.toHaveText('');
  const seen = JSON.parse((await page.locator('#probe-result').textContent()) ?? '{}');
  expect(seen).toEqual({
    fetch: 'undefined',
    XMLHttpRequest: 'undefined',
    WebSocket: 'undefined',
    importScripts: 'undefined',
    globalFetch: 'undefined',
    wx: 'undefined',
    document: 'undefined',
    userDataPath: 'wxfile://usr',
  });
});

test("an exception in worker code shows in the inspector's Errors at the worker file's line and column", async ({ shell }) => {
  const page = visiblePage(await shell.launch(APP_ID));
  await expect(page.locator('#state')).toHaveText('running', { timeout: 30_000 });
  await page.locator('#fail').click();
  await shell.showInspector();
  await shell.page.getByTestId('inspector-tab-errors').click();
  const row = shell.page.locator('[data-testid="dev-error-row"][data-kind="exception"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('dev-error-message')).toHaveText('Error: the worker was asked to fail');
  await expect(row.getByTestId('dev-error-where')).toHaveText('at workers/fib/index.js:26:11');
  // the worker goes on answering
  const app = await shell.switchTo(APP_ID);
  await visiblePage(app).locator('#compute').click();
  await expect(visiblePage(app).locator('#result')).toHaveText('fib(30) = 832040');
});
