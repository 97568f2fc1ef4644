import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { expect, test } from './fixtures';
import { installWithBackend } from './wechat-fixture-install';

/**
 * wx.request from a WeChat-format app: the call starts in the logic Worker, crosses to the view, and the host
 * makes it within the project's declared domains (its manifest.json). The app's backend is a loopback server
 * this test starts and allows for the app, as a developer would for a local server.
 */
const APP_ID = 'wxrtnetwork001';
let server: Server;
let backend = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as { code?: string };
      const ok = req.method === 'POST' && req.url === '/login' && typeof body.code === 'string' && body.code.length > 0;
      res.writeHead(ok ? 200 : 400, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? { user: 'ada', referer: req.headers.referer } : { error: 'bad login' }));
    });
  });
  const chat = new WebSocketServer({ server, path: '/chat' });
  chat.on('connection', (socket) => socket.on('message', (data) => socket.send(`pong to ${data.toString()}`)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backend = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(({ host }) =>
  installWithBackend(host, { appId: APP_ID, fixture: 'rt-network', configFile: 'config.js', origins: [backend, backend.replace('http:', 'ws:')] }, backend),
);

test('a WeChat-format app logs in against its backend with wx.request, and an undeclared domain is refused', async ({ shell, page }) => {
  const app = await shell.launch(APP_ID);
  const view = app.locator('.wx-page-frame:not([hidden])');
  // the Worker parses glass-easel and the app's bundle first: allow for a slow, shared machine (as wechat-runtime.spec.ts)
  await expect(view.locator('#status')).toHaveText('signed out', { timeout: 30_000 });
  await view.locator('#login').click();
  await expect(view.locator('#status')).toHaveText('signed in as ada (200)');
  await expect(view.locator('#headers')).toHaveText('headers 200');

  await view.locator('#undeclared').click();
  await expect(view.locator('#refused')).toHaveText('request:fail url not in domain list 600002');

  await view.locator('#chat').click();
  await expect(view.locator('#socket')).toHaveText('got pong to ping');
  await page.screenshot({ path: test.info().outputPath('wechat-network.png') });

  await shell.showInspector();
  await expect(page.locator('[data-testid="call-row"][data-api="request"][data-outcome="ok"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="call-row"][data-api="request"][data-outcome="fail"]')).toHaveCount(1);
});
