import { describe, expect, test } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { ModuleLoader } from '../../../miniprogram/logic/module-loader';
import { settle, startApp } from './support/harness';

const globals = { wx: {}, App: undefined, Page: undefined, Component: undefined, Behavior: undefined, getApp: undefined, getCurrentPages: undefined, requirePlugin: undefined };
const exportsValue = (value: unknown): ModuleFactory => (_r, module) => {
  module.exports = value;
};

describe('require (WeChat rules)', () => {
  const modules: Record<string, ModuleFactory> = {
    'utils/util.js': exportsValue('util'),
    'utils/index.js': exportsValue('utils-index'),
    'lib/index.js': exportsValue('lib-index'),
    'miniprogram_npm/dayjs/index.js': exportsValue('dayjs'),
    'pages/a/miniprogram_npm/local/index.js': exportsValue('local'),
    'pages/a/a.js': (require, module) => {
      const r = require as (p: string) => unknown;
      module.exports = {
        relative: r('../../utils/util'),
        withJs: r('../../utils/util.js'),
        absolute: r('/utils/util'),
        folder: r('/lib'),
        npm: r('dayjs'),
        nearestNpm: r('local'),
      };
    },
    'cycle/a.js': (require, module) => {
      module.exports = { name: 'a', b: () => (require as (p: string) => { name: string })('./b').name };
    },
    'cycle/b.js': (require, module) => {
      const a = (require as (p: string) => { name: string })('./a');
      module.exports = { name: `b saw ${a.name}` };
    },
  };

  test('relative, absolute, .js optional, folder index.js, miniprogram_npm from the nearest folder up', () => {
    const loader = new ModuleLoader(modules, globals);
    expect(loader.load('pages/a/a.js')).toEqual({ relative: 'util', withJs: 'util', absolute: 'util', folder: 'lib-index', npm: 'dayjs', nearestNpm: 'local' });
  });

  test('a module runs once; a cycle sees the partial exports, as in CommonJS', () => {
    let runs = 0;
    const loader = new ModuleLoader({ ...modules, 'count.js': () => void runs++, 'x.js': (r) => { (r as (p: string) => unknown)('./count'); (r as (p: string) => unknown)('/count.js'); } }, globals);
    loader.load('x.js');
    expect(runs).toBe(1);
    expect((loader.load('cycle/b.js') as { name: string }).name).toBe('b saw a');
  });

  test('anything else is `module "<path>" is not defined`, and nothing leaves the package', () => {
    const loader = new ModuleLoader({ ...modules, 'pages/b/b.js': (r) => { (r as (p: string) => unknown)('./missing'); }, 'pages/c/c.js': (r) => { (r as (p: string) => unknown)('../../../outside'); }, 'pages/d/d.js': (r) => { (r as (p: string) => unknown)('fs'); } }, globals);
    expect(() => loader.load('pages/b/b.js')).toThrow('module "pages/b/missing.js" is not defined');
    expect(() => loader.load('pages/c/c.js')).toThrow('module "../../../outside.js" is not defined');
    expect(() => loader.load('pages/d/d.js')).toThrow('module "fs" is not defined');
  });
});

describe('the logic layer has no DOM', () => {
  test('window, document and globalThis are undefined inside the package code', async () => {
    const seen: string[] = [];
    startApp({
      wxml: { 'pages/index/index': '<view/>' },
      js: {
        'pages/index/index.js': (...args) => {
          const [, , , , , Page] = args;
          seen.push(`window=${typeof args[11]} document=${typeof args[12]} globalThis=${typeof args[13]}`);
          (Page as (d: unknown) => void)({});
        },
      },
    });
    expect(seen).toEqual(['window=undefined document=undefined globalThis=undefined']);
  });
});

describe('errors in page code', () => {
  test('reach App.onError and wx.onError with the package file:line, and the app keeps running', async () => {
    const appErrors: string[] = [];
    const wxErrors: string[] = [];
    const { view, tap } = startApp({
      wxml: { 'pages/index/index': '<view id="boom" bindtap="boom">{{n}}</view><view id="ok" bindtap="ok">ok</view>' },
      lines: { 'app.js': 1, 'pages/index/index.js': 10 },
      js: {
        'app.js': (_r, _m, _e, wx, App) => {
          (App as (d: unknown) => void)({ onError: (m: string) => appErrors.push(m) });
          (wx as { onError(l: (m: string) => void): void }).onError((m) => wxErrors.push(m));
        },
        'pages/index/index.js': (_r, _m, _e, _wx, _A, Page) =>
          (Page as (d: unknown) => void)({
            data: { n: 0 },
            boom() {
              const e = new Error('kaboom');
              e.stack = 'Error: kaboom\n    at boom (http://wx1.localhost:1/__wx/app/logic.js:12:9)';
              throw e;
            },
            ok(this: { setData(d: unknown): void }) {
              this.setData({ n: 1 });
            },
          }),
      },
    });
    await settle();
    tap('boom');
    expect(appErrors).toHaveLength(1);
    expect(appErrors[0]).toMatch(/^kaboom\n {4}at pages\/index\/index\.js:3:9/);
    expect(wxErrors).toEqual(appErrors);
    expect(view.errors).toEqual([{ message: 'kaboom', where: 'pages/index/index.js:3:9' }]);
    tap('ok');
    await settle();
    expect(view.html()).toContain('<view id="boom">1</view>');
  });
});

describe('wx in the logic layer', () => {
  test('host APIs go through the transport; getStorageSync answers from the mirror passed at start', async () => {
    const { wx, host } = startApp(
      { wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)({}) } },
      { storageMirror: { token: 'abc' } },
    );
    const w = wx as unknown as { getStorageSync(k: string): unknown; setStorageSync(k: string, v: unknown): void; login(): Promise<{ errMsg: string }> };
    expect(w.getStorageSync('token')).toBe('abc');
    w.setStorageSync('n', 1);
    expect(w.getStorageSync('n')).toBe(1);
    await expect(w.login()).resolves.toEqual({ errMsg: 'login:ok' });
    await settle();
    expect(host.calls).toEqual([
      { api: 'setStorage', params: { key: 'n', data: 1 } },
      { api: 'login', params: {} },
    ]);
  });
});
