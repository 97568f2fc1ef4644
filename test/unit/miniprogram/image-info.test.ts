import { describe, expect, it } from 'vitest';
import { registerImageInfo, type ImageInfoDeps } from '../../../miniprogram/logic/image-info';
import { RuntimeApis } from '../../../miniprogram/logic/runtime-apis';
import type { ViewCalls } from '../../../miniprogram/logic/view-calls';

/** wx.getImageInfo with a fake view (answers a 4x2 png) and a fake host, recording what each was asked */
function setup(overrides: Partial<ImageInfoDeps> = {}) {
  const asked: Array<Record<string, unknown>> = [];
  const views = {
    call: async (api: string, params: Record<string, unknown>) => {
      asked.push({ api, ...params });
      return { ok: true, result: { width: 4, height: 2, type: 'png', orientation: 'up', errMsg: `${api}:ok` } };
    },
  } as unknown as ViewCalls;
  const apis = new RuntimeApis();
  registerImageInfo(apis, {
    views,
    route: () => 'pages/shop/item',
    download: async (url) => ({ tempFilePath: '/__superapp__/tmp/tmp_0123456789abcdef0123456789abcdef.png', statusCode: 200, url }),
    readFile: async () => new Uint8Array([1, 2, 3]).buffer,
    ...overrides,
  });
  const call = (options: unknown) => apis.call('getImageInfo', options) as Promise<Record<string, unknown>>;
  return { asked, call };
}

describe('wx.getImageInfo in the logic layer', () => {
  it('a relative package path is read by the view from the calling page, and `path` is where it is', async () => {
    const { asked, call } = setup();
    await expect(call({ src: 'thumb.png' })).resolves.toEqual({ width: 4, height: 2, type: 'png', orientation: 'up', path: '/pages/shop/thumb.png', errMsg: 'getImageInfo:ok' });
    expect(asked).toEqual([{ api: '__imageInfo', src: '/pages/shop/thumb.png' }]);
  });

  it('a network image is downloaded as downloadFile would; `path` is the temp file', async () => {
    const { asked, call } = setup();
    const res = await call({ src: 'https://img.example.com/a.png' });
    expect(res['path']).toBe('/__superapp__/tmp/tmp_0123456789abcdef0123456789abcdef.png');
    expect(asked).toEqual([{ api: '__imageInfo', src: '/__superapp__/tmp/tmp_0123456789abcdef0123456789abcdef.png' }]);
  });

  it("a refused or failed download fails with downloadFile's reason; an HTTP error status fails too", async () => {
    const refused = setup({ download: () => Promise.reject({ errMsg: 'downloadFile:fail url not in domain list' }) });
    await expect(refused.call({ src: 'https://img.example.com/a.png' })).rejects.toEqual({ errMsg: 'getImageInfo:fail download failed: url not in domain list' });
    expect(refused.asked).toEqual([]);
    const missing = setup({ download: async () => ({ tempFilePath: '/__superapp__/tmp/x', statusCode: 404 }) });
    await expect(missing.call({ src: 'http://img.example.com/gone.png' })).rejects.toEqual({ errMsg: 'getImageInfo:fail download failed: HTTP 404' });
  });

  it('a saved file is read through the file store and its bytes go to the view; a missing one fails', async () => {
    const { asked, call } = setup();
    const res = await call({ src: 'wxfile://store_0123456789abcdef0123456789abcdef.png' });
    expect(res['path']).toBe('wxfile://store_0123456789abcdef0123456789abcdef.png');
    expect(asked[0]!['data']).toBeInstanceOf(ArrayBuffer);
    const gone = setup({ readFile: () => Promise.reject({ errMsg: 'readFile:fail no such file or directory, open wxfile://usr/a.png' }) });
    await expect(gone.call({ src: 'wxfile://usr/a.png' })).rejects.toEqual({ errMsg: 'getImageInfo:fail file not found: wxfile://usr/a.png' });
  });

  it("src not a string, or empty: WeChat's parameter error, through fail and complete", async () => {
    const { call } = setup();
    await expect(call({})).rejects.toEqual({ errMsg: 'getImageInfo:fail parameter error: parameter.src should be String instead of Undefined;' });
    await expect(call({ src: '' })).rejects.toEqual({ errMsg: 'getImageInfo:fail invalid src: empty path' });
    const seen: string[] = [];
    await new Promise<void>((done) => call({ src: 7, fail: (e: { errMsg: string }) => seen.push(e.errMsg), complete: () => done() }));
    expect(seen).toEqual(['getImageInfo:fail parameter error: parameter.src should be String instead of Number;']);
  });

  it("the view's failure becomes getImageInfo's", async () => {
    const views = { call: async () => ({ ok: false, result: { errMsg: '__imageInfo:fail not an image: /a.png' } }) } as unknown as ViewCalls;
    const { call } = setup({ views });
    await expect(call({ src: '/a.png' })).rejects.toEqual({ errMsg: 'getImageInfo:fail not an image: /a.png' });
  });
});
