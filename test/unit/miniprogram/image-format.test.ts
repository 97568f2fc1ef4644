import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataUrlBytes, imageTypeOf, jpegOrientation, jpegSize } from '../../../miniprogram/view/image-format';
import { packagePath } from '../../../miniprogram/logic/image-info';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** a JPEG's start, an APP1 Exif segment holding one IFD0 entry (Orientation = `value`), then a frame header */
function exifJpeg(value: number, little: boolean, frame = [0xff, 0xc0, 0, 11, 8, 0, 4, 0, 6, 1, 1, 0x11, 0]): Uint8Array {
  const u16 = (n: number) => (little ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
  const u32 = (n: number) => (little ? [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24] : [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
  const tiff = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(value), 0, 0, ...u32(0)];
  const payload = [...bytes('Exif\0\0'), ...tiff];
  const length = payload.length + 2;
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...payload, ...frame, 0xff, 0xda, 0, 2]);
}

describe('imageTypeOf: the format by signature, whatever the name', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes('\x89PNG\r\n\x1a\n')],
    ['gif', bytes('GIF89a')],
    ['gif', bytes('GIF87a')],
    ['tiff', bytes('II*\0')],
    ['tiff', bytes('MM\0*')],
    ['webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['bmp', bytes('BM')],
    ['avif', bytes([0, 0, 0, 0x1c], 'ftypavif')],
    ['unknown', bytes('these are notes')],
    ['unknown', bytes()],
    ['unknown', bytes('RIFF', [0, 0, 0, 0], 'WAVE')],
  ])('%s', (type, data) => expect(imageTypeOf(data)).toBe(type));

  it('the fixture images', () => {
    const dir = join(__dirname, '../../fixtures/wechat/image-info/images');
    expect(imageTypeOf(readFileSync(join(dir, 'badge.png')))).toBe('png');
    expect(imageTypeOf(readFileSync(join(dir, 'rotated.jpg')))).toBe('jpeg');
    expect(imageTypeOf(readFileSync(join(dir, 'notes.png')))).toBe('unknown');
  });
});

describe('jpegOrientation: EXIF Orientation by WeChat name', () => {
  const names = ['up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left'];
  it.each(names.map((name, i) => [i + 1, name] as const))('%i is %s, in either byte order', (value, name) => {
    expect(jpegOrientation(exifJpeg(value, false))).toBe(name);
    expect(jpegOrientation(exifJpeg(value, true))).toBe(name);
  });

  it('no Exif, an unknown value, a truncated segment or not a JPEG: up', () => {
    expect(jpegOrientation(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0, 0xff, 0xda]))).toBe('up');
    expect(jpegOrientation(exifJpeg(9, false))).toBe('up');
    expect(jpegOrientation(exifJpeg(6, false).subarray(0, 20))).toBe('up');
    expect(jpegOrientation(bytes('\x89PNG\r\n\x1a\n'))).toBe('up');
  });

  it('the fixture JPEG says right (6)', () => {
    expect(jpegOrientation(readFileSync(join(__dirname, '../../fixtures/wechat/image-info/images/rotated.jpg')))).toBe('right');
  });
});

describe('jpegSize: the frame header, as stored', () => {
  it('reads width and height after the Exif segment', () => expect(jpegSize(exifJpeg(6, false))).toEqual({ width: 6, height: 4 }));
  it('a progressive frame (SOF2) too; DHT (C4) is not a frame', () => {
    const sof2 = [0xff, 0xc2, 0, 11, 8, 1, 0, 2, 0, 1, 1, 0x11, 0];
    expect(jpegSize(exifJpeg(1, true, sof2))).toEqual({ width: 512, height: 256 });
    expect(jpegSize(exifJpeg(1, true, [0xff, 0xc4, 0, 11, 8, 1, 0, 2, 0, 1, 1, 0x11, 0]))).toBeUndefined();
  });
});

describe('packagePath: src as the calling page names it', () => {
  it.each([
    ['/images/a.png', 'pages/index/index', '/images/a.png'],
    ['images/a.png', 'pages/index/index', '/pages/index/images/a.png'],
    ['../../images/a.png', 'pages/index/index', '/images/a.png'],
    ['./a.png?v=2', 'pages/p/p', '/pages/p/a.png'],
  ])('%s from %s', (src, route, path) => expect(packagePath(src, route)).toBe(path));
});

describe('dataUrlBytes', () => {
  it('base64 and percent-encoded bodies; not a data: URL is undefined', () => {
    expect(dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')).toEqual(bytes('\x89PNG\r\n\x1a\n'));
    expect(dataUrlBytes('data:image/svg+xml,%3Csvg%3E')).toEqual(bytes('<svg>'));
    expect(dataUrlBytes('data:image/png;base64,***')).toBeUndefined();
    expect(dataUrlBytes('/images/a.png')).toBeUndefined();
  });
});
