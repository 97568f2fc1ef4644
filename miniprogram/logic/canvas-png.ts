import { encode } from 'fast-png';

/**
 * PNG bytes for Canvas.toDataURL: an OffscreenCanvas only encodes asynchronously (convertToBlob), while
 * WeChat's toDataURL returns the string at once, so the pixels getImageData gives (RGBA, not premultiplied,
 * as PNG wants) are encoded here, synchronously, by fast-png (zlib through fflate).
 */
export function encodePng(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
  return encode({ width, height, data: rgba, channels: 4, depth: 8 });
}

/** a data: URL of the bytes (btoa takes a binary string; built in slices so large images do not overflow the stack) */
export function dataUrl(mime: string, bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${mime};base64,${btoa(binary)}`;
}
