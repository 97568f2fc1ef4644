import { describe, expect, it } from 'vitest';
import { harness } from '../core/dispatcher/harness';
import { settle } from './support/harness';
import { runProject } from './support/run-project';

/** A WeChat-format page that keeps a note in its own files, through a real shell (dispatcher + data store). */
const PAGE_JS = `
const fs = wx.getFileSystemManager();
const dir = wx.env.USER_DATA_PATH + '/notes';
Page({
  data: { note: 'loading', bytes: '', kind: '', names: '', error: '' },
  onLoad() {
    const fail = (e) => this.setData({ error: e.errMsg });
    fs.mkdir({ dirPath: dir, recursive: true, fail, success: () => {
      fs.writeFile({ filePath: dir + '/today.txt', data: 'Tea at five', encoding: 'utf8', fail, success: () => {
        fs.readFile({ filePath: dir + '/today.txt', encoding: 'utf8', fail, success: (res) => this.setData({ note: res.data }) });
        fs.stat({ path: dir + '/today.txt', fail, success: (res) => this.setData({ kind: res.stats.isFile() ? 'file' : 'not a file' }) });
      } });
      fs.writeFile({ filePath: dir + '/raw.bin', data: new Uint8Array([1, 2, 255]).buffer, fail, success: () => {
        fs.readFile({ filePath: dir + '/raw.bin', fail, success: (res) => this.setData({ bytes: (res.data instanceof ArrayBuffer ? 'ArrayBuffer ' : typeof res.data + ' ') + new Uint8Array(res.data).join(',') }) });
      } });
    } });
    fs.readFile({ filePath: wx.env.USER_DATA_PATH + '/../escape.txt', fail, success: () => this.setData({ error: 'read outside its folder' }) });
  },
  list() {
    fs.readdir({ dirPath: dir, success: (res) => this.setData({ names: res.files.join(' ') }) });
  },
});
`;

const WXML = `<view id="note">{{note}}</view><view id="bytes">{{bytes}}</view><view id="kind">{{kind}}</view>
<view id="error">{{error}}</view><view id="list" bindtap="list">{{names}}</view>`;

describe('wx.getFileSystemManager in a WeChat-format app, against the real host', () => {
  it('a page writes a file in onLoad, reads it back and shows it; binary data round-trips as an ArrayBuffer', async () => {
    const host = harness();
    const app = await runProject(
      { 'pages/index/index.wxml': WXML, 'pages/index/index.js': PAGE_JS },
      { request: (msg) => host.shell.dispatch(msg, host.callerA) },
    );
    await settle(40);
    const text = (id: string) => app.view.html(app.view.findById(id));
    expect(text('note')).toBe('Tea at five');
    expect(text('bytes')).toBe('ArrayBuffer 1,2,255');
    expect(text('kind')).toBe('file');
    // the escape was refused with WeChat's permission errMsg
    expect(text('error')).toBe('readFile:fail permission denied, open wxfile://usr/../escape.txt');
    app.tap('list');
    await settle(40);
    expect(text('list')).toBe('raw.bin today.txt');
  });

  it('a write larger than one bridge call fails saying so, and nothing is written', async () => {
    const host = harness();
    const app = await runProject({ 'pages/index/index.wxml': '<view/>', 'pages/index/index.js': 'Page({})' }, { request: (msg) => host.shell.dispatch(msg, host.callerA) });
    await settle();
    const fs = (app.runtime.wx as { getFileSystemManager(): Record<string, (o: Record<string, unknown>) => void> }).getFileSystemManager();
    const seen: Array<{ errMsg: string }> = [];
    fs['writeFile']!({ filePath: 'wxfile://usr/big.txt', data: 'x'.repeat(1100 * 1024), fail: (r: { errMsg: string }) => seen.push(r) });
    fs['access']!({ path: 'wxfile://usr/big.txt', fail: (r: { errMsg: string }) => seen.push(r) });
    await settle();
    expect(seen[0]!.errMsg).toMatch(/^writeFile:fail data too large: \d+ bytes to send, this desktop shell carries at most \d+ bytes per call; write the rest with appendFile$/);
    expect(seen[1]!.errMsg).toBe('access:fail no such file or directory wxfile://usr/big.txt');
  });

  it('has the manager and WeChat\'s four wx-level file APIs, not wx.readFile; Sync forms throw saying what to use; canIUse is honest', async () => {
    const app = await runProject({ 'pages/index/index.wxml': '<view/>', 'pages/index/index.js': 'Page({})' });
    await settle();
    const wx = app.runtime.wx as Record<string, unknown> & { getFileSystemManager(): Record<string, (...a: unknown[]) => unknown>; canIUse(s: string): boolean };
    expect(wx['readFile']).toBeUndefined();
    expect(wx['writeFile']).toBeUndefined();
    for (const name of ['saveFile', 'getSavedFileList', 'removeSavedFile', 'getFileInfo']) expect(typeof wx[name]).toBe('function');
    const fs = wx.getFileSystemManager();
    expect(wx.getFileSystemManager()).toBe(fs);
    expect(typeof fs['readFile']).toBe('function');
    expect(wx['env']).toEqual({ USER_DATA_PATH: 'wxfile://usr' });
    expect(wx.canIUse('getFileSystemManager')).toBe(true);
    expect(() => fs['readFileSync']!('wxfile://usr/a.txt')).toThrow('readFileSync:fail not supported in this desktop shell; use readFile');
    expect(() => fs['openSync']!({ filePath: 'wxfile://usr/a.txt' })).toThrow(/^openSync:fail not supported in this desktop shell$/);
    const seen: unknown[] = [];
    fs['unzip']!({ zipFilePath: 'wxfile://usr/a.zip', targetPath: 'wxfile://usr', fail: (r: unknown) => seen.push(r) });
    await settle();
    expect(seen).toEqual([{ errMsg: 'unzip:fail not supported in this desktop shell' }]);
  });
});
