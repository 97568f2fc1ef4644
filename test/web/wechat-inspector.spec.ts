import type { FrameLocator } from '@playwright/test';
import { expect, test, type ShellPage } from './fixtures';
import { installFixture, visiblePage } from './wechat-fixture-install';

/**
 * The inspector as a WeChat-format mini program's developer uses it (issues 7 and 8): exceptions and
 * rejections of page code with the package's file:line:col, the page stack after each navigation, setData
 * traffic, and the app-level events onPageNotFound and onUnhandledRejection. The fixture app is
 * test/fixtures/wechat/rt-inspect; after each failure the app must go on working.
 */
const APP_ID = 'wxrtinspect001';

// every test launches the app (a Worker parsing glass-easel and the bundle): generous on a loaded machine
test.describe.configure({ timeout: 240_000 });

test.beforeEach(async ({ host }) => {
  await installFixture(host, APP_ID, 'rt-inspect');
  await host.runtime.service.handle('clearDevtools', {});
});

async function launch(shell: ShellPage): Promise<FrameLocator> {
  const app = await shell.launch(APP_ID);
  await expect(visiblePage(app).locator('#title')).toHaveText('Inspector test', { timeout: 30_000 });
  return app;
}

async function openSection(shell: ShellPage, section: 'calls' | 'errors' | 'pages' | 'setdata'): Promise<void> {
  await shell.showInspector();
  await shell.page.getByTestId(`inspector-tab-${section}`).click();
  await expect(shell.page.getByTestId(`inspector-tab-${section}`)).toHaveAttribute('aria-selected', 'true');
}

/** the app keeps running: a setData from a tap still reaches the page */
async function stillRuns(shell: ShellPage): Promise<void> {
  const app = await shell.switchTo(APP_ID);
  const before = Number(((await visiblePage(app).locator('#count').textContent()) ?? '').replace(/\D/g, ''));
  await visiblePage(app).locator('#bump').click();
  await expect(visiblePage(app).locator('#count')).toHaveText(`count ${before + 1}`);
}

