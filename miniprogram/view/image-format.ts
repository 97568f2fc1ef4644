/**
 * What wx.getImageInfo tells from an image's bytes alone: its format (by signature, whatever the file is
 * called) and, for a JPEG, the EXIF orientation the camera wrote. Pure, so unit tests drive it in Node.
 */

/**
 * The bytes of a data: URL (base64 or percent-encoded), or undefined when it is not one: read here rather
 * than fetched, since the page's CSP keeps data: out of connect-src (an <img> may show it, fetch may not).
 */
export function dataUrlBytes(url: string): Uint8Array | undefined {
  const match = /^data:([^,]*),(.*)$/is.exec(url);
  if (!match) return undefined;
  const [, meta = '', body = ''] = match;
  try {
    const text = /;base64$/i.test(meta) ? atob(decodeURIComponent(body)) : decodeURIComponent(body);
    return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  } catch {
    return undefined;
  }
}

/** getImageInfo's `type`: WeChat's documented values, plus the other formats a browser decodes */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'tiff' | 'webp' | 'bmp' | 'ico' | 'avif' | 'unknown';

const ascii = (bytes: Uint8Array, at: number, text: string): boolean => {
  if (bytes.length < at + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

export function imageTypeOf(bytes: Uint8Array): ImageType {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 0, 'II*\0') || ascii(bytes, 0, 'MM\0*')) return 'tiff';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (ascii(bytes, 0, 'BM')) return 'bmp';
  if (ascii(bytes, 0, '\0\0\x01\0')) return 'ico';
  if (ascii(bytes, 4, 'ftypavif') || ascii(bytes, 4, 'ftypavis')) return 'avif';
  return 'unknown';
}

/** EXIF orientation 1..8 as WeChat names them; 1, absent or anything else is 'up' */
const ORIENTATIONS = ['up', 'up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** the JPEG segments before the image data: [marker, offset of its 0xFF, length field] */
function* jpegSegments(bytes: Uint8Array, view: DataView): Generator<[number, number, number]> {
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    // start of scan or end of image: no metadata after this
    if (marker === 0xda || marker === 0xd9) return;
    const length = view.getUint16(at + 2);
    if (length < 2) return;
    yield [marker, at, length];
    at += 2 + length;
  }
}

/**
 * A JPEG's size as stored, from its start-of-frame segment: what getImageInfo reports ("不考虑旋转"), where a
 * browser's decoder turns an image with EXIF orientation 5..8 on its side. Undefined when there is none.
 */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (imageTypeOf(bytes) !== 'jpeg') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [marker, at] of jpegSegments(bytes, view)) {
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range
    const frame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (frame && at + 9 <= bytes.length) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
  }
  return undefined;
}

/**
 * The Orientation tag (0x0112) of IFD0 in a JPEG's APP1 "Exif" segment: walks the markers before the image
 * data, then reads the TIFF header's byte order. Anything truncated or malformed answers 'up'.
 */
export function jpegOrientation(bytes: Uint8Array): Orientation {
  if (imageTypeOf(bytes) !== 'jpeg') return 'up';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [marker, at, length] of jpegSegments(bytes, view)) {
    if (marker === 0xe1 && ascii(bytes, at + 4, 'Exif\0\0')) return tiffOrientation(view, at + 10, Math.min(at + 2 + length, bytes.length));
  }
  return 'up';
}

function tiffOrientation(view: DataView, tiff: number, end: number): Orientation {
  if (tiff + 8 > end) return 'up';
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return 'up';
  const little = order === 0x4949;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 'up';
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    if (view.getUint16(entry, little) !== 0x0112) continue;
    // type SHORT (3): the value sits in the first two bytes of the value field
    const value = view.getUint16(entry + 8, little);
    return ORIENTATIONS[value] ?? 'up';
  }
  return 'up';
}
