import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../core/catalog';
import type { Catalog } from '../../../core/contracts';
import { BACKEND_INFO_PATH, createAppProtocolHandler, isSuspiciousPath } from '../../../main/app-protocol';
import { appEntryUrl, privilegedSchemes, shellAssetUrl, SHELL_ORIGIN } from '../../../main/app-scheme';
import { memoryLogger } from '../../../main/logger';
import { STORAGE_MIRROR_SCRIPT } from '../../../main/storage-mirror';
import { createShellProtocolHandler, SHELL_CSP } from '../../../main/shell-protocol';
import { memoryStore } from '../../support/memory-store';
import { manifest, tempDir, writePackage } from '../../support/packages';

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><script src="app.js"></script></body></html>';

async function installedCatalog(): Promise<{ catalog: Catalog; dataDir: string }> {
  const dataDir = await tempDir();
  const catalog = await createCatalog({ dataDir, store: memoryStore(), clock: { now: () => 1 }, assetUrl: shellAssetUrl });
  for (const appId of ['Shop', 'wallet-app']) {
    await catalog.install(
      await writePackage(await tempDir(), {
        'manifest.json': JSON.stringify(manifest({ appId, icon: 'icon.svg', entry: 'pages/index.html' })),
        'pages/index.html': PAGE,
        'pages/app.js': `console.log(${JSON.stringify(appId)})`,
        'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
        'secret.txt': `${appId} private`,
        'media/clip.mp4': '0123456789',
        // where the WeChat-format runtime starts its logic-layer Worker, and what that worker imports
        '__wx/runtime/logic.js': "importScripts('/__wx/app/logic.js')",
        '__wx/app/logic.js': 'App({})',
      }),
    );
  }
  return { catalog, dataDir };
}

async function shopHandler(mirror: Record<string, unknown> = {}, backendUrl?: string, tempFile?: (appId: string, path: string) => Promise<string | undefined>) {
  const { catalog, dataDir } = await installedCatalog();
  const log = memoryLogger();
  const handler = createAppProtocolHandler({
    appId: 'Shop',
    resolveFile: (appId, path) => catalog.resolveFile(appId, path),
    entry: (appId) => catalog.manifest(appId)?.entry,
    storageMirror: () => mirror,
    backendUrl: () => backendUrl,
    ...(tempFile ? { tempFile } : {}),
    log,
  });
  const get = (url: string, init?: RequestInit) => handler(new Request(url, init));
  return { handler, get, log, catalog, dataDir };
}