test('a tap that throws shows in Errors with the package file:line:col and a stack in the package files', async ({ shell }) => {
  const app = await launch(shell);
  await visiblePage(app).locator('#throw').click();
  await expect(visiblePage(app).locator('#log')).toContainText('App.onError tap failed on purpose');

  await openSection(shell, 'errors');
  const row = shell.page.locator('[data-testid="dev-error-row"][data-kind="exception"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('dev-error-message')).toHaveText('Error: tap failed on purpose');
  await expect(row.getByTestId('dev-error-where')).toHaveText('at pages/home/home.js:8:11');
  await expect(shell.page.getByTestId('inspector-tab-errors')).toContainText('1');
  await row.focus();
  await shell.page.keyboard.press('Enter');
  const stack = shell.page.getByTestId('dev-error-stack');
  await expect(stack).toContainText('Error: tap failed on purpose');
  await expect(stack).toContainText('(pages/home/home.js:8:11)');
  await expect(stack).not.toContainText('__wx/app/logic.js');
  await stillRuns(shell);
});

test('an unhandled rejection reaches App.onUnhandledRejection and wx.onUnhandledRejection with {reason, promise}, and shows in Errors', async ({ shell }) => {
  const app = await launch(shell);
  await visiblePage(app).locator('#reject').click();
  const log = visiblePage(app).locator('#log');
  await expect(log).toContainText('App.onUnhandledRejection rejected on purpose|wx.onUnhandledRejection rejected on purpose promise=true');
  // a rejection is not a script error: onError is not called for it
  await expect(log).not.toContainText('App.onError');

  await openSection(shell, 'errors');
  const row = shell.page.locator('[data-testid="dev-error-row"][data-kind="rejection"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('dev-error-message')).toHaveText('Error: rejected on purpose');
  await expect(row.getByTestId('dev-error-where')).toHaveText('at pages/home/home.js:11:20');
  await stillRuns(shell);
});

test('the page stack updates after navigateTo and navigateBack', async ({ shell }) => {
  const app = await launch(shell);
  await openSection(shell, 'pages');
  const stack = shell.page.locator(`[data-testid="page-stack"][data-app-id="${APP_ID}"]`);
  await expect(stack.getByTestId('page-stack-entry')).toHaveText(['pages/home/homecurrent']);

  await shell.switchTo(APP_ID);
  await visiblePage(app).locator('#to-detail').click();
  await expect(visiblePage(app).locator('#detail-title')).toHaveText('Detail 7');
  await openSection(shell, 'pages');
  // top first
  await expect(stack.getByTestId('page-stack-entry')).toHaveText(['pages/detail/detail?id=7&from=homecurrent', 'pages/home/homebottom']);

  await shell.switchTo(APP_ID);
  await visiblePage(app).locator('#back').click();
  await expect(visiblePage(app).locator('#title')).toBeVisible();
  await openSection(shell, 'pages');
  await expect(stack.getByTestId('page-stack-entry')).toHaveText(['pages/home/homecurrent']);
  await stillRuns(shell);
});

test('setData rows show the page or component, the keys, the size in bytes and the time to the view', async ({ shell }) => {
  const app = await launch(shell);
  await visiblePage(app).locator('#bump').click();
  await expect(visiblePage(app).locator('#count')).toHaveText('count 1');
  await visiblePage(app).locator('#counter-inc').click();
  await expect(visiblePage(app).locator('#counter-inc')).toHaveText('counter 1');

  await openSection(shell, 'setdata');
  const pageRow = shell.page.locator('[data-testid="setdata-row"][data-target="pages/home/home"]').filter({ has: shell.page.getByTestId('setdata-keys').getByText('count, items[1]', { exact: true }) });
  await expect(pageRow).toHaveCount(1);
  await expect(pageRow).toHaveAttribute('data-target-kind', 'page');
  // {"count":1,"items[1]":"bumped"} is 31 bytes of JSON
  await expect(pageRow.getByTestId('setdata-bytes')).toHaveText('31 B');
  await expect(pageRow.getByTestId('setdata-ms')).toHaveText(/^(<1 ms|\d+ ms|\d+\.\d\d s)$/);
  const componentRow = shell.page.locator('[data-testid="setdata-row"][data-target="components/counter/counter"]');
  await expect(componentRow).toHaveCount(1);
  await expect(componentRow).toHaveAttribute('data-target-kind', 'component');
  await expect(componentRow.getByTestId('setdata-keys')).toHaveText('n');
  await expect(componentRow.getByTestId('setdata-bytes')).toHaveText('7 B');
  await componentRow.click();
  await expect(shell.page.getByTestId('setdata-preview')).toHaveText('{"n":1}');

  // the target filter narrows the rows
  await shell.page.getByTestId('setdata-filter-target').fill('counter');
  await expect(shell.page.getByTestId('setdata-row')).toHaveCount(1);
  await stillRuns(shell);
});

test('a launch on a missing page calls onPageNotFound with {path, query, isEntryPage} and its redirect opens', async ({ shell, host }) => {
  await host.runtime.service.handle('launch', { appId: APP_ID, path: 'pages/gone/gone?a=1' });
  await expect(shell.tab(APP_ID)).toHaveAttribute('aria-selected', 'true');
  const app = shell.app(APP_ID);
  await expect(visiblePage(app).locator('#fallback-title')).toHaveText('Fallback from pages/gone/gone', { timeout: 30_000 });
  await expect(visiblePage(app).locator('#notfound')).toHaveText('{"path":"pages/gone/gone","query":{"a":"1"},"isEntryPage":true}');
  await expect(visiblePage(app).locator('#log')).toHaveText(
    'App.onLaunch pages/gone/gone|App.onPageNotFound {"path":"pages/gone/gone","query":{"a":"1"},"isEntryPage":true}|wx.onPageNotFound {"path":"pages/gone/gone","query":{"a":"1"},"isEntryPage":true}',
  );

  await openSection(shell, 'pages');
  await expect(shell.page.locator(`[data-testid="page-stack"][data-app-id="${APP_ID}"]`).getByTestId('page-stack-entry')).toHaveText(['pages/fallback/fallback?from=pages/gone/gonecurrent']);
});

test('the inspector sections are a keyboard tab strip with visible focus', async ({ shell }) => {
  await shell.showInspector();
  const calls = shell.page.getByTestId('inspector-tab-calls');
  await calls.focus();
  await shell.page.keyboard.press('ArrowRight');
  const errors = shell.page.getByTestId('inspector-tab-errors');
  await expect(errors).toBeFocused();
  await expect(errors).toHaveAttribute('aria-selected', 'true');
  await expect(shell.page.getByTestId('errors-panel')).toBeVisible();
  await expect(shell.page.locator('#inspector-panel-calls')).toBeHidden();
  // a focus ring, drawn by :focus-visible
  expect(await errors.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
  await shell.page.keyboard.press('End');
  await expect(shell.page.getByTestId('inspector-tab-setdata')).toBeFocused();
  await shell.page.keyboard.press('Home');
  await expect(calls).toHaveAttribute('aria-selected', 'true');
});
