import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { dataUrl, encodePng } from '../../../miniprogram/logic/canvas-png';

/** the chunks of a PNG file by type (checked by a reader that is not the encoder: Node's zlib) */
function chunks(png: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(png);
  const out = new Map<string, Buffer>();
  for (let o = 8; o < buf.length; ) {
    const length = buf.readUInt32BE(o);
    const type = buf.toString('latin1', o + 4, o + 8);
    out.set(type, Buffer.concat([out.get(type) ?? Buffer.alloc(0), buf.subarray(o + 8, o + 8 + length)]));
    o += 12 + length;
  }
  return out;
}

/** the scanlines of an unfiltered (filter type 0 on every row) 8-bit RGBA PNG, as pixels */
function pixels(png: Uint8Array, width: number): number[] {
  const raw = inflateSync(chunks(png).get('IDAT')!);
  const row = width * 4 + 1;
  const out: number[] = [];
  for (let o = 0; o < raw.length; o += row) {
    expect(raw[o]).toBe(0);
    out.push(...raw.subarray(o + 1, o + row));
  }
  return out;
}

describe("Canvas.toDataURL's PNG (logic/canvas-png.ts)", () => {
  it('is a PNG of the size as 8-bit RGBA whose pixels are the canvas pixels, transparency kept', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const png = encodePng(3, 2, rgba);
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunks(png).get('IHDR')!;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 6]);
    expect(pixels(png, 3)).toEqual(Array.from(rgba));
  });

  it('dataUrl: base64 of the bytes after the mime type', () => {
    expect(dataUrl('image/png', new Uint8Array([1, 2, 3, 250]))).toBe(`data:image/png;base64,${Buffer.from([1, 2, 3, 250]).toString('base64')}`);
  });
});
