import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { failureOf, resultOf } from '../dispatcher/harness';
import { deviceHarness } from './device-harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('wx.chooseImage', () => {
  it('copies the picked images into the app\'s temp area and answers with WeChat\'s tempFilePaths and tempFiles', async () => {
    const { h, state, tempFiles, file } = await deviceHarness();
    state.nextPick = [await file('cat.png', PNG), await file('dog.JPG', 'jpeg-bytes')];
    const result = resultOf(await h.call('chooseImage', { count: 2 }));
    const paths = result['tempFilePaths'] as string[];
    expect(paths).toHaveLength(2);
    expect(paths[0]).toMatch(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.png$/);
    expect(paths[1]).toMatch(/^\/__superapp__\/tmp\/tmp_[0-9a-f]{32}\.jpg$/);
    expect(result).toEqual({ tempFilePaths: paths, tempFiles: [{ path: paths[0], size: PNG.length }, { path: paths[1], size: 10 }], errMsg: 'chooseImage:ok' });
    expect(state.picks).toEqual([{ api: 'chooseImage', count: 2 }]);
    // the app's own copy, readable by it and by no other app
    const own = await tempFiles.resolve('app-a', paths[0]!);
    expect(await readFile(own!)).toEqual(PNG);
    expect(await tempFiles.resolve('app-b', paths[0]!)).toBeUndefined();
    expect(state.released).toBe(1);
  });

  it('defaults count to 9 and passes it to the chooser; a cancel is "chooseImage:fail cancel"', async () => {
    const { h, state } = await deviceHarness();
    state.nextPick = null;
    expect(failureOf(await h.call('chooseImage'))).toEqual({ errMsg: 'chooseImage:fail cancel' });
    expect(state.picks).toEqual([{ api: 'chooseImage', count: 9 }]);
  });

  it('refuses more files than count, a file that is not an image, and one past the size cap, naming the file', async () => {
    const { h, state, file } = await deviceHarness(1024 * 1024);
    state.nextPick = [await file('a.png', PNG), await file('b.png', PNG)];
    expect(failureOf(await h.call('chooseImage', { count: 1 })).errMsg).toBe('chooseImage:fail too many files: 2 chosen, count allows 1');
    state.nextPick = [await file('notes.txt', 'hello')];
    expect(failureOf(await h.call('chooseImage', { count: 1 })).errMsg).toBe('chooseImage:fail not an image: "notes.txt" (choose png, jpg, jpeg, gif, webp, bmp)');
    state.nextPick = [await file('huge.png', Buffer.alloc(3 * 1024 * 1024))];
    expect(failureOf(await h.call('chooseImage', { count: 1 })).errMsg).toBe('chooseImage:fail file too large: "huge.png" is 3 MB; each file may be at most 1 MB');
    // the host's picked files are released even when refused
    expect(state.released).toBe(3);
  });

  it('camera only fails clearly (no camera on this desktop); album with camera opens the chooser', async () => {
    const { h, state, file } = await deviceHarness();
    expect(failureOf(await h.call('chooseImage', { sourceType: ['camera'] }))).toEqual({
      errMsg: "chooseImage:fail not supported: this desktop shell has no camera; allow sourceType 'album' to choose from files",
      errno: 2,
    });
    expect(state.picks).toEqual([]);
    state.nextPick = [await file('a.png', PNG)];
    expect(resultOf(await h.call('chooseImage', { sourceType: ['camera', 'album'], sizeType: ['compressed'] }))['errMsg']).toBe('chooseImage:ok');
  });

  it('checks parameters as WeChat words them', async () => {
    const { h } = await deviceHarness();
    expect(failureOf(await h.call('chooseImage', { count: '2' })).errMsg).toBe('chooseImage:fail parameter error: parameter.count should be Number instead of String;');
    expect(failureOf(await h.call('chooseImage', { count: 10 })).errMsg).toMatch(/^chooseImage:fail parameter error: parameter\.count /);
    expect(failureOf(await h.call('chooseImage', { sourceType: ['scanner'] })).errMsg).toMatch(/^chooseImage:fail parameter error: parameter\.sourceType\[0\] /);
  });
});

describe('wx.chooseMedia', () => {
  it('answers tempFiles with tempFilePath, size, fileType and the pixel size the host read, and type "image"', async () => {
    const { h, state, file } = await deviceHarness();
    state.nextPick = [{ ...(await file('cat.webp', PNG)), width: 640, height: 480 }, await file('raw.bmp', 'bm')];
    const result = resultOf(await h.call('chooseMedia', { mediaType: ['image'] }));
    const files = result['tempFiles'] as Array<{ tempFilePath: string }>;
    expect(result).toEqual({
      tempFiles: [
        { tempFilePath: files[0]!.tempFilePath, size: PNG.length, fileType: 'image', width: 640, height: 480 },
        { tempFilePath: files[1]!.tempFilePath, size: 2, fileType: 'image' },
      ],
      type: 'image',
      errMsg: 'chooseMedia:ok',
    });
    expect(state.picks).toEqual([{ api: 'chooseMedia', count: 9 }]);
  });

  it('video only is not supported; a cancel is "chooseMedia:fail cancel"', async () => {
    const { h, state } = await deviceHarness();
    expect(failureOf(await h.call('chooseMedia', { mediaType: ['video'] }))).toEqual({
      errMsg: "chooseMedia:fail not supported: this shell chooses images only; include 'image' in mediaType",
      errno: 2,
    });
    state.nextPick = null;
    expect(failureOf(await h.call('chooseMedia', { count: 20 }))).toEqual({ errMsg: 'chooseMedia:fail cancel' });
    expect(state.picks).toEqual([{ api: 'chooseMedia', count: 20 }]);
  });
});
