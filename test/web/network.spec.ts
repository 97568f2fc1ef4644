import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { repoRoot, sampleCopy } from './packages';

/**
 * wx.request and friends through the browser host in real Chromium: the page sends options over the
 * bridge, the host makes the request within the app's declared domains. The samples' merchant backends
 * run on loopback origins the host allowed for them.
 */

/** A real PNG (the app icon, 512 x 512, 71 KB): big enough for several progress events. */
const PNG = readFileSync(join(repoRoot, 'build', 'icon.png'));

test('the Tea Shop signs in against its merchant backend with wx.request, and the inspector shows each request', async ({ shell, page }) => {
  const shop = await shell.launch('shop');
  // the Tea Shop is a WeChat-format app: its logic Worker's wx.request goes out through the view's bridge
  await expect(shop.locator('#signin-status')).toHaveText(/^Signed in as/, { timeout: 30_000 });
  await expect(shop.locator('[id^="product-"]')).not.toHaveCount(0);
  await expect(shop.locator('#shop-error')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('shop-signed-in.png') });

  await shell.showInspector();
  const rows = page.locator('[data-testid="call-row"][data-api="request"][data-outcome="ok"]');
  // GET /products, then POST /login
  await expect(rows).toHaveCount(2);
  // each row names method, URL, status and bytes
  await expect(rows.getByTestId('call-network').filter({ hasText: /^POST http:\/\/127\.0\.0\.1:\d+\/login → 200 · \d+ B$/ })).toHaveCount(1);
  await expect(rows.getByTestId('call-network').filter({ hasText: /^GET http:\/\/127\.0\.0\.1:\d+\/products → 200 · [\d.]+ (B|KB)$/ })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('inspector-requests.png') });
});

test('a request to a domain the app did not declare is refused with the exact errMsg, and never leaves the host', async ({ shell }) => {
  await shell.launch('shop');
  const frame = await shell.appFrame('shop');
  const refused = await frame.evaluate(
    () =>
      new Promise((resolve) => {
        const wx = (window as unknown as { wx: Wx }).wx;
        wx.request({ url: 'https://undeclared.example.com/api', success: resolve, fail: resolve });
      }),
  );
  expect(refused).toEqual({ errMsg: 'request:fail url not in domain list', errno: 600002 });
  // the shop declared http://127.0.0.1 for its own backend only: another loopback port is refused too
  const otherPort = await frame.evaluate(
    () =>
      new Promise((resolve) => {
        const wx = (window as unknown as { wx: Wx }).wx;
        wx.request({ url: 'http://127.0.0.1:9/secret', success: resolve, fail: resolve });
      }),
  );
  expect(otherPort).toEqual({ errMsg: 'request:fail url not in domain list', errno: 600002 });
});

test('downloadFile gives a temp file the page shows in <img>, and uploadFile sends it on, with progress', async ({ shell, host, page }) => {
  let received = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/logo.png') return void res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(PNG.length) }).end(PNG);
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      received = Buffer.concat(parts).toString('latin1');
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`got ${parts.reduce((n, p) => n + p.length, 0)} bytes`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const folder = await sampleCopy('api-showcase', { appId: 'net-files', name: 'Net Files', domains: { downloadFile: ['http://127.0.0.1'], uploadFile: ['http://127.0.0.1'] } });
    await host.runtime.service.handle('install', { source: folder });
    host.runtime.network.loopback.setDeveloperOrigins('net-files', [origin]);
    await page.reload();
    await shell.launch('net-files');
    const frame = await shell.appFrame('net-files');
    const outcome = await frame.evaluate(async (base) => {
      const wx = (window as unknown as { wx: Wx }).wx;
      const progress: number[] = [];
      const download = await new Promise<{ tempFilePath: string; statusCode: number }>((resolve, reject) => {
        const task = wx.downloadFile({ url: `${base}/logo.png`, success: resolve, fail: reject });
        task.onProgressUpdate((p: { progress: number }) => progress.push(p.progress));
      });
      const img = document.createElement('img');
      img.dataset.testid = 'downloaded';
      img.width = 64;
      img.height = 64;
      img.src = download.tempFilePath;
      document.body.prepend(img);
      await img.decode();
      const upload = await new Promise<{ data: string; statusCode: number }>((resolve, reject) => {
        wx.uploadFile({ url: `${base}/upload`, filePath: download.tempFilePath, name: 'logo', formData: { note: 'hi' }, success: resolve, fail: reject });
      });
      return { path: download.tempFilePath, width: img.naturalWidth, progress: progress.at(-1), upload };
    }, origin);
    expect(outcome.path).toMatch(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/);
    expect(outcome.width).toBe(512);
    expect(outcome.progress).toBe(100);
    expect(outcome.upload).toMatchObject({ statusCode: 200, data: expect.stringMatching(/^got \d+ bytes$/) });
    expect(received).toContain('name="note"');
    expect(received).toContain('filename="tmp_');
    await expect(shell.app('net-files').getByTestId('downloaded')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('downloaded-image.png') });
    // another app's origin does not serve it
    const status = (app: string) =>
      new Promise<number>((resolve, reject) => {
        get({ host: '127.0.0.1', port: host.port, path: outcome.path, headers: { host: `${app}.localhost:${host.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
    expect(await status('net-files')).toBe(200);
    expect(await status('shop')).toBe(404);
  } finally {
    server.close();
  }
});

/** The page's wx, as far as these tests use it. */
interface Wx {
  request(options: Record<string, unknown>): unknown;
  downloadFile(options: Record<string, unknown>): { onProgressUpdate(listener: (p: { progress: number }) => void): void };
  uploadFile(options: Record<string, unknown>): unknown;
}
