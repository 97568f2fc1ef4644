import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appLabel } from '../../../web/origins';
import { startWebHost, type WebHost } from '../../../web/host';
import { http, shellClient, waitFor } from './helpers';

/**
 * A WeChat-format dev app in the browser host: "/" is the runtime's view page (boot block and wx client
 * first, as for web pages), /__wx/runtime/* comes from dist/miniprogram, /__wx/app/* from the current
 * build; a save that does not compile shows its error in the view while the previous build keeps serving.
 */
const APP_ID = 'wxcompilebasic01';
let host: WebHost;
let dir: string;
let project: string;
let appHost: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wechat-routes-'));
  project = join(dir, 'project');
  cpSync('test/fixtures/wechat/compile-basic', project, { recursive: true });
  const runtimeDir = join(dir, 'miniprogram');
  mkdirSync(runtimeDir);
  writeFileSync(join(runtimeDir, 'view.js'), '/* view runtime */');
  writeFileSync(join(runtimeDir, 'view.css'), '/* view css */');
  // logic.js is left out: a runtime that is not built yet answers a clean 404
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Shell</title>');
  writeFileSync(join(dir, 'wx.js'), '/* wx */');
  host = await startWebHost({
    port: 0,
    dataDir: join(dir, 'data'),
    apps: [project],
    quiet: true,
    examplesDir: null,
    backends: false,
    rendererDir,
    wxScriptFile: join(dir, 'wx.js'),
    wxRuntimeDir: runtimeDir,
    devDebounceMs: 50,
  });
  appHost = `${appLabel(APP_ID)}.localhost:${host.port}`;
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => http(host.port, { host: appHost, path });

async function launchedPage(): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const shell = await shellClient(host.port, host.shellToken);
  const answer = await shell.call('launch', { appId: APP_ID });
  shell.socket.close();
  if (!answer.ok) throw new Error(answer.error?.message);
  const url = new URL((answer.output as { url: string }).url);
  expect(url.pathname).toBe('/');
  return get(url.pathname + url.search);
}

