import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentBuildDir, localAppId, prepareWechatApp, writeBuild } from '../../../../core/wechat';
import { tempDir, writePackage } from '../../../support/packages';
import { compileFiles, projectFiles } from './support/projects';

const clock = { now: () => 1_700_000_000_000 };

describe('the registration of a WeChat project', () => {
  it('derives the capability list from wx.<open API> and wx.invokeNativePlugin({ api_name }) in the code', async () => {
    const prepared = await compileFiles({
      'app.js': 'App({ onLaunch() { wx.login(); wx["checkSession"]({}); wx.getSystemInfo(); } });',
      'pages/index/index.js': [
        'Page({',
        '  buy() { return wx.requestVirtualPayment({}) },',
        '  note(name) {',
        '    wx.invokeNativePlugin({ api_name: "notes.add", data: {} });',
        '    wx.invokeNativePlugin({ "api_name": \'echo\' });',
        '    wx.invokeNativePlugin({ api_name: name });',
        '    const other = { login() {} }; other.login(); wx.notAnApi;',
        '  },',
        '});',
      ].join('\n'),
    });
    expect(prepared.capabilitySource).toBe('code');
    expect(prepared.manifest).toEqual({
      appId: 'wxtestproject01',
      name: 'test-project',
      version: '1.0.0',
      entry: 'app.json',
      format: 'wechat',
      permissions: { openApi: ['login', 'checkSession', 'requestVirtualPayment'], customApi: ['echo', 'notes.add'] },
    });
    expect(prepared.notes).toEqual(['pages/index/index.js:6: wx.invokeNativePlugin with an api_name the install cannot read']);
  });

  it('reads the server domains from wx.request / downloadFile / uploadFile / connectSocket URLs, and says what it cannot read', async () => {
    const prepared = await compileFiles({
      'app.js': [
        'const BASE = "https://api.tea.example";',
        'App({ onLaunch() {',
        '  wx.request({ url: "https://api.tea.example/login", method: "POST" });',
        '  wx.request({ url: `https://cdn.tea.example:8443/list?page=${1}` });',
        '  wx.downloadFile({ url: "https://img.tea.example" + "/a.png" });',
        '  wx.uploadFile({ url: "http://uploads.tea.example/up", filePath: "x", name: "f" });',
        '  wx.connectSocket({ url: "wss://live.tea.example/ws" });',
        '  wx.request({ url: BASE + "/orders" });',
        '  wx.request({ url: "http://127.0.0.1:9000/dev" });',
        '} });',
      ].join('\n'),
    });
    expect(prepared.manifest.domains).toEqual({
      request: ['http://127.0.0.1:9000', 'https://api.tea.example', 'https://cdn.tea.example:8443'],
      downloadFile: ['https://img.tea.example'],
      socket: ['wss://live.tea.example'],
    });
    expect(prepared.notes).toEqual([
      'request domains read from the code: http://127.0.0.1:9000, https://api.tea.example, https://cdn.tea.example:8443',
      'socket domains read from the code: wss://live.tea.example',
      'downloadFile domains read from the code: https://img.tea.example',
      'app.js:6: wx.uploadFile: "http://uploads.tea.example": uploadFile domains must use https (http only for a loopback development server); this call will be refused',
      'app.js:8: wx.request with a server the install cannot read; declare its domain in manifest.json',
    ]);
  });

  it('adds the open APIs a template asks for with <button open-type>', async () => {
    const prepared = await compileFiles({
      'pages/index/index.wxml': '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">Phone</button>\n<button open-type="share">Share</button>\n<button open-type="{{kind}}">dynamic</button>',
      'components/c/c.wxml': '<button open-type="getUserInfo">me</button>',
      'components/c/c.js': 'Component({});',
      'app.js': 'App({ onLaunch() { wx.login(); } });',
    });
    expect(prepared.manifest.permissions.openApi).toEqual(['login', 'getUserInfo', 'getPhoneNumber']);
  });

  it('takes the registration from manifest.json beside project.config.json when there is one', async () => {
    const prepared = await compileFiles({
      'manifest.json': JSON.stringify({ appId: 'tea-shop', name: 'Tea Shop', version: '2.0.0', developer: { id: 'acme', name: 'Acme' }, permissions: { openApi: ['requestPayment'] } }),
      'app.js': 'wx.login(); App({});',
    });
    expect(prepared.capabilitySource).toBe('manifest');
    expect(prepared.manifest).toMatchObject({ appId: 'tea-shop', name: 'Tea Shop', version: '2.0.0', entry: 'app.json', format: 'wechat', permissions: { openApi: ['requestPayment'], customApi: [] } });
  });

  it('names every bad field of manifest.json with its position', async () => {
    const message = await compileFiles({ 'manifest.json': '{\n  "appId": "tea-shop",\n  "name": "",\n  "version": "2"\n}' }).catch((e: Error) => e.message);
    expect(message).toContain('manifest.json:3:11: name: Too small: expected string to have >=1 characters');
    expect(message).toContain('manifest.json:4:14: version: version must be semver, e.g. "1.0.0"');
  });

  it('gives a project without an appid, or with touristappid, a stable local one', async () => {
    for (const appid of [undefined, 'touristappid']) {
      const prepared = await compileFiles({ 'project.config.json': JSON.stringify({ appid, projectname: 'demo%20shop' }) });
      expect(prepared.appIdGenerated).toBe(true);
      expect(prepared.manifest.appId).toBe(localAppId('demo%20shop'));
      expect(prepared.manifest.appId).toMatch(/^local-[0-9a-f]{12}$/);
      expect(prepared.manifest.name).toBe('demo shop');
    }
  });

  it('reads the mini program from miniprogramRoot, and its entry is that folder\'s app.json', async () => {
    const files = Object.fromEntries(Object.entries(projectFiles()).map(([path, text]) => [path === 'project.config.json' ? path : `src/${path}`, text]));
    files['project.config.json'] = JSON.stringify({ appid: 'wxrooted', miniprogramRoot: 'src/' });
    const prepared = await prepareWechatApp(await writePackage(await tempDir(), files));
    expect(prepared.manifest.entry).toBe('src/app.json');
    expect(prepared.compiled.files).toContain('pages/index/index.wxml');
  });
});

