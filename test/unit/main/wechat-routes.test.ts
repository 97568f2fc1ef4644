import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../core/catalog';
import { viewEntryPath } from '../../../core/wechat';
import { createAppProtocolHandler } from '../../../main/app-protocol';
import { appEntryUrl, shellAssetUrl } from '../../../main/app-scheme';
import { memoryLogger } from '../../../main/logger';
import { createWechatRoutes } from '../../../main/wechat-routes';
import { memoryStore } from '../../support/memory-store';
import { tempDir } from '../../support/packages';

const APP_ID = 'wxcompilebasic01';

/** The Electron partition handler of an installed WeChat-format app, with a runtime folder that has view.js only. */
async function wechatHandler() {
  const catalog = await createCatalog({ dataDir: await tempDir(), store: memoryStore(), clock: { now: () => 1 }, assetUrl: shellAssetUrl });
  await catalog.install('test/fixtures/wechat/compile-basic');
  const runtimeDir = await tempDir();
  await mkdir(runtimeDir, { recursive: true });
  await writeFile(join(runtimeDir, 'view.js'), '/* view */');
  const handler = createAppProtocolHandler({
    appId: APP_ID,
    resolveFile: (appId, path) => catalog.resolveFile(appId, path),
    entry: (appId) => catalog.manifest(appId)?.entry,
    storageMirror: () => ({ seen: 1 }),
    wechat: createWechatRoutes({ manifest: (appId) => catalog.manifest(appId), buildDir: (appId) => catalog.wechatBuild(appId), runtimeDir }),
    log: memoryLogger(),
  });
  return { catalog, get: (path: string) => handler(new Request(`superapp://${APP_ID}${path}`)) };
}

describe('superapp: handler of a WeChat-format app', () => {
  it('opens the view at "/" and serves the runtime view page there with the storage mirror and page policy', async () => {
    const { catalog, get } = await wechatHandler();
    expect(appEntryUrl(APP_ID, viewEntryPath(catalog.manifest(APP_ID))!)).toBe(`superapp://${APP_ID}/`);
    const page = await get('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<head><script type="application\/json" id="superapp-storage-mirror">\{"seen":1\}<\/script>/);
    // the current build's source hash: the view keeps its initial rendering cache per build, and names it in the app's file URLs
    const build = basename((await catalog.wechatBuild(APP_ID))!);
    expect(html).toContain(`<meta name="wx-app-build" content="${build}">`);
    expect(html.indexOf('href="/__wx/runtime/view.css"')).toBeLessThan(html.indexOf(`href="/__wx/app/app.css?b=${build}"`));
    expect(html.indexOf(`href="/__wx/app/app.css?b=${build}"`)).toBeLessThan(html.indexOf('src="/__wx/runtime/view.js"'));
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });

  it('serves the runtime and the current build, 404 for what is not built or not listed', async () => {
    const { get } = await wechatHandler();
    const view = await get('/__wx/runtime/view.js');
    expect(view.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await view.text()).toBe('/* view */');
    expect(view.headers.get('content-security-policy')).toContain("worker-src 'self'");
    expect((await get('/__wx/runtime/logic.js')).status).toBe(404);
    expect(await (await get('/__wx/app/logic.js')).text()).toMatch(/^globalThis\.__wxAppBundle=/);
    // the view asks for it with its build named (?b=): the same file
    expect(await (await get(`/__wx/app/logic.js?b=${'0'.repeat(64)}`)).text()).toMatch(/^globalThis\.__wxAppBundle=/);
    expect((await get('/__wx/app/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/__wx/app/build.json')).status).toBe(404);
    expect((await get('/__wx/other')).status).toBe(404);
    // package paths start at the mini program root (miniprogramRoot: "miniprogram/"), not at the project folder
    const logo = await get('/images/logo.svg');
    expect(logo.status).toBe(200);
    expect(await logo.text()).toContain('<svg');
    expect((await get('/miniprogram/images/logo.svg')).status).toBe(404);
    expect((await get('/project.config.json')).status).toBe(404);
  });
});
