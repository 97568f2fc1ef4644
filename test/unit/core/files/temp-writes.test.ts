import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceApisDeps } from '../../../../core/contracts/device-host';
import { TEMP_WRITE_CHUNK_BYTES, TEMP_WRITE_MAX_UNFINISHED } from '../../../../core/contracts/temp-write-limits';
import { createTempFiles } from '../../../../core/network/temp-files';
import { createTempWrites } from '../../../../core/files/temp-writes';
import { tempDir } from '../../../support/packages';
import { failureOf, harness, resultOf } from '../dispatcher/harness';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

async function withTempArea() {
  const root = join(await tempDir(), 'tmp');
  const tempFiles = createTempFiles(root);
  const device: DeviceApisDeps = {
    host: { writeClipboard: async () => {}, readClipboard: async () => '', pickImages: async () => null },
    tempFiles,
    toast: () => {},
    permissionsChanged: () => {},
  };
  /** the files an app has in the temp area */
  const filesOf = (appId: string): string[] => {
    try {
      return readdirSync(join(root, appId));
    } catch {
      return [];
    }
  };
  return { tempFiles, device, filesOf };
}

describe('__writeTempFile: canvasToTempFilePath\'s image into the app\'s temp area (core/files/temp-writes.ts)', () => {
  it('makes a temp path the file APIs read back, for its own app only', async () => {
    const { device } = await withTempArea();
    const h = harness({ device });
    const written = resultOf(await h.call('__writeTempFile', { data: b64(PNG_HEAD), fileType: 'png' }));
    expect(written).toEqual({ tempFilePath: expect.stringMatching(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/), size: 8, errMsg: '__writeTempFile:ok' });
    const path = written['tempFilePath'] as string;
    expect(resultOf(await h.call('readFile', { filePath: path, encoding: 'base64' }))).toEqual({ data: b64(PNG_HEAD), errMsg: 'readFile:ok' });
    expect(resultOf(await h.call('getFileInfo', { filePath: path }))).toMatchObject({ size: 8 });
    expect(failureOf(await h.call('readFile', { filePath: path }, h.callerB)).errMsg).toBe(`readFile:fail no such file or directory, open ${path}`);
    // a jpg is named as one
    expect(resultOf(await h.call('__writeTempFile', { data: b64('jpeg'), fileType: 'jpg' }))['tempFilePath']).toMatch(/\.jpg$/);
  });

  it('takes an image in pieces, appending only to the unfinished file of the same app', async () => {
    const { device } = await withTempArea();
    const h = harness({ device });
    const first = resultOf(await h.call('__writeTempFile', { data: b64('abc'), fileType: 'png', last: false }));
    const path = first['tempFilePath'] as string;
    // another app cannot add to it
    expect(failureOf(await h.call('__writeTempFile', { data: b64('zzz'), fileType: 'png', tempFilePath: path }, h.callerB)).errMsg).toBe(
      `__writeTempFile:fail file not found: ${path} is not a temp file this app is still writing`,
    );
    expect(resultOf(await h.call('__writeTempFile', { data: b64('def'), fileType: 'png', tempFilePath: path, last: false }))).toMatchObject({ tempFilePath: path, size: 6 });
    expect(resultOf(await h.call('__writeTempFile', { data: b64('g'), fileType: 'png', tempFilePath: path }))).toMatchObject({ tempFilePath: path, size: 7 });
    expect(resultOf(await h.call('readFile', { filePath: path, encoding: 'utf8' }))['data']).toBe('abcdefg');
    // once finished it is closed: no more pieces
    expect(failureOf(await h.call('__writeTempFile', { data: b64('h'), fileType: 'png', tempFilePath: path })).errMsg).toContain('is not a temp file this app is still writing');
  });

  it('an app may leave at most TEMP_WRITE_MAX_UNFINISHED files unfinished; another app is not held back by it', async () => {
    const { device } = await withTempArea();
    const h = harness({ device });
    const begun = [];
    for (let i = 0; i < TEMP_WRITE_MAX_UNFINISHED; i++) begun.push(resultOf(await h.call('__writeTempFile', { data: b64('a'), fileType: 'png', last: false }))['tempFilePath'] as string);
    expect(failureOf(await h.call('__writeTempFile', { data: b64('a'), fileType: 'png', last: false })).errMsg).toBe(
      `__writeTempFile:fail too many unfinished temp files: ${TEMP_WRITE_MAX_UNFINISHED} are being written, finish or discard one first`,
    );
    expect(resultOf(await h.call('__writeTempFile', { data: b64('b'), fileType: 'png' }, h.callerB))['size']).toBe(1);
    // finishing one makes room again
    await h.call('__writeTempFile', { data: b64('z'), fileType: 'png', tempFilePath: begun[0] });
    expect(resultOf(await h.call('__writeTempFile', { data: b64('a'), fileType: 'png' }))['size']).toBe(1);
  });

  it('refuses a piece larger than one bridge request may carry, and what is not base64', async () => {
    const { device } = await withTempArea();
    const h = harness({ device });
    const tooBig = 'A'.repeat((Math.ceil(TEMP_WRITE_CHUNK_BYTES / 3) + 1) * 4);
    expect(failureOf(await h.call('__writeTempFile', { data: tooBig, fileType: 'png' })).errMsg).toContain('__writeTempFile:fail parameter error');
    expect(failureOf(await h.call('__writeTempFile', { data: 'not base64!', fileType: 'png' })).errMsg).toContain('data must be base64');
    expect(failureOf(await h.call('__writeTempFile', { data: '', fileType: 'gif' })).errMsg).toContain('__writeTempFile:fail parameter error');
  });

  it('over the size limit: a clear failure and the file is gone', async () => {
    const { tempFiles, filesOf } = await withTempArea();
    const writes = createTempWrites(tempFiles, { maxBytes: 10 });
    const { tempFilePath } = await writes.write('app-a', { data: b64('12345678'), fileType: 'png', last: false });
    expect(filesOf('app-a')).toHaveLength(1);
    await expect(writes.write('app-a', { data: b64('9abc'), fileType: 'png', tempFilePath, last: true })).rejects.toMatchObject({
      reason: 'file too large: more than 10 bytes, the most one temp file may hold',
    });
    expect(filesOf('app-a')).toEqual([]);
    expect(await tempFiles.resolve('app-a', tempFilePath)).toBeUndefined();
  });

  it('a full disk: a clear failure and nothing left behind', async () => {
    const { tempFiles, filesOf } = await withTempArea();
    let calls = 0;
    const writes = createTempWrites(tempFiles, {
      append: async (file, bytes) => {
        if (++calls === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const { appendFile } = await import('node:fs/promises');
        await appendFile(file, bytes);
      },
    });
    const { tempFilePath } = await writes.write('app-a', { data: b64('first piece'), fileType: 'png', last: false });
    await expect(writes.write('app-a', { data: b64('second'), fileType: 'png', tempFilePath, last: true })).rejects.toMatchObject({
      reason: 'no space left on device: 17 bytes could not be stored',
    });
    expect(filesOf('app-a')).toEqual([]);
  });

  it('discards an unfinished file the page could not complete', async () => {
    const { tempFiles, filesOf } = await withTempArea();
    const writes = createTempWrites(tempFiles);
    const { tempFilePath } = await writes.write('app-a', { data: b64('part'), fileType: 'png', last: false });
    await writes.write('app-a', { data: '', fileType: 'png', tempFilePath, last: true, discard: true });
    expect(filesOf('app-a')).toEqual([]);
  });
});
