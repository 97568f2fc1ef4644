import { dataUrl, encodePng } from './canvas-png';

/** the part of an OffscreenCanvas the node uses (a fake one in unit tests) */
export type CanvasSurface = Pick<OffscreenCanvas, 'width' | 'height' | 'getContext'>;

/** an image decoded by the view (which has the page's CSP and the package's URLs), moved to the Worker */
export interface DecodedImage {
  bitmap: CanvasImageSource & { close?(): void };
  width: number;
  height: number;
}

export interface CanvasNodeDeps {
  loadImage(src: string): Promise<DecodedImage>;
  /** a throw in the package's onload/onerror: reported like any error in its code */
  reportError(error: unknown): void;
}

/** what drawImage, createPattern and texImage2D really get for a node or an image of this module */
const drawables = new WeakMap<object, () => CanvasImageSource | undefined>();
const surfaces = new WeakMap<object, CanvasSurface>();

/** the OffscreenCanvas behind a Canvas node (for canvasToTempFilePath), if `value` is one */
export function surfaceOfNode(value: unknown): CanvasSurface | undefined {
  return value !== null && typeof value === 'object' ? surfaces.get(value) : undefined;
}

function drawable(value: unknown): unknown {
  const source = value !== null && typeof value === 'object' ? drawables.get(value) : undefined;
  return source ? source() : value;
}

/** the context methods that take an image source: they also take our Image and Canvas objects */
const IMAGE_METHODS: Record<string, readonly string[]> = {
  '2d': ['drawImage', 'createPattern'],
  webgl: ['texImage2D', 'texSubImage2D'],
};

function acceptOurImages(context: object, methods: readonly string[]): void {
  for (const name of methods) {
    const original = (context as Record<string, unknown>)[name];
    if (typeof original !== 'function') continue;
    Object.defineProperty(context, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        return (original as (...a: unknown[]) => unknown).apply(this, args.map(drawable));
      },
    });
  }
}

type Listener = ((this: CanvasImage, event: { type: string; errMsg?: string }) => void) | null;

/**
 * WeChat's Image of Canvas.createImage(): setting `src` loads it (through the view), then `onload` runs and
 * `width`/`height` are its natural size; a failure runs `onerror`. Drawn with the context's drawImage.
 */
export class CanvasImage {
  onload: Listener = null;
  onerror: Listener = null;
  referrerPolicy = '';
  width = 0;
  height = 0;
  complete = false;
  #src = '';
  #bitmap: DecodedImage['bitmap'] | undefined;
  /** the last `src` set wins, as in a browser: an earlier load that ends later is dropped */
  #loads = 0;

