import { describe, expect, it } from 'vitest';
import type { ModuleFactory } from '../../../miniprogram/logic/bundle';
import { settle, startApp } from './support/harness';

const page: ModuleFactory = (_r, _m, _e, _wx, _A, Page) => (Page as (d: unknown) => void)({});

describe('wx.getFileSystemManager without a file system (logic/file-system-stub.ts)', () => {
  it('exists, so a module that takes it at its top level runs; its methods fail clearly; canIUse says false', async () => {
    const { runtime } = startApp({ wxml: { 'pages/index/index': '<view/>' }, js: { 'pages/index/index.js': page } });
    await settle();
    const wx = runtime.wx as Record<string, unknown> & { getFileSystemManager(): Record<string, (o?: unknown) => unknown>; canIUse(s: string): boolean };
    const fs = wx.getFileSystemManager();
    expect(wx.getFileSystemManager()).toBe(fs);
    expect(wx['env']).toEqual({ USER_DATA_PATH: 'wxfile://usr' });
    expect(wx.canIUse('getFileSystemManager')).toBe(false);
    const seen: unknown[] = [];
    fs['readFile']!({ filePath: 'wxfile://usr/a.txt', success: () => seen.push('success'), fail: (r: unknown) => seen.push(['fail', r]), complete: (r: unknown) => seen.push(['complete', r]) });
    expect(seen).toEqual([]); // never within the call
    await settle();
    const fail = { errMsg: 'readFile:fail not supported in this desktop shell' };
    expect(seen).toEqual([['fail', fail], ['complete', fail]]);
    expect(() => fs['readFileSync']!('wxfile://usr/a.txt')).toThrow('readFileSync:fail not supported in this desktop shell');
  });
});