describe('superapp: handler of an app partition', () => {
  it('serves the app entry page with the Sync storage mirror as the first element of <head>', async () => {
    const { get } = await shopHandler({ cart: ['oolong'], note: '</script><script>alert(1)</script>' });
    const response = await get(appEntryUrl('Shop', 'pages/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const head = html.indexOf('<head>') + '<head>'.length;
    expect(html.slice(head)).toMatch(/^<script type="application\/json" id="superapp-storage-mirror">/);
    // the "<" of the stored value cannot close the element: the page keeps exactly one extra script
    expect(html).not.toContain('</script><script>alert(1)');
    const json = /id="superapp-storage-mirror">(.*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual({ cart: ['oolong'], note: '</script><script>alert(1)</script>' });
  });

  it('serves "/" as the manifest entry and other files with their own type, nosniff', async () => {
    const { get } = await shopHandler();
    expect(await (await get('superapp://shop/')).text()).toContain('<title>Shop</title>');
    const script = await get('superapp://shop/pages/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log("Shop")');
  });

  it('puts the same page policy on app pages as the browser host: package scripts only, framed by no one', async () => {
    const { get } = await shopHandler();
    const page = await get('superapp://shop/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('refuses a URL whose host is another app (403) and never reads that app', async () => {
    const { get, log } = await shopHandler();
    const response = await get('superapp://wallet-app/secret.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('private');
    expect(log.lines.at(-1)).toContain('another app');
  });

  it.each([
    ['encoded dot-dot (the URL parser folds it; the result is still looked up inside the package only)', 'superapp://shop/pages/%2e%2e/%2e%2e/wallet-app/secret.txt'],
    ['encoded slash', 'superapp://shop/..%2f..%2fwallet-app%2fsecret.txt'],
    ['double-encoded dot-dot', 'superapp://shop/%252e%252e/%252e%252e/wallet-app/secret.txt'],
    ['backslash', 'superapp://shop/pages\\..\\..\\secret.txt'],
    ['a missing file', 'superapp://shop/nope.js'],
  ])('answers 404 for %s', async (_label, url) => {
    const { get } = await shopHandler();
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('private');
  });

  it('does not follow a symlink that leaves the package', async () => {
    const { get, dataDir } = await shopHandler();
    const outside = join(await tempDir(), 'outside.txt');
    await writeFile(outside, 'host file');
    await symlink(outside, join(dataDir, 'apps', 'Shop', 'link.txt'));
    const response = await get('superapp://shop/link.txt');
    expect(response.status).toBe(404);
  });

  it('answers 405 to writes on package files', async () => {
    const { get } = await shopHandler();
    expect((await get('superapp://shop/pages/app.js', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('tells a sample where its merchant backend is; the page calls it with wx.request, so nothing is proxied any more', async () => {
    const { get } = await shopHandler({}, 'http://127.0.0.1:4555');
    const info = await (await get(`superapp://shop${BACKEND_INFO_PATH}`)).json();
    expect(info).toEqual({ url: 'http://127.0.0.1:4555' });
    expect((await get('superapp://shop/__superapp__/backend/orders', { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await get('superapp://shop/__superapp__/backend/orders')).status).toBe(404);
  });

  it("serves the app's downloadFile temp files from its own origin, and nothing else under /__superapp__/tmp/", async () => {
    const { get, dataDir } = await shopHandler({}, undefined, async (appId, path) =>
      appId === 'Shop' && path === '/__superapp__/tmp/tmp_0123456789abcdef0123456789abcdef.mp4' ? join(dataDir, 'apps', 'Shop', 'media', 'clip.mp4') : undefined,
    );
    const temp = await get('superapp://shop/__superapp__/tmp/tmp_0123456789abcdef0123456789abcdef.mp4');
    expect(temp.status).toBe(200);
    expect(await temp.text()).toBe('0123456789');
    expect((await get('superapp://shop/__superapp__/tmp/tmp_ffffffffffffffffffffffffffffffff.png')).status).toBe(404);
  });

  it('says clearly when the app has no backend', async () => {
    const { get } = await shopHandler();
    const response = await get(`superapp://shop${BACKEND_INFO_PATH}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Shop has no merchant backend running in this host' });
  });

  it('answers byte ranges on package files so <video>/<audio> can seek: 206, 416, whole file otherwise', async () => {
    const { get } = await shopHandler();
    const clip = 'superapp://shop/media/clip.mp4';
    const whole = await get(clip);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(await whole.text()).toBe('0123456789');

    const middle = await get(clip, { headers: { range: 'bytes=2-5' } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(middle.headers.get('content-length')).toBe('4');
    expect(middle.headers.get('content-type')).toBe('video/mp4');
    expect(middle.headers.get('accept-ranges')).toBe('bytes');
    expect(await middle.text()).toBe('2345');
    expect(await (await get(clip, { headers: { range: 'bytes=7-' } })).text()).toBe('789');
    expect(await (await get(clip, { headers: { range: 'bytes=-3' } })).text()).toBe('789');

    const past = await get(clip, { headers: { range: 'bytes=10-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */10');
    expect(past.headers.get('accept-ranges')).toBe('bytes');

    const multi = await get(clip, { headers: { range: 'bytes=0-1,4-5' } });
    expect(multi.status).toBe(200);
    expect(await multi.text()).toBe('0123456789');
    const head = await get(clip, { method: 'HEAD', headers: { range: 'bytes=2-5' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    // the entry page is generated (storage mirror injected): always whole
    const page = await get('superapp://shop/pages/index.html', { headers: { range: 'bytes=0-9' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Shop</title>');
  });

  it('flags the path forms no package file can have', () => {
    expect(isSuspiciousPath('/a/%2E%2E/b')).toBe(true);
    expect(isSuspiciousPath('/a/./b')).toBe(true);
    expect(isSuspiciousPath('/a/b%00.js')).toBe(true);
    expect(isSuspiciousPath('/pages/index.html')).toBe(false);
    expect(isSuspiciousPath('/images/a%20b.png')).toBe(false);
  });
});

describe('superapp: handler of the shell session', () => {
  async function shellHandler() {
    const rendererDir = await tempDir();
    await writePackage(rendererDir, { 'index.html': '<!doctype html><title>Shell</title>', 'app.js': 'boot()' });
    const outsideDir = await tempDir();
    await writeFile(join(outsideDir, 'x.js'), 'secret');
    await mkdir(join(rendererDir, 'lib'));
    await symlink(join(outsideDir, 'x.js'), join(rendererDir, 'lib', 'x.js'));
    const { catalog } = await installedCatalog();
    const handler = createShellProtocolHandler({
      rendererDir,
      async resolveIcon(appId, path) {
        const icon = catalog.manifest(appId)?.icon;
        return icon && icon === path ? catalog.resolveFile(appId, `/${icon}`) : undefined;
      },
      log: memoryLogger(),
    });
    return (url: string) => handler(new Request(url));
  }

  it('serves the shell page with its Content-Security-Policy header', async () => {
    const get = await shellHandler();
    const page = await get(`${SHELL_ORIGIN}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Shell</title>');
    expect(page.headers.get('content-security-policy')).toBe(SHELL_CSP);
    expect(SHELL_CSP).toContain("script-src 'self'");
    expect(SHELL_CSP).toContain("object-src 'none'");
  });

  it('serves the icon an app declares and nothing else of its package', async () => {
    const get = await shellHandler();
    const icon = await get(shellAssetUrl('Shop', 'icon.svg'));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect((await get(shellAssetUrl('Shop', 'secret.txt'))).status).toBe(404);
    expect((await get(`${SHELL_ORIGIN}/app-icons/Shop/%2e%2e/wallet-app/secret.txt`)).status).toBe(404);
  });

  it('refuses other hosts and files outside the renderer folder (symlink included)', async () => {
    const get = await shellHandler();
    expect((await get('superapp://shop/pages/index.html')).status).toBe(403);
    expect((await get(`${SHELL_ORIGIN}/lib/x.js`)).status).toBe(404);
    expect((await get(`${SHELL_ORIGIN}/%2e%2e/package.json`)).status).toBe(404);
  });
});

describe("main's storage hand-over script", () => {
  it('is served to every app page at its reserved path as JavaScript, under the page policy', async () => {
    const { get } = await shopHandler();
    const script = await get('superapp://shop/__superapp__/storage-mirror.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(STORAGE_MIRROR_SCRIPT);
    expect(script.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('the superapp scheme is ready for the WeChat-format runtime (a dedicated Worker per app view)', () => {
  it('registers exactly the privileges a worker from the app origin needs, and no service workers', () => {
    expect(privilegedSchemes).toEqual([
      {
        scheme: 'superapp',
        privileges: {
          // tuple origin: new Worker('/__wx/runtime/logic.js') is same-origin with the page; importScripts resolves
          standard: true,
          secure: true,
          supportFetchAPI: true,
          stream: true,
          codeCache: true,
          corsEnabled: false,
          allowServiceWorkers: false,
          bypassCSP: false,
        },
      },
    ]);
  });

  it("the page policy lets the page start a same-origin worker and nothing else (worker-src 'self')", async () => {
    const { get } = await shopHandler();
    const csp = (await get(appEntryUrl('Shop', 'pages/index.html'))).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives['worker-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
  });

  it('serves the worker script as JavaScript under the same policy, so code in the worker is held to it too', async () => {
    const { get } = await shopHandler();
    const worker = await get('superapp://shop/__wx/runtime/logic.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await worker.text()).toBe("importScripts('/__wx/app/logic.js')");
    // a dedicated worker is governed by its own script's CSP, not the page's: same policy, same connect-src
    const page = await get(appEntryUrl('Shop', 'pages/index.html'));
    expect(worker.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'));
    expect(worker.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const imported = await get('superapp://shop/__wx/app/logic.js');
    expect(imported.status).toBe(200);
  });
});
