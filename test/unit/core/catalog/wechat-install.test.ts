import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../../../core/catalog';
import { ShellCommandError } from '../../../../core/contracts/services';
import { localAppId } from '../../../../core/wechat';
import { memoryStore } from '../../../support/memory-store';
import { manifest, tempDir, writePackage, writeZip } from '../../../support/packages';
import { projectFiles } from '../wechat/support/projects';

const FIXTURE = 'test/fixtures/wechat/compile-basic';
const clock = { now: () => 1_700_000_000_000 };
const assetUrl = (appId: string, path: string) => `asset://${appId}/${path}`;

async function setup(dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const store = memoryStore();
  const catalog = await createCatalog({ dataDir: dir, store, clock, assetUrl });
  return { dataDir: dir, store, catalog };
}

/** Everything in the apps folder except nothing: staging and preview leftovers would show here. */
const appsFolder = async (dataDir: string) => (await readdir(join(dataDir, 'apps'))).sort();

describe('installing a WeChat DevTools project', () => {
  it('installs a project folder as it is, compiled, with the registration derived from its code', async () => {
    const { catalog, dataDir } = await setup();
    const phases: string[] = [];
    const entry = await catalog.install(FIXTURE, (p) => phases.push(p.phase));
    expect(entry).toMatchObject({ appId: 'wxcompilebasic01', name: 'compile-basic', version: '1.0.0' });
    expect(phases[0]).toBe('reading');
    expect(phases).toContain('copying');
    expect(phases.at(-1)).toBe('done');
    const appDir = join(dataDir, 'apps', 'wxcompilebasic01');
    // the package as it is, plus the stored registration and the compiled bundle
    expect(await readFile(join(appDir, 'miniprogram', 'pages', 'index', 'index.wxml'), 'utf8')).toBe(await readFile(join(FIXTURE, 'miniprogram/pages/index/index.wxml'), 'utf8'));
    expect(JSON.parse(await readFile(join(appDir, 'manifest.json'), 'utf8'))).toEqual({
      appId: 'wxcompilebasic01',
      name: 'compile-basic',
      version: '1.0.0',
      entry: 'miniprogram/app.json',
      format: 'wechat',
      permissions: { openApi: ['login', 'requestPayment'], customApi: ['notes.add'] },
    });
    expect(catalog.manifest('wxcompilebasic01')?.format).toBe('wechat');
    const build = await catalog.wechatBuild('wxcompilebasic01');
    expect(build).toMatch(/[/\\]wxcompilebasic01[/\\]\.wx-build[/\\][0-9a-f]{64}$/);
    expect((await readdir(build!)).sort()).toEqual(['app.css', 'build.json', 'logic.js', 'logic.js.map']);
    expect(await appsFolder(dataDir)).toEqual(['wxcompilebasic01']);
  });

  it('installs a .zip of a project whose files sit in one top folder', async () => {
    const { catalog } = await setup();
    const files = projectFiles({ 'app.js': 'App({ onLaunch() { wx.getUserProfile({ desc: "x" }); } });' });
    const zip = await writeZip(join(await tempDir(), 'p.zip'), Object.fromEntries(Object.entries(files).map(([k, v]) => [`proj/${k}`, v])));
    const entry = await catalog.install(zip);
    expect(entry.appId).toBe('wxtestproject01');
    expect(catalog.manifest('wxtestproject01')?.permissions.openApi).toEqual(['getUserProfile']);
    expect(await catalog.wechatBuild('wxtestproject01')).toBeDefined();
  });

  it('installs nothing from a broken project and lists every problem', async () => {
    const { catalog, dataDir } = await setup();
    const src = await writePackage(await tempDir(), projectFiles({ 'pages/index/index.wxml': '<view>{{ a + }}</view>', 'app.wxss': '.a {' }));
    const error = await catalog.install(src).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShellCommandError);
    expect((error as Error).message.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l))).toEqual([
      'app.wxss:1:1: CSS syntax error: Unclosed block',
      'pages/index/index.wxml:1:14: unexpected character inside expression',
    ]);
    expect(await appsFolder(dataDir)).toEqual([]);
    expect(catalog.list()).toEqual([]);
  });

  it('keeps the installed build when a reinstall does not compile', async () => {
    const { catalog } = await setup();
    const src = await writePackage(await tempDir(), projectFiles());
    await catalog.install(src, undefined, { dev: true });
    const good = await catalog.wechatBuild('wxtestproject01');
    await writeFile(join(src, 'pages/index/index.wxml'), '<view>');
    await expect(catalog.install(src, undefined, { dev: true })).rejects.toThrow('pages/index/index.wxml:1:2: missing end tag for <view>');
    expect(await catalog.wechatBuild('wxtestproject01')).toBe(good);
    expect(await readFile(join(good!, 'logic.js'), 'utf8')).toContain('__wxAppBundle');
  });

  it('survives a restart: the stored manifest and current build are found again', async () => {
    const first = await setup();
    await first.catalog.install(FIXTURE);
    const again = await createCatalog({ dataDir: first.dataDir, store: first.store, clock, assetUrl });
    expect(again.manifest('wxcompilebasic01')?.format).toBe('wechat');
    expect(await again.wechatBuild('wxcompilebasic01')).toBe(await first.catalog.wechatBuild('wxcompilebasic01'));
  });

  it('uninstall removes the package and its compiled output', async () => {
    const { catalog, dataDir } = await setup();
    await catalog.install(FIXTURE);
    await catalog.uninstall('wxcompilebasic01');
    expect(await appsFolder(dataDir)).toEqual([]);
    expect(await catalog.wechatBuild('wxcompilebasic01')).toBeUndefined();
  });

  it('a web package has no WeChat build and may not claim the wechat format', async () => {
    const { catalog } = await setup();
    const web = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest()), 'index.html': 'x' });
    await catalog.install(web);
    expect(await catalog.wechatBuild('demo-app')).toBeUndefined();
    const claiming = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId: 'other-app', format: 'wechat' })), 'index.html': 'x' });
    await expect(catalog.install(claiming)).rejects.toThrow('manifest.json: format: "wechat" is set by the shell for WeChat DevTools projects');
  });
});

