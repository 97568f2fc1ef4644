import { surfaceOfNode, type CanvasSurface } from './canvas-node';
import { createCanvasContext, type CanvasContext } from './canvas-context';
import type { OpQueue } from './op-queue';
import { RuntimeApiError, type RuntimeApis } from './runtime-apis';
import type { ViewCalls } from './view-calls';
import { storeTempImage, type HostCall } from './canvas-temp-file';

export interface CanvasApiDeps {
  views: ViewCalls;
  queue: OpQueue;
  /** the current page's glass-easel component: a canvas-id is looked up in it when no component is given */
  pageComponent(): unknown;
  reportError(error: unknown): void;
  /** a host API through the Worker's wx (canvasToTempFilePath stores its image with it) */
  callHost: HostCall;
}

/** the page or component a legacy canvas-id belongs to, as canvasToTempFilePath's second argument gave it */
const SCOPE = Symbol('canvas scope');

/** the node id of the element of `component` (a page's or component's `this`), else of the current page */
function scopeId(component: unknown, deps: CanvasApiDeps): number | undefined {
  const own = component !== null && typeof component === 'object' ? (component as { _$?: unknown })._$ : undefined;
  const inner = own ?? deps.pageComponent();
  const backend = (inner as { getBackendElement?(): unknown } | undefined)?.getBackendElement?.();
  const id = (backend as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'number' ? id : undefined;
}

/** asks the view after the pending render batch, so a canvas made by the same setData is there */
function viewCallAfterRender(deps: CanvasApiDeps, api: string, params: Record<string, unknown>) {
  return new Promise<Awaited<ReturnType<ViewCalls['call']>>>((resolve) => deps.queue.afterCommit(() => void deps.views.call(api, params).then(resolve)));
}

/** the region and output of canvasToTempFilePath, in the drawing buffer's pixels */
export interface ExportArea {
  x: number;
  y: number;
  width: number;
  height: number;
  destWidth: number;
  destHeight: number;
  type: 'image/png' | 'image/jpeg';
  quality: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * canvasToTempFilePath's parameters for a type="2d" canvas, whose size is its drawing buffer (Canvas.width /
 * height): x, y default 0; width, height default to the rest of the canvas; destWidth/destHeight default to
 * the region's size; fileType 'jpg' or 'png' (default); quality in (0, 1], anything else 1.0.
 */
export function exportArea(params: Record<string, unknown>, canvasWidth: number, canvasHeight: number): ExportArea {
  const x = num(params['x']) ?? 0;
  const y = num(params['y']) ?? 0;
  const width = num(params['width']) ?? canvasWidth - x;
  const height = num(params['height']) ?? canvasHeight - y;
  const quality = num(params['quality']);
  return {
    x,
    y,
    width,
    height,
    destWidth: Math.round(num(params['destWidth']) ?? width),
    destHeight: Math.round(num(params['destHeight']) ?? height),
    type: params['fileType'] === 'jpg' ? 'image/jpeg' : 'image/png',
    quality: quality !== undefined && quality > 0 && quality <= 1 ? quality : 1,
  };
}

/** the region drawn at the output size and encoded */
async function encode(surface: CanvasSurface, area: ExportArea): Promise<Blob> {
  const out = new OffscreenCanvas(area.destWidth, area.destHeight);
  const ctx = out.getContext('2d');
  if (!ctx) throw new RuntimeApiError('create bitmap failed');
  // a jpg has no transparency: what is transparent on the canvas comes out white, not black
  if (area.type === 'image/jpeg') {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, area.destWidth, area.destHeight);
  }
  ctx.drawImage(surface as unknown as OffscreenCanvas, area.x, area.y, area.width, area.height, 0, 0, area.destWidth, area.destHeight);
  return out.convertToBlob({ type: area.type, quality: area.quality });
}

/** the encoded image of canvasToTempFilePath: from the view (legacy canvas-id) or made here (type="2d") */
async function exportedImage(params: Record<string, unknown>, deps: CanvasApiDeps): Promise<Blob> {
  const surface = surfaceOfNode(params['canvas']);
  if (!surface) {
    if (typeof params['canvasId'] !== 'string') throw new RuntimeApiError('canvas is empty');
    // the legacy canvas: the view reads it (region in CSS px, output x pixel ratio by default) and encodes it
    const { canvas: _canvas, [SCOPE]: scope, ...rest } = params as Record<string | symbol, unknown>;
    const { ok, result } = await viewCallAfterRender(deps, '__canvasExport', { ...rest, scope });
    if (!ok) throw new RuntimeApiError(result.errMsg.replace(/^__canvasExport:fail /, ''));
    if (!(result['image'] instanceof Blob)) throw new RuntimeApiError('create bitmap failed');
    return result['image'];
  }
  const area = exportArea(params, surface.width, surface.height);
  if (area.width <= 0 || area.height <= 0 || area.destWidth <= 0 || area.destHeight <= 0) throw new RuntimeApiError('canvas is empty');
  try {
    return await encode(surface, area);
  } catch (e) {
    if (e instanceof RuntimeApiError) throw e;
    // a cross-origin image drawn without CORS makes the canvas unreadable
    throw new RuntimeApiError(`create bitmap failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * wx.canvasToTempFilePath({ canvas | canvasId, ... }): the encoded image is stored as a temp file of the app
 * by the host, as WeChat's is, so the path works in <image>, wx.previewImage, the file APIs and uploadFile.
 */
export function registerCanvasApis(apis: RuntimeApis, deps: CanvasApiDeps): void {
  apis.register('canvasToTempFilePath', async (params) => {
    const image = await exportedImage(params, deps);
    const bytes = new Uint8Array(await image.arrayBuffer());
    return { tempFilePath: await storeTempImage(bytes, params['fileType'] === 'jpg' ? 'jpg' : 'png', deps.callHost) };
  });
}

/** a CanvasContext drawing on the legacy canvas `canvasId` inside the page or component whose element is `scope` */
export function legacyCanvasContext(canvasId: string, scope: number | undefined, deps: CanvasApiDeps): CanvasContext {
  return createCanvasContext(canvasId, {
    reportError: deps.reportError,
    draw: async (id, actions, reserve) => {
      const { ok, result } = await viewCallAfterRender(deps, '__canvasDraw', { scope, canvasId: id, actions, reserve });
      if (!ok) console.warn(`CanvasContext.draw: ${result.errMsg.replace(/^__canvasDraw:fail /, '')}`);
    },
  });
}

/**
 * The wx methods that take a component as second argument (WeChat's `this` of a custom component, to reach a
 * canvas inside it): createCanvasContext(canvasId, component) and canvasToTempFilePath(object, component).
 */
export function canvasWxMethods(apis: RuntimeApis, deps: CanvasApiDeps): Record<string, unknown> {
  return {
    createCanvasContext: (canvasId: unknown, component?: unknown): CanvasContext => legacyCanvasContext(String(canvasId ?? ''), scopeId(component, deps), deps),
    canvasToTempFilePath(options?: unknown, component?: unknown) {
      const withScope = options !== null && typeof options === 'object' && !Array.isArray(options) ? { ...options, [SCOPE]: scopeId(component, deps) } : options;
      return apis.call('canvasToTempFilePath', withScope);
    },
  };
}
