import type { ApiOutcome } from './overlays/page-apis';
import { dataUrlBytes, imageTypeOf, jpegOrientation, jpegSize } from './image-format';

/** src as an errMsg names it: a long data: URL cut short */
const named = (src: string): string => (src.length > 64 ? `${src.slice(0, 61)}...` : src);

const fail = (reason: string): ApiOutcome => ({ ok: false, result: { errMsg: `__imageInfo:fail ${reason}` } });

/** the image's bytes: given by the logic (a saved file it read), a data: URL's, else fetched from the app's own origin */
async function bytesOf(params: Record<string, unknown>, resolveUrl: (path: string) => string): Promise<Uint8Array | string> {
  const data = params['data'];
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const src = String(params['src'] ?? '');
  if (/^data:/i.test(src)) return dataUrlBytes(src) ?? `not an image: ${named(src)}`;
  let response: Response;
  try {
    response = await fetch(resolveUrl(src));
  } catch {
    return `file not found: ${src}`;
  }
  if (!response.ok) return `file not found: ${src}`;
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The view's side of wx.getImageInfo: package paths, temp paths and data: URLs are read here, where the
 * page's CSP and the package's URLs apply (the Worker has no network); the size is what the browser decodes,
 * the type and orientation come from the bytes (image-format.ts).
 */
export function imageInfoCalls(deps: { resolveUrl(path: string): string }): Record<string, (params: Record<string, unknown>) => Promise<ApiOutcome>> {
  return {
    async __imageInfo(params) {
      const bytes = await bytesOf(params, deps.resolveUrl);
      if (typeof bytes === 'string') return fail(bytes);
      const what = named(String(params['src'] ?? ''));
      let bitmap: ImageBitmap;
      try {
        // decoding is what tells an image from other bytes; a JPEG's size is then read as stored (below)
        bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
      } catch {
        return fail(`not an image: ${what}`);
      }
      const decoded = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      const type = imageTypeOf(bytes);
      // "不考虑旋转": the browser turns a JPEG with EXIF orientation 5..8 on its side, the frame header does not
      const { width, height } = (type === 'jpeg' && jpegSize(bytes)) || decoded;
      return { ok: true, result: { width, height, type, orientation: type === 'jpeg' ? jpegOrientation(bytes) : 'up', errMsg: '__imageInfo:ok' } };
    },
  };
}
