import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { installWithBackend } from './wechat-fixture-install';

/**
 * A DevTools project with `miniprogramRoot: "mp/"` (test/fixtures/wechat/rt-modules), run in real Chromium:
 * its absolute package paths load from the mini program root, its ES-module pages run, its code cannot reach
 * the Worker's own globals (only wx), and its subpackage's page module runs on first navigation, not before.
 */
const APP_ID = 'wxrtmodules001';
let server: Server;
let backend = '';

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(req.url === '/ping' ? 200 : 404, { 'Content-Type': 'text/plain' }).end(req.url === '/ping' ? 'pong' : 'no'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(({ host }) => installWithBackend(host, { appId: APP_ID, fixture: 'rt-modules', configFile: 'mp/config.js', origins: [backend] }, backend));

test('absolute package paths load from the mini program root: <image src>, WXSS url(), tabBar icons', async ({ shell, page }) => {
  const images = new Map<string, number>();
  const record = (response: Response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/images/')) images.set(url.pathname, response.status());
  };
  page.on('response', record);
  const app = await shell.launch(APP_ID);
  const view = app.locator('.wx-page-frame:not([hidden])');
  await expect(view.locator('#esm')).toHaveText('42 hello esm v3', { timeout: 30_000 });
  // the image's load event reports its natural size, so the file really arrived
  await expect(view.locator('#image')).toHaveText('load 20x20');
  await expect.poll(() => Object.fromEntries(images)).toEqual({ '/images/dot.svg': 200, '/images/bg.svg': 200, '/images/tab.svg': 200, '/images/tab-on.svg': 200 });
  // the project's own files beside the mini program root are not the package's
  const missing = await app.locator('body').evaluate(async () => (await fetch('/project.config.json')).status);
  expect(missing).toBe(404);
  await page.screenshot({ path: test.info().outputPath('wechat-package-paths.png') });
  page.off('response', record);
});

test("package code reaches neither the Worker's fetch, XMLHttpRequest, importScripts nor postMessage, by any route; wx.request works", async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = app.locator('.wx-page-frame:not([hidden])');
  await expect(view.locator('#esm')).toHaveText('42 hello esm v3', { timeout: 30_000 });
  await view.locator('#probe-btn').click();
  // the page policy (no 'unsafe-eval') stops Function and eval in the Worker; the rest finds nothing
  await expect(view.locator('#probe')).toHaveText('bare none; this none; Function blocked (EvalError); eval blocked (EvalError)');
  await view.locator('#ping').click();
  await expect(view.locator('#request')).toHaveText('ok 200 pong');
});

test("a subpackage's page module runs on first navigation into it, not at launch", async ({ shell }) => {
  const app = await shell.launch(APP_ID);
  const view = app.locator('.wx-page-frame:not([hidden])');
  await expect(view.locator('#ran')).toHaveText('index,second', { timeout: 30_000 });
  await view.locator('#open-shop').click();
  await expect(view.locator('#item')).toHaveText('item 7');
  await expect(view.locator('#item-ran')).toHaveText('index,second,shop item');
});
