import { canvasSurfaceOf } from './canvas-surface';
import { createCanvasDrawCalls } from './canvas-draw';
import type { CanvasCallHandler, TransferringOutcome } from './canvas-outcome';

export interface CanvasCallDeps {
  domNode(id: number): Node | undefined;
  resolveUrl(path: string): string;
}

const fail = (api: string, reason: string): TransferringOutcome => ({ ok: false, result: { errMsg: `${api}:fail ${reason}` } });

/**
 * The view's side of the canvas APIs: a type="2d" canvas's drawing handed to the Worker as an
 * OffscreenCanvas (SelectorQuery `node`), and images for Canvas.createImage decoded here, where the page's
 * CSP and the package's URLs apply (the Worker has no network of its own), then moved over as ImageBitmaps.
 */
export function createCanvasCalls(deps: CanvasCallDeps): Record<string, CanvasCallHandler> {
  return {
    ...createCanvasDrawCalls(deps),
    async __canvasNode(params) {
      const surface = canvasSurfaceOf(deps.domNode(Number(params['node'])));
      if (!surface) return fail('__canvasNode', 'not a canvas');
      const type = surface.type();
      if (type !== '2d' && type !== 'webgl') {
        // a type WeChat does not have: the page hears of it through binderror
        if (type !== '') surface.error(`canvas type "${type}" is not supported; use "2d" or "webgl"`);
        return fail('__canvasNode', 'not a 2d or webgl canvas');
      }
      let offscreen: OffscreenCanvas | undefined;
      try {
        offscreen = surface.takeOffscreen();
      } catch (e) {
        surface.error(`the canvas cannot be drawn from the logic layer: ${e instanceof Error ? e.message : String(e)}`);
        return fail('__canvasNode', 'the canvas cannot be handed over');
      }
      if (!offscreen) return fail('__canvasNode', 'the canvas is already in use');
      return { ok: true, result: { canvas: offscreen, errMsg: '__canvasNode:ok' }, transfer: [offscreen] };
    },
    async __canvasImage(params) {
      const src = typeof params['src'] === 'string' ? params['src'] : '';
      if (!src) return fail('__canvasImage', 'empty src');
      try {
        const bitmap = await decodeImage(deps.resolveUrl(src));
        return { ok: true, result: { bitmap, width: bitmap.width, height: bitmap.height, errMsg: '__canvasImage:ok' }, transfer: [bitmap] };
      } catch {
        return fail('__canvasImage', `could not load ${src}`);
      }
    },
  };
}

/**
 * An <img> loads it (img-src of the page's CSP, as an <image> would); a remote image is asked for with CORS
 * first so the canvas stays readable (toDataURL, canvasToTempFilePath), and without it when the server says no.
 */
async function decodeImage(url: string): Promise<ImageBitmap> {
  const remote = /^https?:/i.test(url) && new URL(url, location.href).origin !== location.origin;
  if (remote) {
    try {
      return await loadBitmap(url, 'anonymous');
    } catch {
      // no CORS headers: still drawable, as in WeChat, but the canvas can no longer be read back
    }
  }
  return loadBitmap(url, null);
}

async function loadBitmap(url: string, crossOrigin: string | null): Promise<ImageBitmap> {
  const img = new Image();
  if (crossOrigin) img.crossOrigin = crossOrigin;
  img.src = url;
  await img.decode();
  return createImageBitmap(img);
}
