import { canvasSurfaceOf, type CanvasSurface } from './canvas-surface';
import type { CanvasCallHandler, TransferringOutcome } from './canvas-outcome';

/** one recorded CanvasContext call (logic/canvas-context.ts) */
type Action = { method: string; args: unknown[] } | { set: string; value: unknown };

interface GradientData {
  gradient: 'linear' | 'radial';
  args: number[];
  stops: Array<[number, string]>;
}

export interface CanvasDrawDeps {
  domNode(id: number): Node | undefined;
  resolveUrl(path: string): string;
}

const ok = (api: string, fields: Record<string, unknown> = {}): TransferringOutcome => ({ ok: true, result: { ...fields, errMsg: `${api}:ok` } });
const fail = (api: string, reason: string): TransferringOutcome => ({ ok: false, result: { errMsg: `${api}:fail ${reason}` } });

/** the legacy canvas (no `type`) with this canvas-id in the page or component whose element is `scope` */
function legacyCanvas(scope: Node | undefined, canvasId: string): CanvasSurface | undefined {
  if (!(scope instanceof Element)) return undefined;
  for (const element of scope.querySelectorAll('wx-canvas')) {
    const surface = canvasSurfaceOf(element);
    if (surface && surface.type() === '' && surface.canvasId() === canvasId) return surface;
  }
  return undefined;
}

async function loadImages(actions: Action[], resolveUrl: (path: string) => string): Promise<Map<string, HTMLImageElement>> {
  const sources = new Set<string>();
  for (const a of actions) {
    if ('method' in a && a.method === 'drawImage') sources.add(String(a.args[0]));
    if ('set' in a && isPattern(a.value)) sources.add(a.value.pattern);
  }
  const images = new Map<string, HTMLImageElement>();
  await Promise.all(
    [...sources].map(async (src) => {
      const img = new Image();
      img.src = resolveUrl(src);
      try {
        await img.decode();
        images.set(src, img);
      } catch {
        console.warn(`canvas: could not load image ${src}`);
      }
    }),
  );
  return images;
}

function isPattern(value: unknown): value is { pattern: string; repetition: string } {
  return value !== null && typeof value === 'object' && 'pattern' in value;
}

function isGradient(value: unknown): value is GradientData {
  return value !== null && typeof value === 'object' && 'gradient' in value;
}

/** a style value as the 2d context takes it: colour, gradient or pattern */
function styleOf(ctx: CanvasRenderingContext2D, value: unknown, images: Map<string, HTMLImageElement>): string | CanvasGradient | CanvasPattern {
  if (isGradient(value)) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = value.args;
    const gradient = value.gradient === 'linear' ? ctx.createLinearGradient(a, b, c, d) : ctx.createRadialGradient(a, b, c, d, e, f);
    for (const [stop, color] of value.stops) gradient.addColorStop(stop, color);
    return gradient;
  }
  if (isPattern(value)) {
    const img = images.get(value.pattern);
    return (img && ctx.createPattern(img, value.repetition)) ?? 'transparent';
  }
  return String(value);
}

const STYLES = new Set(['fillStyle', 'strokeStyle']);

/** replays the actions on the canvas in CSS px (the buffer is CSS size x devicePixelRatio) */
function replay(canvas: HTMLCanvasElement, actions: Action[], reserve: boolean, images: Map<string, HTMLImageElement>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = canvas.width / Math.max(1, canvas.clientWidth);
  if (!reserve) ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.save();
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const action of actions) {
    try {
      if ('set' in action) {
        const value = STYLES.has(action.set) ? styleOf(ctx, action.value, images) : action.value;
        (ctx as unknown as Record<string, unknown>)[action.set] = value;
      } else if (action.method === 'drawImage') {
        const img = images.get(String(action.args[0]));
        if (img) (ctx.drawImage as (...a: unknown[]) => void)(img, ...action.args.slice(1));
      } else if (action.method === 'setTransform' || action.method === 'transform') {
        // the package's matrix is in CSS px: on top of the pixel ratio, as WeChat's scaling is invisible to it
        const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = action.args as number[];
        if (action.method === 'setTransform') ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.transform(a, b, c, d, e, f);
      } else {
        const method = (ctx as unknown as Record<string, unknown>)[action.method];
        if (typeof method === 'function') (method as (...a: unknown[]) => void).apply(ctx, action.args);
      }
    } catch (e) {
      console.warn(`canvas: ${'set' in action ? action.set : action.method} failed`, e);
    }
  }
  ctx.restore();
}

/**
 * The legacy canvas (wx.createCanvasContext) in the view: `draw()`'s recorded calls replayed on the canvas with
 * that canvas-id in the page or component, and canvasToTempFilePath({ canvasId }) of it, encoded as png or jpg.
 */
export function createCanvasDrawCalls(deps: CanvasDrawDeps): Record<string, CanvasCallHandler> {
  const find = (params: Record<string, unknown>) => legacyCanvas(deps.domNode(Number(params['scope'])), String(params['canvasId'] ?? ''));
  return {
    async __canvasDraw(params) {
      const surface = find(params);
      if (!surface) return fail('__canvasDraw', `canvas "${String(params['canvasId'])}" not found`);
      const actions = Array.isArray(params['actions']) ? (params['actions'] as Action[]) : [];
      const images = await loadImages(actions, deps.resolveUrl);
      surface.fit();
      replay(surface.canvas, actions, params['reserve'] === true, images);
      return ok('__canvasDraw');
    },
    async __canvasExport(params) {
      const surface = find(params);
      if (!surface) return fail('__canvasExport', `canvas "${String(params['canvasId'])}" not found`);
      const { canvas } = surface;
      const ratio = canvas.width / Math.max(1, canvas.clientWidth);
      const num = (k: string) => (typeof params[k] === 'number' && Number.isFinite(params[k]) ? (params[k] as number) : undefined);
      // WeChat: x, y, width, height in CSS px (width defaults to the canvas's width - x); dest in image px, width x pixel ratio by default
      const x = num('x') ?? 0;
      const y = num('y') ?? 0;
      const width = num('width') ?? canvas.clientWidth - x;
      const height = num('height') ?? canvas.clientHeight - y;
      const destWidth = Math.round(num('destWidth') ?? width * ratio);
      const destHeight = Math.round(num('destHeight') ?? height * ratio);
      if (width <= 0 || height <= 0 || destWidth <= 0 || destHeight <= 0) return fail('__canvasExport', 'canvas is empty');
      const out = new OffscreenCanvas(destWidth, destHeight);
      const ctx = out.getContext('2d')!;
      const jpg = params['fileType'] === 'jpg';
      if (jpg) {
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, destWidth, destHeight);
      }
      ctx.drawImage(canvas, x * ratio, y * ratio, width * ratio, height * ratio, 0, 0, destWidth, destHeight);
      const quality = num('quality');
      const blob = await out.convertToBlob({ type: jpg ? 'image/jpeg' : 'image/png', quality: quality !== undefined && quality > 0 && quality <= 1 ? quality : 1 });
      // the Worker has the host store it as a temp file of the app (logic/canvas-temp-file.ts)
      return ok('__canvasExport', { image: blob });
    },
  };
}