describe('previewing an install', () => {
  it('shows a WeChat project\'s derived capabilities and generated appId, and copies nothing', async () => {
    const { catalog, dataDir } = await setup();
    const src = await writePackage(
      await tempDir(),
      projectFiles({
        'project.config.json': JSON.stringify({ appid: 'touristappid', projectname: 'tourist' }),
        'app.js': 'App({ onLaunch() { wx.login(); wx.invokeNativePlugin({ api_name: "echo" }); wx.invokeNativePlugin({ api_name: pick() }); } });',
      }),
    );
    expect(await catalog.preview(src)).toEqual({
      format: 'wechat',
      appId: localAppId('tourist'),
      appIdGenerated: true,
      name: 'tourist',
      version: '1.0.0',
      openApi: ['login'],
      customApi: ['echo'],
      capabilitySource: 'code',
      notes: ['app.js:1: wx.invokeNativePlugin with an api_name the install cannot read'],
    });
    expect(await appsFolder(dataDir)).toEqual([]);
    expect(catalog.list()).toEqual([]);
    // the install that follows gets the same appId
    expect((await catalog.install(src)).appId).toBe(localAppId('tourist'));
  });

  it('previews a web package from its manifest, naming the app it would replace', async () => {
    const { catalog } = await setup();
    const web = await writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ developer: { id: 'd1', name: 'Dev' } })), 'index.html': 'x' });
    await catalog.install(web);
    expect(await catalog.preview(web)).toEqual({
      format: 'web',
      appId: 'demo-app',
      appIdGenerated: false,
      name: 'Demo',
      version: '1.0.0',
      developer: 'Dev',
      openApi: ['login'],
      customApi: [],
      capabilitySource: 'manifest',
      notes: [],
      replaces: 'Demo',
    });
  });

  it('reports a broken project\'s problems at preview, before any confirmation', async () => {
    const { catalog, dataDir } = await setup();
    const src = await tempDir();
    await cp(FIXTURE, src, { recursive: true });
    await writeFile(join(src, 'miniprogram', 'app.json'), '{ "pages": ["pages/index/index", "pages/none/none"] }');
    await expect(catalog.preview(src)).rejects.toThrow('app.json:1:34: page "pages/none/none" has no pages/none/none.wxml or pages/none/none.js in the package');
    expect(await appsFolder(dataDir)).toEqual([]);
  });
});
