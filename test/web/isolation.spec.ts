import { request } from 'node:http';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { expect, test } from './fixtures';
import { repoRoot } from './packages';

/**
 * What a mini program must NOT be able to do, tried the way a hostile page would: from inside its own
 * frame (page.evaluate runs as the app's own script) or with raw HTTP requests the browser would never
 * normalise.
 */
const A = 'api-showcase';
const B = 'custom-api';

type Wx = Record<string, (...args: any[]) => any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the page's wx, untyped here on purpose

/** GET with the path sent byte for byte (no URL normalisation), Host as given. */
function rawGet(port: number, host: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Node-side socket that can claim any Origin (a browser cannot), to test the server's own checks behind the CSP. */
function socketFromNode(
  url: string,
  host: string,
  origin: string,
  firstMessage: Record<string, unknown>,
): Promise<{ opened: boolean; answers: Array<Record<string, unknown>>; refusal: string }> {
  return new Promise((resolve) => {
    const answers: Array<Record<string, unknown>> = [];
    let opened = false;
    // Node cannot resolve *.localhost, so it dials 127.0.0.1 and names the app's host itself.
    const ws = new WebSocket(url, { origin, headers: { host } });
    ws.on('open', () => {
      opened = true;
      ws.send(JSON.stringify(firstMessage));
    });
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.kind === 'event') return; // shell events pushed unasked
      answers.push(message);
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ opened, answers, refusal: `HTTP ${res.statusCode}` });
      ws.terminate();
    });
    ws.on('close', (code) => resolve({ opened, answers, refusal: `close ${code}` }));
    ws.on('error', () => undefined);
  });
}

test('app B cannot read app A\'s wx storage, whatever appId it puts in params', async ({ shell }) => {
  const a = await shell.launch(A);
  await a.getByTestId('params-setStorage').fill(JSON.stringify({ key: 'secret', data: 'only for A' }));
  await a.getByTestId('promise-setStorage').click();
  await expect(a.getByTestId('errmsg-setStorage')).toHaveText('setStorage:ok');

  await shell.launch(B);
  const frameB = await shell.appFrame(B);
  const seen = await frameB.evaluate(async () => {
    const wx = (window as unknown as { wx: Wx }).wx;
    const plain = await wx.getStorage!({ key: 'secret' }).then(() => 'READ', (e: { errMsg: string }) => e.errMsg);
    const forged = await wx.getStorage!({ key: 'secret', appId: 'api-showcase' }).then(() => 'READ', (e: { errMsg: string }) => e.errMsg);
    const sync = wx.getStorageSync!('secret');
    const info = (await wx.getStorageInfo!()) as { keys: string[] };
    const echo = (await wx.invokeNativePlugin!({ api_name: 'echo', data: {}, appId: 'api-showcase' })) as { appInfo: { appId: string } };
    return { plain, forged, sync, keys: info.keys, echoedAppId: echo.appInfo.appId };
  });
  expect(seen).toEqual({
    plain: 'getStorage:fail data not found',
    forged: 'getStorage:fail data not found',
    sync: '',
    keys: expect.not.arrayContaining(['secret']),
    echoedAppId: B,
  });
});

test('a mini program cannot read the shell token or the shell page', async ({ shell, page }) => {
  await shell.launch(B);
  const shellToken = await page.locator('meta[name="shell-token"]').getAttribute('content');
  expect(shellToken).toBeTruthy();
  const frameB = await shell.appFrame(B);
  const attempt = await frameB.evaluate(async (shellUrl) => {
    const out: Record<string, string> = {};
    out.meta = String(document.querySelector('meta[name="shell-token"]'));
    try {
      out.topDocument = String(window.top!.document.title);
    } catch (e) {
      out.topDocument = (e as Error).name;
    }
    out.fetchShell = await fetch(shellUrl).then((r) => r.text(), (e: Error) => `refused: ${e.name}`);
    out.shellSocket = await new Promise<string>((resolve) => {
      try {
        const ws = new WebSocket(`${shellUrl.replace(/^http/, 'ws')}ws/shell`);
        ws.onopen = () => resolve('opened');
        ws.onerror = () => resolve('closed');
        ws.onclose = () => resolve('closed');
      } catch (e) {
        resolve('closed'); // refused before connecting (the app page's CSP)
        void e;
      }
    });
    return out;
  }, shell.host.url.endsWith('/') ? shell.host.url : `${shell.host.url}/`);
  expect(attempt.meta).toBe('null');
  expect(attempt.topDocument).toBe('SecurityError');
  expect(attempt.fetchShell).toBe('refused: TypeError');
  expect(attempt.shellSocket).toBe('closed');
  expect(JSON.stringify(attempt)).not.toContain(shellToken!);

  // Behind the CSP, the server itself: the shell channel wants the shell's Origin AND the token.
  const shellHost = `localhost:${shell.host.port}`;
  const socket = (token: string) => `ws://127.0.0.1:${shell.host.port}/ws/shell?token=${encodeURIComponent(token)}`;
  const listApps = { kind: 'call', id: 1, command: 'listApps', input: {} };
  const fromApp = await socketFromNode(socket(shellToken!), shellHost, shell.host.appOrigin(B), listApps);
  expect(fromApp.answers).toEqual([]);
  const guessed = await socketFromNode(socket('x'.repeat(43)), shellHost, `http://${shellHost}`, listApps);
  expect(guessed.answers).toEqual([]);
  const genuine = await socketFromNode(socket(shellToken!), shellHost, `http://${shellHost}`, listApps);
  expect(genuine.answers[0]).toMatchObject({ kind: 'result', id: 1, ok: true });
});

