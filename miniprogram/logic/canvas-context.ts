/**
 * wx.createCanvasContext's CanvasContext (the legacy canvas API): every call is recorded, in order, as a
 * plain action the view replays on the canvas with that canvas-id when `draw()` sends them
 * (view/canvas-draw.ts). Coordinates are CSS px; the view scales by devicePixelRatio.
 */

/** one recorded call: a CanvasRenderingContext2D method, or `set` of one of its properties */
export type CanvasAction = { method: string; args: unknown[] } | { set: string; value: unknown };

/** gradients travel as descriptions the view rebuilds */
export interface GradientData {
  gradient: 'linear' | 'radial';
  args: number[];
  stops: Array<[number, string]>;
}

export interface PatternData {
  pattern: string;
  repetition: string;
}

/** WeChat's CanvasGradient: addColorStop records a stop; it is used as setFillStyle / setStrokeStyle's value */
export class CanvasGradient {
  readonly data: GradientData;
  constructor(kind: GradientData['gradient'], args: number[]) {
    this.data = { gradient: kind, args, stops: [] };
  }
  addColorStop(stop: number, color: string): void {
    this.data.stops.push([Number(stop), String(color)]);
  }
}

class CanvasPattern {
  constructor(readonly data: PatternData) {}
}

/** a fill/stroke style as it crosses to the view: a colour string or a gradient/pattern description */
function style(value: unknown): unknown {
  if (value instanceof CanvasGradient) return { ...value.data, stops: [...value.data.stops] };
  if (value instanceof CanvasPattern) return value.data;
  return String(value);
}

const n = (value: unknown): number => Number(value);

/** booleans (arc's anticlockwise) and words (fill's 'evenodd') as given, numbers (also written as strings) as numbers */
function plainArg(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && (value.trim() === '' || !Number.isFinite(Number(value)))) return value;
  return Number(value);
}

/** the methods recorded as they are (numbers stay numbers, the rest is cloned by the message) */
const PLAIN_METHODS = [
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'fill', 'fillRect', 'lineTo',
  'moveTo', 'quadraticCurveTo', 'rect', 'restore', 'rotate', 'save', 'scale', 'stroke', 'strokeRect', 'translate',
  'setTransform', 'transform',
] as const;

/** the properties WeChat documents (base library 1.9.90 on), set like a web context's */
const PROPERTIES = [
  'fillStyle', 'strokeStyle', 'shadowOffsetX', 'shadowOffsetY', 'shadowColor', 'shadowBlur', 'lineWidth', 'lineCap',
  'lineJoin', 'miterLimit', 'lineDashOffset', 'font', 'globalAlpha', 'globalCompositeOperation', 'textAlign', 'textBaseline',
] as const;

type Measure = (font: string, text: string) => number;

/** text width as the Worker's own 2d context measures it (OffscreenCanvas), or an estimate without one */
function defaultMeasure(): Measure {
  const ctx = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  return (font, text) => {
    if (!ctx) return text.length * (Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10) * 0.6);
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

export interface CanvasContextOwner {
  /** sends the actions to the canvas; resolves once the view drew them */
  draw(canvasId: string, actions: CanvasAction[], reserve: boolean): Promise<void>;
  measure?: Measure;
  reportError(error: unknown): void;
}

export interface CanvasContext extends Record<string, unknown> {
  draw(reserve?: boolean, callback?: () => void): void;
}

/** a CanvasContext for the canvas `canvasId` of `owner` (the current page, or a component) */
export function createCanvasContext(canvasId: string, owner: CanvasContextOwner): CanvasContext {
  let actions: CanvasAction[] = [];
  const values: Record<string, unknown> = { font: '10px sans-serif', fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, globalAlpha: 1 };
  const call = (method: string, args: unknown[]) => void actions.push({ method, args });
  const set = (property: string, value: unknown) => {
    values[property] = value;
    actions.push({ set: property, value: property === 'fillStyle' || property === 'strokeStyle' || property === 'shadowColor' ? style(value) : value });
  };
  const measure = owner.measure ?? defaultMeasure();
  const ctx: CanvasContext = {
    canvasId,
    draw(reserve = false, callback) {
      const sent = actions;
      actions = [];
      void owner.draw(canvasId, sent, Boolean(reserve)).then(() => {
        if (typeof callback !== 'function') return;
        try {
          callback();
        } catch (e) {
          owner.reportError(e);
        }
      });
    },
    setFillStyle: (color: unknown) => set('fillStyle', color),
    setStrokeStyle: (color: unknown) => set('strokeStyle', color),
    setLineWidth: (width: unknown) => set('lineWidth', n(width)),
    setLineCap: (cap: unknown) => set('lineCap', String(cap)),
    setLineJoin: (join: unknown) => set('lineJoin', String(join)),
    setMiterLimit: (limit: unknown) => set('miterLimit', n(limit)),
    setGlobalAlpha: (alpha: unknown) => set('globalAlpha', n(alpha)),
    setTextAlign: (align: unknown) => set('textAlign', String(align)),
    setTextBaseline: (baseline: unknown) => set('textBaseline', String(baseline)),
    // WeChat's font size keeps the family of the context's font
    setFontSize: (size: unknown) => set('font', `${n(size)}px ${String(values['font']).replace(/^.*?\d+(?:\.\d+)?px\s*/, '') || 'sans-serif'}`),
    setShadow(offsetX: unknown, offsetY: unknown, blur: unknown, color: unknown) {
      set('shadowOffsetX', n(offsetX ?? 0));
      set('shadowOffsetY', n(offsetY ?? 0));
      set('shadowBlur', n(blur ?? 0));
      set('shadowColor', color === undefined ? 'black' : color);
    },
    setLineDash(pattern: unknown, offset: unknown) {
      call('setLineDash', [Array.isArray(pattern) ? pattern.map(n) : []]);
      if (offset !== undefined) set('lineDashOffset', n(offset));
    },
    fillText: (text: unknown, x: unknown, y: unknown, maxWidth?: unknown) => call('fillText', maxWidth === undefined ? [String(text), n(x), n(y)] : [String(text), n(x), n(y), n(maxWidth)]),
    strokeText: (text: unknown, x: unknown, y: unknown, maxWidth?: unknown) => call('strokeText', maxWidth === undefined ? [String(text), n(x), n(y)] : [String(text), n(x), n(y), n(maxWidth)]),
    // the image is a path (package file, temp file, https URL) the view loads before it replays
    drawImage: (src: unknown, ...rest: unknown[]) => call('drawImage', [String(src), ...rest.map(n)]),
    createLinearGradient: (x0: unknown, y0: unknown, x1: unknown, y1: unknown) => new CanvasGradient('linear', [x0, y0, x1, y1].map(n)),
    // WeChat's circular gradient: from the centre (radius 0) to the circle
    createCircularGradient: (x: unknown, y: unknown, r: unknown) => new CanvasGradient('radial', [n(x), n(y), 0, n(x), n(y), n(r)]),
    createPattern: (image: unknown, repetition: unknown) => new CanvasPattern({ pattern: String(image), repetition: String(repetition ?? 'repeat') }),
    measureText: (text: unknown) => ({ width: measure(String(values['font']), String(text)) }),
  };
  for (const method of PLAIN_METHODS) ctx[method] = (...args: unknown[]) => call(method, args.map(plainArg));
  for (const property of PROPERTIES) {
    Object.defineProperty(ctx, property, { enumerable: true, get: () => values[property], set: (value: unknown) => set(property, value) });
  }
  return ctx;
}
