import { describe, expect, it } from 'vitest';
import { TEMP_WRITE_CHUNK_BYTES, TEMP_WRITE_MAX_BYTES } from '../../../core/contracts/temp-write-limits';
import { piecesOf, storeTempImage, type HostCall } from '../../../miniprogram/logic/canvas-temp-file';
import { RuntimeApiError } from '../../../miniprogram/logic/runtime-apis';

const PATH = '/__superapp__/tmp/tmp_0123456789abcdef0123456789abcdef.png';

/** a host that records each __writeTempFile call and answers as core/files/temp-writes.ts does */
function fakeHost(failAt?: number, errMsg = '__writeTempFile:fail no space left on device: 9 bytes could not be stored') {
  const calls: Array<{ api: string; params: Record<string, unknown> }> = [];
  const call: HostCall = async (api, params) => {
    calls.push({ api, params });
    if (calls.length === failAt) throw { errMsg };
    return { tempFilePath: PATH, size: 0, errMsg: `${api}:ok` };
  };
  return { calls, call };
}

describe('canvasToTempFilePath\'s image stored through the host (logic/canvas-temp-file.ts)', () => {
  it('cuts the bytes into pieces one bridge request carries, and an empty image into one empty piece', () => {
    const bytes = new Uint8Array(TEMP_WRITE_CHUNK_BYTES * 2 + 5);
    expect(piecesOf(bytes).map((p) => p.byteLength)).toEqual([TEMP_WRITE_CHUNK_BYTES, TEMP_WRITE_CHUNK_BYTES, 5]);
    expect(piecesOf(new Uint8Array(0)).map((p) => p.byteLength)).toEqual([0]);
  });

  it('a small image is one call: base64 data, its file type, finished', async () => {
    const host = fakeHost();
    expect(await storeTempImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'png', host.call)).toBe(PATH);
    expect(host.calls).toEqual([{ api: '__writeTempFile', params: { data: 'iVBORw==', fileType: 'png', last: true } }]);
  });

  it('a large one goes in order, each later piece naming the file the first one made', async () => {
    const host = fakeHost();
    await storeTempImage(new Uint8Array(TEMP_WRITE_CHUNK_BYTES + 3).fill(1), 'jpg', host.call);
    expect(host.calls.map((c) => [c.params['fileType'], c.params['last'], c.params['tempFilePath']])).toEqual([
      ['jpg', false, undefined],
      ['jpg', true, PATH],
    ]);
    expect(host.calls[1]!.params['data']).toBe('AQEB');
  });

  it('a host failure becomes the reason of canvasToTempFilePath:fail, and the unfinished file is discarded', async () => {
    const host = fakeHost(2);
    const failure = await storeTempImage(new Uint8Array(TEMP_WRITE_CHUNK_BYTES + 3), 'png', host.call).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RuntimeApiError);
    expect((failure as RuntimeApiError).reason).toBe('no space left on device: 9 bytes could not be stored');
    expect(host.calls[2]).toEqual({ api: '__writeTempFile', params: { data: '', fileType: 'png', tempFilePath: PATH, discard: true } });
  });

  it('an image over the limit fails before anything is sent', async () => {
    const host = fakeHost();
    const failure = await storeTempImage(new Uint8Array(TEMP_WRITE_MAX_BYTES + 1), 'png', host.call).catch((e: unknown) => e);
    expect((failure as RuntimeApiError).reason).toBe(`file too large: the image is ${TEMP_WRITE_MAX_BYTES + 1} bytes, a temp file may hold at most 64 MB`);
    expect(host.calls).toEqual([]);
  });
});