test('a mini program cannot navigate the shell or open windows', async ({ shell, page }) => {
  await shell.launch(B);
  const shellUrl = page.url();
  const navigations: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  const frameB = await shell.appFrame(B);
  const result = await frameB.evaluate((target) => {
    const out: Record<string, string> = {};
    try {
      window.top!.location.href = target;
      out.top = 'no exception';
    } catch (e) {
      out.top = (e as Error).name;
    }
    out.popup = String(window.open(target));
    return out;
  }, `${shell.host.appOrigin(B)}/index.html`);
  expect(result.popup).toBe('null');
  // Whatever the browser did with the attempt, the shell is still the shell.
  await shell.showSettings();
  await shell.showCatalog();
  await expect(shell.tab(B)).toHaveCount(1);
  expect(page.url()).toBe(shellUrl);
  expect(navigations).toEqual([]);
});

test('app B cannot use app A\'s view token to speak as A on the bridge', async ({ shell, page }) => {
  // wx.js removes the boot block once read, so take A's view token from the entry page as it was served.
  const entryPage = page.waitForResponse((r) => r.url().startsWith(`${shell.host.appOrigin(A)}/index.html`));
  await shell.launch(A);
  const html = await (await entryPage).text();
  const bootJson = /<script type="application\/json" id="__superapp_boot__">(.*?)<\/script>/s.exec(html)?.[1];
  expect(bootJson, 'the boot block in the served entry page').toBeTruthy();
  const boot = JSON.parse(bootJson!) as { viewId: number; token: string };
  expect(boot.token.length).toBeGreaterThanOrEqual(16);
  const frameA = await shell.appFrame(A);
  await frameA.evaluate(() => (window as unknown as { wx: Wx }).wx.setStorage!({ key: 'secret', data: 'only for A' }));
  const bridge = (origin: string) => `${origin.replace(/^http/, 'ws')}/ws/bridge?view=${boot.viewId}&token=${encodeURIComponent(boot.token)}`;

  // From B's page, with A's token, to A's origin and to B's own: no answer comes back.
  await shell.launch(B);
  const frameB = await shell.appFrame(B);
  for (const url of [bridge(shell.host.appOrigin(A)), bridge(shell.host.appOrigin(B))]) {
    const answers = await frameB.evaluate(
      (target) =>
        new Promise<unknown[]>((resolve) => {
          const got: unknown[] = [];
          try {
            const ws = new WebSocket(target);
            ws.onopen = () => ws.send(JSON.stringify({ v: 1, id: 1, api: 'getStorage', params: { key: 'secret' } }));
            ws.onmessage = (e) => got.push(JSON.parse(String(e.data)));
            ws.onerror = () => resolve(got);
            ws.onclose = () => resolve(got);
          } catch {
            resolve(got); // the page's CSP refused the connection outright
          }
        }),
      url,
    );
    expect(JSON.stringify(answers), url).not.toContain('only for A');
  }

  // The server itself refuses A's token presented with B's Origin (a browser could not even try) ...
  const viaLoopback = bridge(shell.host.appOrigin(A)).replace(`${A}.localhost`, '127.0.0.1');
  const hostA = `${A}.localhost:${shell.host.port}`;
  const getSecret = { v: 1, id: 1, api: 'getStorage', params: { key: 'secret' } };
  const forged = await socketFromNode(viaLoopback, hostA, shell.host.appOrigin(B), getSecret);
  expect(forged.answers).toEqual([]);
  expect(forged.refusal).toMatch(/^(HTTP 4\d\d|close 4003|close 1006)$/);
  // ... while the same token from A's own origin is answered with A's data (so the refusal above is about identity).
  const genuine = await socketFromNode(viaLoopback, hostA, shell.host.appOrigin(A), getSecret);
  expect(genuine.answers[0]).toMatchObject({ ok: true, result: { data: 'only for A' } });
});

