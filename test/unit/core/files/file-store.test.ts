import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceApisDeps } from '../../../../core/contracts/device-host';
import { createTempFiles } from '../../../../core/network/temp-files';
import { openSqliteDataStore } from '../../../../core/persistence/sqlite-data-store';
import { testRuntime } from '../../../support/test-runtime';
import { memoryData } from '../../../support/memory-data';
import { manifest, tempDir, writePackage } from '../../../support/packages';
import { failureOf, harness, resultOf } from '../dispatcher/harness';

const USR = 'wxfile://usr';

async function withTempFiles() {
  const tempFiles = createTempFiles(join(await tempDir(), 'tmp'));
  const device: DeviceApisDeps = {
    host: { writeClipboard: async () => {}, readClipboard: async () => '', pickImages: async () => null },
    tempFiles,
    toast: () => {},
    permissionsChanged: () => {},
  };
  /** a temp file of `appId` as downloadFile leaves one */
  const download = (appId: string, name: string, content: string): string => {
    const made = tempFiles.create(appId, name);
    writeFileSync(made.file, content);
    return made.url;
  };
  return { device, download };
}

describe('the file store (core/files on the SQLite data store)', () => {
  it('refuses a write past the quota with WeChat\'s errMsg and errno 1300202, and keeps what was there', async () => {
    const h = harness({ fileStorageLimitBytes: 10 });
    resultOf(await h.call('writeFile', { filePath: `${USR}/a.txt`, data: '12345678' }));
    expect(failureOf(await h.call('appendFile', { filePath: `${USR}/a.txt`, data: '9ab' }))).toEqual({
      errMsg: 'appendFile:fail the maximum size of the file storage limit is exceeded',
      errno: 1300202,
    });
    expect(failureOf(await h.call('writeFile', { filePath: `${USR}/b.txt`, data: '123' })).errno).toBe(1300202);
    // replacing a file only counts the difference
    resultOf(await h.call('writeFile', { filePath: `${USR}/a.txt`, data: '0123456789' }));
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/a.txt`, encoding: 'utf8' })).data).toBe('0123456789');
    // other apps have their own quota
    resultOf(await h.call('writeFile', { filePath: `${USR}/b.txt`, data: '0123456789' }, h.callerB));
  });

  it('a write the disk cannot take fails clearly and leaves the old content whole', async () => {
    const data = memoryData();
    const h = harness({ data });
    resultOf(await h.call('writeFile', { filePath: `${USR}/doc.txt`, data: 'version 1' }));
    data.freezeSizeForFaultInjection();
    expect(failureOf(await h.call('writeFile', { filePath: `${USR}/doc.txt`, data: 'v2 '.repeat(200_000) })).errMsg).toBe(
      'writeFile:fail disk full: the shell could not save this, nothing was changed',
    );
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/doc.txt`, encoding: 'utf8' })).data).toBe('version 1');
  });

  it('files survive closing and reopening the database file', async () => {
    const file = join(await tempDir(), 'superapp-data.db');
    const first = openSqliteDataStore(file);
    const h1 = harness({ data: first as never });
    resultOf(await h1.call('mkdir', { dirPath: `${USR}/keep` }));
    resultOf(await h1.call('writeFile', { filePath: `${USR}/keep/me.txt`, data: 'still here' }));
    first.close();

    const second = openSqliteDataStore(file);
    const h2 = harness({ data: second as never });
    expect(resultOf(await h2.call('readFile', { filePath: `${USR}/keep/me.txt`, encoding: 'utf8' })).data).toBe('still here');
    expect(resultOf(await h2.call('readdir', { dirPath: `${USR}/keep` })).files).toEqual(['me.txt']);
    second.close();
  });

  it("saveFile moves the app's own temp file into its files; another app's temp file does not exist for it", async () => {
    const { device, download } = await withTempFiles();
    const h = harness({ device });
    const tmp = download('app-a', 'photo.png', 'PNGDATA');
    expect(resultOf(await h.call('getFileInfo', { filePath: tmp }))).toMatchObject({ size: 7 });
    expect(failureOf(await h.call('readFile', { filePath: tmp }, h.callerB))).toEqual({ errMsg: `readFile:fail no such file or directory, open ${tmp}`, errno: 1300002 });
    expect(failureOf(await h.call('saveFile', { tempFilePath: tmp }, h.callerB))).toEqual({ errMsg: 'saveFile:fail tempFilePath file not exist', errno: 1300002 });

    const saved = resultOf(await h.call('saveFile', { tempFilePath: tmp })).savedFilePath as string;
    expect(saved).toMatch(/^wxfile:\/\/store_[0-9a-f]{32}\.png$/);
    expect(resultOf(await h.call('readFile', { filePath: saved, encoding: 'utf8' })).data).toBe('PNGDATA');
    // moved: the temp path is gone
    expect(failureOf(await h.call('getFileInfo', { filePath: tmp }))).toEqual({ errMsg: 'getFileInfo:fail file not exist', errno: 1300002 });
    const list = resultOf(await h.call('getSavedFileList', {})).fileList as Array<Record<string, unknown>>;
    expect(list).toEqual([{ filePath: saved, size: 7, createTime: expect.any(Number) }]);
    expect(resultOf(await h.call('getSavedFileList', {}, h.callerB)).fileList).toEqual([]);
    resultOf(await h.call('removeSavedFile', { filePath: saved }));
    expect(failureOf(await h.call('removeSavedFile', { filePath: saved }))).toEqual({ errMsg: 'removeSavedFile:fail file not exist', errno: 1300002 });

    // with filePath, under the app's own folder
    const second = download('app-a', 'doc.txt', 'text');
    expect(resultOf(await h.call('saveFile', { tempFilePath: second, filePath: `${USR}/doc.txt` })).savedFilePath).toBe(`${USR}/doc.txt`);
    expect(resultOf(await h.call('readFile', { filePath: `${USR}/doc.txt`, encoding: 'utf8' })).data).toBe('text');
  });

  it('uninstall deletes the app\'s files (a new app under the same id starts with none)', async () => {
    const { runtime } = await testRuntime();
    const pkg = async () => writePackage(await tempDir(), { 'manifest.json': JSON.stringify(manifest({ appId: 'notes' })), 'index.html': '' });
    await runtime.service.handle('install', { source: await pkg() });
    const first = (await runtime.service.handle('launch', { appId: 'notes' })) as { viewId: number };
    expect(await runtime.dispatchFromView(first.viewId, { v: 1, id: 1, api: 'writeFile', params: { filePath: `${USR}/diary.txt`, data: 'private' } })).toMatchObject({ ok: true });
    await runtime.service.handle('uninstall', { appId: 'notes' });

    await runtime.service.handle('install', { source: await pkg() });
    const again = (await runtime.service.handle('launch', { appId: 'notes' })) as { viewId: number };
    expect(await runtime.dispatchFromView(again.viewId, { v: 1, id: 2, api: 'readdir', params: { dirPath: USR } })).toMatchObject({ ok: true, result: { files: [] } });
    expect(await runtime.dispatchFromView(again.viewId, { v: 1, id: 3, api: 'readFile', params: { filePath: `${USR}/diary.txt` } })).toMatchObject({
      ok: false,
      errMsg: `readFile:fail no such file or directory, open ${USR}/diary.txt`,
    });
  });
});
