import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CallRecord } from '../../core/contracts/shell-api';
import { expect, runShowcase, test } from './fixtures';

/** The developer inspector: live call records and mock rules, through the shell UI. */
const APP = 'api-showcase';

test('each call shows up with its outcome, newest first, and expands to its full JSON', async ({ shell, page }) => {
  await shell.showInspector();
  await page.getByTestId('calls-clear').click();
  await expect(page.getByTestId('call-row')).toHaveCount(0);

  const app = await shell.launch(APP);
  await expect(await runShowcase(app, 'login')).toHaveText('login:ok');
  await expect(await runShowcase(app, 'getStorage', 'promise', { key: 'missing-key' })).toHaveText('getStorage:fail data not found');

  await shell.showInspector();
  const rows = page.getByTestId('call-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-api', 'getStorage');
  await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'fail');
  await expect(rows.nth(0)).toHaveAttribute('data-app-id', APP);
  await expect(rows.nth(0)).toHaveAttribute('data-mocked', 'false');
  await expect(rows.nth(1)).toHaveAttribute('data-api', 'login');
  await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'ok');

  await rows.nth(0).click();
  const detail = page.getByTestId('call-detail');
  await expect(detail).toContainText('missing-key');
  await expect(detail).toContainText('getStorage:fail data not found');

  await page.getByTestId('filter-api').fill('login');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-api', 'login');
  await page.getByTestId('filter-api').fill('');
  await page.getByTestId('filter-outcome').selectOption('fail');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-api', 'getStorage');
});

test('a "fail" mock changes what the app receives and the row is marked mocked', async ({ shell, page }) => {
  await shell.showInspector();
  const form = page.getByTestId('mock-form');
  await form.locator('select[name="appId"]').selectOption(APP);
  await form.locator('input[name="api"]').fill('getSystemInfo');
  await form.locator('select[name="type"]').selectOption('fail');
  await form.locator('input[name="errMsg"]').fill('getSystemInfo:fail mocked outage');
  await page.getByTestId('mock-add').click();
  const rule = page.locator('[data-testid="mock-row"][data-api="getSystemInfo"]');
  await expect(rule).toHaveCount(1);

  let app = await shell.launch(APP);
  await expect(await runShowcase(app, 'getSystemInfo')).toHaveText('getSystemInfo:fail mocked outage');

  await shell.showInspector();
  const row = page.locator('[data-testid="call-row"][data-api="getSystemInfo"]').first();
  await expect(row).toHaveAttribute('data-mocked', 'true');
  await expect(row).toHaveAttribute('data-outcome', 'fail');

  await rule.getByTestId('mock-remove').click();
  await expect(rule).toHaveCount(0);
  app = await shell.switchTo(APP);
  await expect(await runShowcase(app, 'getSystemInfo')).toHaveText('getSystemInfo:ok');
});

test('a "succeed" mock for one custom API name answers with the mocked result', async ({ shell, page }) => {
  await shell.showInspector();
  const form = page.getByTestId('mock-form');
  await form.locator('select[name="appId"]').selectOption('custom-api');
  await form.locator('input[name="api"]').fill('invokeNativePlugin');
  await form.locator('input[name="apiName"]').fill('echo');
  await form.locator('select[name="type"]').selectOption('succeed');
  await form.locator('textarea[name="result"]').fill('{"mocked": "yes"}');
  await page.getByTestId('mock-add').click();
  await expect(page.locator('[data-testid="mock-row"][data-api="invokeNativePlugin"]')).toHaveCount(1);

  const app = await shell.launch('custom-api');
  await app.getByTestId('call-echo').click();
  await expect(app.getByTestId('echo-errmsg')).toHaveText('invokeNativePlugin:ok');
  expect(JSON.parse((await app.getByTestId('echo-call').textContent()) ?? '{}')).toEqual({ mocked: 'yes' });
  // other custom API names are not affected by the rule
  await app.getByTestId('call-systemInfo').click();
  await expect(app.getByTestId('systemInfo-result')).toContainText('"platform"');

  await shell.showInspector();
  await expect(page.locator('[data-testid="call-row"][data-api="invokeNativePlugin"]').nth(1)).toHaveAttribute('data-mocked', 'true');
  await expect(page.locator('[data-testid="call-row"][data-api="invokeNativePlugin"]').nth(0)).toHaveAttribute('data-mocked', 'false');
});

test('a bad mock rule is refused with a clear error', async ({ shell, page }) => {
  await shell.showInspector();
  const form = page.getByTestId('mock-form');
  await form.locator('select[name="appId"]').selectOption(APP);
  await form.locator('input[name="api"]').fill('getSetting');
  await form.locator('select[name="type"]').selectOption('succeed');
  await form.locator('textarea[name="result"]').fill('{not json');
  await page.getByTestId('mock-add').click();
  await expect(page.getByTestId('mock-error')).toBeVisible();
  await expect(page.getByTestId('mock-error')).toContainText(/JSON/i);
  await expect(page.getByTestId('mock-row')).toHaveCount(0);
});

test('Export JSON downloads calls.json: the calls just made, each a valid CallRecord', async ({ shell, page }) => {
  await shell.showInspector();
  await page.getByTestId('calls-clear').click();
  await expect(page.getByTestId('call-row')).toHaveCount(0);

  const app = await shell.launch(APP);
  await expect(await runShowcase(app, 'login')).toHaveText('login:ok');
  await expect(await runShowcase(app, 'getStorage', 'promise', { key: 'export-missing' })).toHaveText('getStorage:fail data not found');
  await runShowcase(app, 'getPhoneNumber');
  await shell.sheet('phoneNumber').getByTestId('sheet-cancel').click();
  await expect(app.getByTestId('errmsg-getPhoneNumber')).toHaveText('getPhoneNumber:fail user deny');

  await shell.showInspector();
  await expect(page.getByTestId('call-row')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calls-export').click()]);
  expect(download.suggestedFilename()).toBe('calls.json');
  const path = await download.path();
  const records = z.array(CallRecord).parse(JSON.parse(await readFile(path, 'utf8')));

  // newest first, as the list shows them; a failed call carries its errMsg, a successful one the result the app got
  expect(records.map((r) => ({ api: r.api, appId: r.appId, outcome: r.outcome, errMsg: r.errMsg }))).toEqual([
    { api: 'getPhoneNumber', appId: APP, outcome: 'fail', errMsg: 'getPhoneNumber:fail user deny' },
    { api: 'getStorage', appId: APP, outcome: 'fail', errMsg: 'getStorage:fail data not found' },
    { api: 'login', appId: APP, outcome: 'ok', errMsg: undefined },
  ]);
  expect(records[2]!.result).toMatchObject({ errMsg: 'login:ok', code: expect.any(String) });
  expect(records[1]!.params).toEqual({ key: 'export-missing' });
  expect(records.every((r) => r.mocked === false && r.webViewId === records[0]!.webViewId)).toBe(true);

  // The export is what the filters show.
  await page.getByTestId('filter-outcome').selectOption('ok');
  await expect(page.getByTestId('call-row')).toHaveCount(1);
  const [filtered] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calls-export').click()]);
  const okOnly = z.array(CallRecord).parse(JSON.parse(await readFile(await filtered.path(), 'utf8')));
  expect(okOnly.map((r) => r.api)).toEqual(['login']);
});