describe('build output', () => {
  it('writes logic.js, its map, app.css and build.json under .wx-build/<sourceHash> and makes it current', async () => {
    const appDir = await tempDir();
    const prepared = await compileFiles({});
    const dir = await writeBuild(appDir, prepared.compiled, clock);
    expect(dir).toBe(join(appDir, '.wx-build', prepared.compiled.sourceHash));
    expect((await readdir(dir)).sort()).toEqual(['app.css', 'build.json', 'logic.js', 'logic.js.map']);
    expect(JSON.parse(await readFile(join(dir, 'build.json'), 'utf8'))).toEqual({
      v: 1,
      sourceHash: prepared.compiled.sourceHash,
      compiledAt: 1_700_000_000_000,
      files: ['app.js', 'app.json', 'pages/index/index.js', 'pages/index/index.wxml'],
      warnings: [],
    });
    expect(await currentBuildDir(appDir)).toBe(dir);
  });

  it('keys builds by a sha256 of the sources: same sources, same hash; a change replaces the old build', async () => {
    const appDir = await tempDir();
    const first = await compileFiles({});
    const again = await compileFiles({});
    expect(again.compiled.sourceHash).toBe(first.compiled.sourceHash);
    expect(first.compiled.sourceHash).toMatch(/^[0-9a-f]{64}$/);
    await writeBuild(appDir, first.compiled, clock);
    const changed = await compileFiles({ 'pages/index/index.wxml': '<view>changed</view>' });
    const dir = await writeBuild(appDir, changed.compiled, clock);
    expect(await currentBuildDir(appDir)).toBe(dir);
    expect((await readdir(join(appDir, '.wx-build'))).sort()).toEqual([changed.compiled.sourceHash, 'current.json'].sort());
  });

  it('has no current build when current.json is missing, corrupt or names a build that is gone', async () => {
    const appDir = await tempDir();
    expect(await currentBuildDir(appDir)).toBeUndefined();
    await writeBuild(appDir, (await compileFiles({})).compiled, clock);
    await writeFile(join(appDir, '.wx-build', 'current.json'), '{"sourceHash":"' + 'a'.repeat(64) + '"}');
    expect(await currentBuildDir(appDir)).toBeUndefined();
    await writeFile(join(appDir, '.wx-build', 'current.json'), 'nope');
    expect(await currentBuildDir(appDir)).toBeUndefined();
  });
});