describe('serving a WeChat-format app', () => {
  it('opens the view at "/": boot block and wx client first, then the runtime stylesheet, the app stylesheet and view.js', async () => {
    const page = await launchedPage();
    expect(page.status).toBe(200);
    const order = ['id="__superapp_boot__"', 'src="/__superapp__/wx.js?v=', 'href="/__wx/runtime/view.css"', 'href="/__wx/app/app.css?b=', 'src="/__wx/runtime/view.js"'].map((s) =>
      page.body.indexOf(s),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page.headers['cache-control']).toBe('no-store');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
  });

  it('serves the runtime from dist/miniprogram and answers 404 for a runtime file not built yet', async () => {
    const view = await get('/__wx/runtime/view.js');
    expect(view.status).toBe(200);
    expect(view.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(view.body).toBe('/* view runtime */');
    // a Worker takes its policy from its own response: the runtime's files carry the page policy
    expect(String(view.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await get('/__wx/runtime/view.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const logic = await get('/__wx/runtime/logic.js');
    expect(logic.status).toBe(404);
    expect(logic.body).toMatch(/^\/__wx\/runtime\/logic\.js is not built .* Run "npm run build" and reload\.\n$/);
    expect((await get('/__wx/runtime/../../package.json')).status).toBe(404);
    expect((await get('/__wx/runtime/other.js')).status).toBe(404);
  });

  it('once the runtime is built, names its build in the runtime URLs and serves those cacheable for good; a rebuild changes the name', async () => {
    const runtimeDir = join(dir, 'miniprogram');
    writeFileSync(join(runtimeDir, 'logic.js'), '/* logic runtime */');
    writeFileSync(join(runtimeDir, 'editor.js'), '/* editor engine */');
    writeFileSync(join(runtimeDir, 'worker.js'), '/* wx.createWorker thread */');
    try {
      const page = await launchedPage();
      const version = /src="\/__wx\/runtime\/view\.js\?v=([^"]+)"/.exec(page.body)?.[1];
      expect(version).toBeTruthy();
      expect(page.body).toContain(`href="/__wx/runtime/view.css?v=${version}"`);
      for (const name of ['view.js', 'view.css', 'logic.js', 'editor.js', 'worker.js']) {
        const current = await get(`/__wx/runtime/${name}?v=${version}`);
        expect(current.status).toBe(200);
        expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        // the Worker's policy comes from this response, cached or not
        expect(String(current.headers['content-security-policy'])).toContain("script-src 'self'");
        expect((await get(`/__wx/runtime/${name}?v=stale`)).headers['cache-control']).toBe('no-store');
        expect((await get(`/__wx/runtime/${name}`)).headers['cache-control']).toBe('no-store');
      }
      writeFileSync(join(runtimeDir, 'view.js'), '/* view runtime, rebuilt with a different size */');
      const rebuilt = /src="\/__wx\/runtime\/view\.js\?v=([^"]+)"/.exec((await launchedPage()).body)?.[1];
      expect(rebuilt).toBeTruthy();
      expect(rebuilt).not.toBe(version);
      expect((await get(`/__wx/runtime/logic.js?v=${version}`)).headers['cache-control']).toBe('no-store');
    } finally {
      rmSync(join(runtimeDir, 'logic.js'));
      rmSync(join(runtimeDir, 'editor.js'));
      rmSync(join(runtimeDir, 'worker.js'));
      writeFileSync(join(runtimeDir, 'view.js'), '/* view runtime */');
    }
  });

  it('serves the current compiled bundle under /__wx/app/', async () => {
    const logic = await get('/__wx/app/logic.js');
    expect(logic.status).toBe(200);
    expect(logic.body).toMatch(/^globalThis\.__wxAppBundle=/);
    expect(JSON.parse((await get('/__wx/app/logic.js.map')).body).sources).toContain('pages/index/index.js');
    const css = await get('/__wx/app/app.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('wx-page { background-color: #f7f7f7; }');
    expect((await get('/__wx/app/build.json')).status).toBe(404);
    // named by the build the view page names, the bundle and stylesheet never change: the browser keeps them
    const build = /<meta name="wx-app-build" content="([0-9a-f]{64})">/.exec((await launchedPage()).body)?.[1];
    expect(build).toBeTruthy();
    expect((await launchedPage()).body).toContain(`href="/__wx/app/app.css?b=${build}"`);
    for (const name of ['logic.js', 'app.css']) {
      const current = await get(`/__wx/app/${name}?b=${build}`);
      expect(current.status).toBe(200);
      expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // another build's name, or none: this dev app's files as they are now, never kept
      expect((await get(`/__wx/app/${name}?b=${'0'.repeat(64)}`)).headers['cache-control']).toBe('no-store');
      expect((await get(`/__wx/app/${name}`)).headers['cache-control']).toBe('no-store');
    }
    // the package's own files are served as for web apps, from the mini program root (miniprogramRoot: "miniprogram/")
    const logo = await get('/images/logo.svg');
    expect(logo.status).toBe(200);
    expect(logo.headers['content-type']).toBe('image/svg+xml');
    expect((await get('/miniprogram/images/logo.svg')).status).toBe(404);
    expect((await get('/project.config.json')).status).toBe(404);
  });

  it('shows a compile error of a save in the view and keeps serving the previous build, then clears it once fixed', async () => {
    const before = (await get('/__wx/app/logic.js')).body;
    const wxml = join(project, 'miniprogram', 'pages', 'list', 'list.wxml');
    writeFileSync(wxml, '<card title="List">\n  <view class="entry">entry\n</card>\n');
    await waitFor(async () => (await launchedPage()).body.includes('id="wx-compile-error"'), 'the compile error in the view');
    const page = await launchedPage();
    expect(page.body).toContain('pages/list/list.wxml:2:4: missing end tag for &#60;view&#62;');
    expect(page.body).toContain('2 |   &#60;view class=&#34;entry&#34;&#62;entry');
    expect((await get('/__wx/app/logic.js')).body).toBe(before);
    writeFileSync(wxml, '<card title="Fixed"><view class="entry">entry</view></card>\n');
    await waitFor(async () => !(await launchedPage()).body.includes('wx-compile-error'), 'the error to clear');
    expect((await get('/__wx/app/logic.js')).body).toContain('Fixed');
  });
});
