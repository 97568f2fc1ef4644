import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The desktop superapp end to end: the real Electron app, the real samples, the shell UI's own test ids. */

type PageWx = Record<string, (...args: unknown[]) => Promise<Record<string, unknown>> | unknown>;

/** Runs a wx API from inside the mini program's own page, as its code would, and returns the settled result. */
function callWx(page: Page, api: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return page.evaluate(
    ([name, args]) => {
      const wx = (window as unknown as { wx: PageWx }).wx;
      return (wx[name]!(args) as Promise<Record<string, unknown>>).then(
        (ok) => ok,
        (fail: Record<string, unknown>) => fail,
      );
    },
    [api, params] as const,
  );
}

test('the catalog shows the bundled samples, each with its icon', async ({ desktop }) => {
  await desktop.showCatalog();
  for (const appId of ['api-showcase', 'custom-api', 'shop', 'game-shop']) await expect(desktop.card(appId)).toBeVisible();
  const icon = desktop.card('shop').locator('img').first();
  await expect(icon).toHaveAttribute('src', /^superapp:\/\/shell\.superapp\/app-icons\/shop\//);
  expect(await icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('a launched mini program runs in its own view with wx from the preload and nothing of Node', async ({ desktop }) => {
  const page = await desktop.launch('api-showcase');
  expect(page.url()).toMatch(/^superapp:\/\/api-showcase\//);
  const info = await callWx(page, 'getSystemInfo');
  expect(info).toMatchObject({ errMsg: 'getSystemInfo:ok', host: { env: 'electron', name: 'Superapp Shell' } });
  expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  // the page cannot replace wx for the rest of itself
  expect(await page.evaluate(() => Object.isFrozen((window as unknown as { wx: unknown }).wx))).toBe(true);
});

test('login, then getUserProfile through the trusted sheet drawn by the shell', async ({ desktop }) => {
  const page = await desktop.launch('api-showcase');
  const login = await callWx(page, 'login');
  expect(login.errMsg).toBe('login:ok');
  expect(login.code).toEqual(expect.any(String));

  const profile = callWx(page, 'getUserProfile', { desc: 'Show your name on this page' });
  const sheet = desktop.sheet('userProfile');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('sheet-desc')).toHaveText('Show your name on this page');
  await sheet.getByTestId('sheet-confirm').click();
  const answer = await profile;
  expect(answer.errMsg).toBe('getUserProfile:ok');
  expect(answer.signature).toMatch(/^[0-9a-f]{40}$/);
  await expect(sheet).toBeHidden();

  const refused = callWx(page, 'getUserProfile', { desc: 'Show your name on this page' });
  await desktop.sheet('userProfile').getByTestId('sheet-cancel').click();
  expect((await refused).errMsg).toBe('getUserProfile:fail auth deny');
});

test('requestPayment: the Tea Shop order is confirmed in the shell sheet and the wallet is debited once', async ({ desktop }) => {
  const before = await desktop.walletBalance();
  const page = await desktop.launch('shop');
  await expect(page.getByTestId('signin-status')).toHaveText(/^Signed in as/);
  await page.locator('[data-testid="buy"][data-product-id="oolong"]').click();

  const sheet = desktop.sheet('payment');
  await expect(sheet.getByTestId('sheet-amount')).toHaveText('¥12.34');
  await sheet.getByTestId('sheet-confirm').click();
  await expect(page.getByTestId('pay-result')).toHaveText('requestPayment:ok');
  await expect(page.getByTestId('order-status')).toHaveText('SUCCESS');
  expect(await desktop.walletBalance()).toBe(before - 1234);
});

test('a custom API registered by the host answers wx.invokeNativePlugin with the caller identity', async ({ desktop }) => {
  const page = await desktop.launch('custom-api');
  const answer = await callWx(page, 'invokeNativePlugin', { api_name: 'echo', data: { name: 'kka', age: 22 } });
  expect(answer).toMatchObject({
    errMsg: 'invokeNativePlugin:ok',
    appInfo: { appId: 'custom-api' },
    apiName: 'echo',
    params: { stateEvent: 'requestCustomApi', api_name: 'echo', data: { name: 'kka', age: 22 } },
  });
});

test('two apps open side by side keep their storage apart (wx storage and their own localStorage)', async ({ desktop }) => {
  const a = await desktop.launch('api-showcase');
  const b = await desktop.launch('custom-api');
  await a.evaluate(() => {
    const wx = (window as unknown as { wx: { setStorageSync(k: string, v: unknown): void } }).wx;
    wx.setStorageSync('owner', 'api-showcase');
    localStorage.setItem('owner', 'api-showcase');
  });
  expect(await b.evaluate(() => (window as unknown as { wx: { getStorageSync(k: string): unknown } }).wx.getStorageSync('owner'))).toBe('');
  expect(await b.evaluate(() => localStorage.getItem('owner'))).toBeNull();
  const fromB = await callWx(b, 'getStorage', { key: 'owner' });
  expect(String(fromB.errMsg)).toMatch(/^getStorage:fail/);
  expect(await callWx(a, 'getStorage', { key: 'owner' })).toMatchObject({ errMsg: 'getStorage:ok', data: 'api-showcase' });
});

test('closing a tab frees the mini program webContents', async ({ desktop }) => {
  await desktop.launch('game-shop');
  expect(await desktop.liveWebContents('game-shop')).toBe(1);
  await desktop.tab('game-shop').getByTestId('tab-close').click();
  await expect(desktop.tab('game-shop')).toHaveCount(0);
  await expect.poll(() => desktop.liveWebContents('game-shop')).toBe(0);
});

test("every sample's own script runs: its first line, `const wx = window.wx`, is no SyntaxError", async ({ desktop }) => {
  const errors: string[] = [];
  desktop.app.on('window', (page) => page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`)));
  const page = await desktop.launch('api-showcase');
  // the showcase's script builds its buttons; a call through one of them answers
  await page.getByTestId('promise-getSystemInfo').click();
  await expect(page.getByTestId('errmsg-getSystemInfo')).toHaveText('getSystemInfo:ok');
  const shop = await desktop.launch('shop');
  await expect(shop.getByTestId('signin-status')).toHaveText(/^Signed in as/);
  expect(errors.filter((e) => /already been declared/.test(e))).toEqual([]);
});

test('the Sync storage reaches a reloaded page before its scripts, and the data block is gone from its DOM', async ({ desktop }) => {
  const page = await desktop.launch('api-showcase');
  await page.evaluate(() => (window as unknown as { wx: { setStorageSync(k: string, v: unknown): void } }).wx.setStorageSync('visits', 3));
  // setStorageSync writes through asynchronously; the async read answers once the host has it
  expect(await callWx(page, 'getStorage', { key: 'visits' })).toMatchObject({ data: 3 });
  await page.reload();
  await page.waitForFunction(() => typeof (window as unknown as { wx?: unknown }).wx === 'object');
  expect(await page.evaluate(() => document.getElementById('superapp-storage-mirror'))).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { wx: { getStorageSync(k: string): unknown } }).wx.getStorageSync('visits'))).toBe(3);
});

test('Inspector "Export JSON" saves through a save dialog in main and says where', async ({ desktop }) => {
  const page = await desktop.launch('api-showcase');
  await callWx(page, 'login');
  const target = join(tmpdir(), `superapp-calls-${Date.now()}.json`);
  // the native dialog cannot be clicked by Playwright: main's dialog answers with the target instead
  await desktop.app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, target);
  await desktop.shell.getByTestId('nav-inspector').click();
  await desktop.shell.getByTestId('calls-export').click();
  await expect(desktop.shell.getByTestId('toast')).toContainText(`to ${target}`);
  const saved = JSON.parse(await readFile(target, 'utf8')) as Array<{ api: string }>;
  expect(saved.map((c) => c.api)).toContain('login');
  await rm(target, { force: true });
});