  constructor(private readonly deps: CanvasNodeDeps) {
    drawables.set(this, () => this.#bitmap);
  }

  get src(): string {
    return this.#src;
  }

  set src(value: string) {
    this.#src = String(value ?? '');
    this.complete = false;
    const load = ++this.#loads;
    this.deps.loadImage(this.#src).then(
      (image) => {
        if (load !== this.#loads) return image.bitmap.close?.();
        this.#bitmap?.close?.();
        this.#bitmap = image.bitmap;
        this.width = image.width;
        this.height = image.height;
        this.complete = true;
        this.fire(this.onload, { type: 'load' });
      },
      () => {
        if (load !== this.#loads) return;
        this.complete = true;
        this.fire(this.onerror, { type: 'error', errMsg: `createImage: could not load ${this.#src}` });
      },
    );
  }

  private fire(listener: Listener, event: { type: string; errMsg?: string }): void {
    if (typeof listener !== 'function') return;
    try {
      listener.call(this, event);
    } catch (e) {
      this.deps.reportError(e);
    }
  }
}

type FrameCallback = (time: number) => void;

interface FrameClock {
  requestAnimationFrame?(cb: FrameCallback): number;
  cancelAnimationFrame?(id: number): void;
}

/**
 * WeChat's Canvas node of a `<canvas type="2d">` (or "webgl"): its drawing surface is the OffscreenCanvas the
 * view handed over, so what the package draws here shows in the page. `width`/`height` are the drawing
 * buffer (the element keeps its CSS size).
 */
export class CanvasNode {
  readonly #surface: CanvasSurface;
  readonly #deps: CanvasNodeDeps;
  readonly #patched = new WeakSet<object>();

  constructor(surface: CanvasSurface, deps: CanvasNodeDeps) {
    this.#surface = surface;
    this.#deps = deps;
    surfaces.set(this, surface);
    drawables.set(this, () => surface as unknown as CanvasImageSource);
  }

  get width(): number {
    return this.#surface.width;
  }
  set width(value: number) {
    this.#surface.width = Math.max(0, Math.floor(Number(value) || 0));
  }
  get height(): number {
    return this.#surface.height;
  }
  set height(value: number) {
    this.#surface.height = Math.max(0, Math.floor(Number(value) || 0));
  }

  /** '2d' or 'webgl' (the OffscreenCanvas's own contexts); anything else is null, as in WeChat */
  getContext(contextType: string, attributes?: Record<string, unknown>): unknown {
    const kind = contextType === '2d' ? '2d' : contextType === 'webgl' || contextType === 'experimental-webgl' ? 'webgl' : undefined;
    if (!kind) {
      console.warn(`Canvas.getContext: "${String(contextType)}" is not supported here; use "2d" or "webgl"`);
      return null;
    }
    const context = (this.#surface.getContext as (type: string, attributes?: unknown) => unknown)(kind, attributes);
    if (context && typeof context === 'object' && !this.#patched.has(context)) {
      this.#patched.add(context);
      acceptOurImages(context, IMAGE_METHODS[kind]!);
    }
    return context ?? null;
  }

  createImage(): CanvasImage {
    return new CanvasImage(this.#deps);
  }

  /** (width, height) or (ImageData) or (Uint8ClampedArray, width, height) */
  createImageData(...args: unknown[]): ImageData {
    const [a, b, c] = args;
    if (a instanceof ImageData) return new ImageData(a.width, a.height);
    if (a instanceof Uint8ClampedArray) {
      const data = a as Uint8ClampedArray<ArrayBuffer>;
      return c === undefined ? new ImageData(data, Number(b)) : new ImageData(data, Number(b), Number(c));
    }
    return new ImageData(Number(a), Number(b));
  }

  createPath2D(path?: Path2D | string): Path2D {
    return path === undefined ? new Path2D() : new Path2D(path);
  }

  requestAnimationFrame(callback: FrameCallback): number {
    const clock = globalThis as FrameClock;
    if (clock.requestAnimationFrame) return clock.requestAnimationFrame(callback);
    return setTimeout(() => callback(performance.now()), 16) as unknown as number;
  }

  cancelAnimationFrame(id: number): void {
    const clock = globalThis as FrameClock;
    if (clock.cancelAnimationFrame) clock.cancelAnimationFrame(id);
    else clearTimeout(id);
  }

  /**
   * Synchronous, as in WeChat: the pixels are read with getImageData and encoded as PNG here (an
   * OffscreenCanvas can only encode asynchronously). PNG whatever `type` says: like a browser given a type it
   * cannot encode. A canvas that cannot be read (no pixels, a cross-origin image drawn on it) gives "data:,".
   */
  toDataURL(_type?: string, _quality?: number): string {
    const { width, height } = this.#surface;
    if (width === 0 || height === 0) return 'data:,';
    try {
      const pixels = readPixels(this.#surface, width, height);
      return pixels ? dataUrl('image/png', encodePng(width, height, pixels)) : 'data:,';
    } catch (e) {
      console.warn('Canvas.toDataURL: the canvas cannot be read', e);
      return 'data:,';
    }
  }
}

/** the surface's RGBA pixels: from its 2d context, or (webgl) through a scratch 2d canvas it is drawn on */
function readPixels(surface: CanvasSurface, width: number, height: number): Uint8ClampedArray | undefined {
  const own = (surface.getContext as (type: string) => unknown)('2d') as OffscreenCanvasRenderingContext2D | null;
  if (own) return own.getImageData(0, 0, width, height).data;
  if (typeof OffscreenCanvas === 'undefined') return undefined;
  const scratch = new OffscreenCanvas(width, height).getContext('2d');
  if (!scratch) return undefined;
  scratch.drawImage(surface as unknown as OffscreenCanvas, 0, 0);
  return scratch.getImageData(0, 0, width, height).data;
}
