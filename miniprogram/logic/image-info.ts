import { typeName } from '../../client/wx/type-name';
import { failReason, RuntimeApiError, type RuntimeApis } from './runtime-apis';
import type { ViewCalls } from './view-calls';
import { parseRouteUrl } from './route-url';

export interface ImageInfoDeps {
  views: ViewCalls;
  /** the route of the page that calls (a relative src is resolved against it) */
  route(): string | undefined;
  /** the host's downloadFile: a network image is fetched under the app's download rules; resolves with its success object */
  download(url: string): Promise<Record<string, unknown>>;
  /** a saved or user file (wxfile://) through the host's file store */
  readFile(filePath: string): Promise<ArrayBuffer>;
}

/** a package path as the app names it from the calling page: 'images/a.png' on 'pages/p/p' -> '/pages/p/images/a.png' */
export function packagePath(src: string, route: string): string {
  const q = src.search(/[?#]/);
  const path = q < 0 ? src : src.slice(0, q);
  return `/${parseRouteUrl(path, route).route}`;
}

/** where the bytes are (what the view reads) and the `path` the app gets back */
async function locate(src: string, deps: ImageInfoDeps): Promise<{ params: Record<string, unknown>; path: string }> {
  if (/^https?:\/\//i.test(src)) {
    // WeChat: "网络图片需先配置download域名才能生效" — downloaded as downloadFile would, answered with the temp path
    let res: Record<string, unknown>;
    try {
      res = await deps.download(src);
    } catch (fail) {
      throw new RuntimeApiError(`download failed: ${failReason(fail)}`);
    }
    const status = Number(res['statusCode']);
    if (status < 200 || status > 299) throw new RuntimeApiError(`download failed: HTTP ${status}`);
    const path = String(res['tempFilePath']);
    return { params: { src: path }, path };
  }
  if (/^wxfile:\/\//i.test(src)) {
    try {
      return { params: { src, data: await deps.readFile(src) }, path: src };
    } catch (fail) {
      const reason = failReason(fail);
      throw new RuntimeApiError(/no such file|not exist|not found/i.test(reason) ? `file not found: ${src}` : reason);
    }
  }
  if (/^data:/i.test(src)) return { params: { src }, path: src };
  const path = src.startsWith('/__superapp__/') ? src : packagePath(src, deps.route() ?? '');
  return { params: { src: path }, path };
}

/**
 * wx.getImageInfo: `src` a package path (absolute or relative to the calling page), a temp path, a saved
 * file, a data: URL or a network URL; success gives width/height as stored (not rotated), `path` (a path
 * <image> and canvas take), `type` from the bytes' signature and `orientation` from a JPEG's EXIF.
 */
export function registerImageInfo(apis: RuntimeApis, deps: ImageInfoDeps): void {
  apis.register('getImageInfo', async (params) => {
    const src = params['src'];
    if (typeof src !== 'string') throw new RuntimeApiError(`parameter error: parameter.src should be String instead of ${typeName(src)};`);
    if (src === '') throw new RuntimeApiError('invalid src: empty path');
    const { params: request, path } = await locate(src, deps);
    const { ok, result } = await deps.views.call('__imageInfo', request);
    if (!ok) throw new RuntimeApiError(failReason(result));
    return { width: result['width'], height: result['height'], type: result['type'], orientation: result['orientation'], path };
  });
}