test('an app gets only its own files: no other app, no "..", no encoded "..", no symlink out', async ({ shell, host }) => {
  const port = host.port;
  const hostB = `${B}.localhost:${port}`;
  const ownFile = await readFile(join(repoRoot, 'examples', B, 'app.js'), 'utf8');
  const outside = join(host.dataDir, 'outside-secret.txt');
  await writeFile(outside, 'SECRET OUTSIDE THE PACKAGE');
  const installed = join(host.dataDir, 'apps', B);
  await symlink(outside, join(installed, 'leak.txt'));
  await mkdir(join(installed, 'nested'), { recursive: true });
  await symlink(host.dataDir, join(installed, 'nested', 'data'));

  const control = await rawGet(port, hostB, '/app.js');
  expect(control.status).toBe(200);
  expect(control.body).toBe(ownFile);

  for (const path of [
    '/../api-showcase/app.js',
    '/%2e%2e/api-showcase/app.js',
    '/%2E%2E%2Fapi-showcase%2Fapp.js',
    '/..%2f..%2foutside-secret.txt',
    '/%2e%2e/%2e%2e/outside-secret.txt',
    '/..\\..\\outside-secret.txt',
    '/leak.txt',
    '/nested/data/outside-secret.txt',
  ]) {
    const res = await rawGet(port, hostB, path);
    expect(res.status, path).toBe(404);
    expect(res.body, path).not.toContain('SECRET OUTSIDE');
    expect(res.body, path).not.toContain('API Showcase');
  }

  await shell.launch(B);
  const frameB = await shell.appFrame(B);
  const fromPage = await frameB.evaluate(async (otherApp) => ({
    otherApp: await fetch(`${otherApp}/app.js`).then((r) => `HTTP ${r.status}`, (e: Error) => `refused: ${e.name}`),
    leak: await fetch('/leak.txt').then((r) => r.status),
    encoded: await fetch('/%2e%2e/%2e%2e/outside-secret.txt').then((r) => r.status),
  }), shell.host.appOrigin(A));
  expect(fromPage).toEqual({ otherApp: 'refused: TypeError', leak: 404, encoded: 404 });
});

test("a mini program cannot take over another app's view by loading its page in its own frame", async ({ shell, page }) => {
  const victim = await shell.launch(A);
  await runShowcaseStorage(await shell.appFrame(A), 'only for A');
  const viewA = await shell.viewIdOf(A);

  // B knows the view id (they are small numbers) and navigates its own frame to A's page for that view.
  await shell.launch(B);
  const hijackUrl = `${shell.host.appOrigin(A)}/index.html?__view=${viewA}`;
  const served = page.waitForResponse((r) => r.url() === hijackUrl);
  await (await shell.appFrame(B)).evaluate((target) => {
    setTimeout(() => (location.href = target), 0);
  }, hijackUrl);
  const response = await served;
  expect(response.status()).toBe(403);
  const body = await response.text();
  expect(body).not.toContain('__superapp_boot__');
  expect(body).toContain('one-time load key');
  const hijacked = await (await shell.frameElement(B).elementHandle())!.contentFrame();
  await hijacked!.waitForLoadState('load');
  expect(await hijacked!.evaluate(() => typeof (window as unknown as { wx?: unknown }).wx)).toBe('undefined');
  // Were the page handed a token, its wx.js would now connect and replace A's bridge socket; give it that time.
  await page.waitForTimeout(750);

  // A's own page keeps its bridge: its next calls are answered as A.
  await shell.switchTo(A);
  const frameA = await shell.appFrame(A);
  const read = await frameA.evaluate(() =>
    (window as unknown as { wx: Wx }).wx.getStorage!({ key: 'secret' }).then((r: { data: string }) => r.data, (e: { errMsg: string }) => e.errMsg),
  );
  expect(read).toBe('only for A');
  await expect(victim.getByTestId('promise-getSystemInfo')).toBeVisible();
});

test('a view reloaded by the user, or under a reloaded shell page, still gets its wx', async ({ shell, page }) => {
  await shell.launch(A);
  await runShowcaseStorage(await shell.appFrame(A), 'kept across reloads');
  const read = (frame: import('@playwright/test').Frame) =>
    frame.evaluate(() => (window as unknown as { wx: Wx }).wx.getStorage!({ key: 'secret' }).then((r: { data: string }) => r.data, (e: { errMsg: string }) => e.errMsg));

  // The user reloads the app's frame: the page's own URL carries the key for its next load.
  const reloaded = page.waitForResponse((r) => r.url().startsWith(`${shell.host.appOrigin(A)}/index.html?`) && r.status() === 200);
  await (await shell.appFrame(A)).evaluate(() => setTimeout(() => location.reload(), 0));
  await reloaded;
  expect(await read(await shell.appFrame(A))).toBe('kept across reloads');

  // The user reloads the whole shell: the running view comes back with a fresh key.
  await page.reload();
  await expect(shell.tab(A)).toHaveCount(1);
  await shell.switchTo(A);
  expect(await read(await shell.appFrame(A))).toBe('kept across reloads');
});

/** Stores `value` under "secret" through A's own wx, as the page's script would. */
async function runShowcaseStorage(frame: import('@playwright/test').Frame, value: string): Promise<void> {
  const errMsg = await frame.evaluate((data) => (window as unknown as { wx: Wx }).wx.setStorage!({ key: 'secret', data }).then((r: { errMsg: string }) => r.errMsg), value);
  expect(errMsg).toBe('setStorage:ok');
}
