import { rpxCss, rpxNumber } from '../rpx';

/**
 * wx.createAnimation: an Animation only records what the page asks for; the view plays it
 * (view/animation-player.ts) when the exported data reaches an element's `animation` attribute.
 *
 * Export shape: WeChat documents only `{ actions: Array }`; pages pass it to setData untouched. Inside, one
 * action per step(), each `{ animates: [{ type, args }], option: { transition: { duration, timingFunction, delay },
 * transformOrigin } }` (this runtime's own layout, read only by view/animation-player.ts).
 * Style changes are `{ type: 'style', args: [cssProperty, value] }`; transforms are `{ type: <CSS function>, args }`.
 * Units are added here (numbers: px for lengths, deg for angles) so the view writes the values as they are.
 */

export interface AnimationOptions {
  duration: number;
  timingFunction: string;
  delay: number;
  transformOrigin: string;
}

export interface AnimationAnimate {
  type: string;
  args: Array<string | number>;
}

export interface AnimationAction {
  animates: AnimationAnimate[];
  option: { transition: { duration: number; timingFunction: string; delay: number }; transformOrigin: string };
}

export interface AnimationData {
  actions: AnimationAction[];
}

/** the CSS properties an Animation may change, by method name; the view accepts these and no others */
export const ANIMATION_STYLES: Readonly<Record<string, string>> = Object.freeze({
  opacity: 'opacity',
  backgroundColor: 'background-color',
  width: 'width',
  height: 'height',
  top: 'top',
  left: 'left',
  bottom: 'bottom',
  right: 'right',
});

/** the CSS transform functions an Animation may write (the method names are the function names) */
export const ANIMATION_TRANSFORMS: ReadonlySet<string> = new Set([
  'rotate', 'rotateX', 'rotateY', 'rotateZ', 'rotate3d',
  'scale', 'scaleX', 'scaleY', 'scaleZ', 'scale3d',
  'translate', 'translateX', 'translateY', 'translateZ', 'translate3d',
  'skew', 'skewX', 'skewY', 'matrix', 'matrix3d',
]);

const DEFAULTS: AnimationOptions = { duration: 400, timingFunction: 'linear', delay: 0, transformOrigin: '50% 50% 0' };

/** a number means px; a string keeps its own unit ('50%', '2em'), except rpx, which CSS lacks: the view's --wx-rpx */
const length = (value: unknown): string | number => {
  if (typeof value !== 'string') return `${toNumber(value, 0)}px`;
  const rpx = rpxNumber(value);
  return rpx !== undefined ? rpxCss(rpx) : value;
};
/** a number means degrees */
const angle = (value: unknown): string | number => (typeof value === 'string' ? value : `${toNumber(value, 0)}deg`);
/** unitless factors (scale, matrix, rotate3d's axis): a missing one takes `fallback` */
const plain = (value: unknown, fallback: number): string | number => (typeof value === 'string' ? value : toNumber(value, fallback));

function toNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** only the options WeChat knows, of the right type: anything else keeps the default (or the animation's own) */
function mergeOptions(base: AnimationOptions, options: unknown): AnimationOptions {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const nonNegative = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    duration: nonNegative(given.duration, base.duration),
    timingFunction: typeof given.timingFunction === 'string' ? given.timingFunction : base.timingFunction,
    delay: nonNegative(given.delay, base.delay),
    transformOrigin: typeof given.transformOrigin === 'string' ? given.transformOrigin : base.transformOrigin,
  };
}

export class Animation {
  private readonly options: AnimationOptions;
  /** what the page asked for since the last step() (kept across export(), as WeChat does) */
  private current: AnimationAnimate[] = [];
  /** closed steps not yet exported */
  private actions: AnimationAction[] = [];

  constructor(options?: unknown) {
    this.options = mergeOptions(DEFAULTS, options);
  }

  /** closes a group: everything since the previous step() starts together and lasts this step's duration */
  step(options?: unknown): this {
    const o = mergeOptions(this.options, options);
    this.actions.push({
      animates: this.current,
      option: { transition: { duration: o.duration, timingFunction: o.timingFunction, delay: o.delay }, transformOrigin: o.transformOrigin },
    });
    this.current = [];
    return this;
  }

  /** the closed steps, for setData; they are handed over once (export clears them) */
  export(): AnimationData {
    const actions = this.actions;
    this.actions = [];
    return { actions };
  }

  opacity(value: number): this { return this.style('opacity', plain(value, 1)); }
  backgroundColor(value: string): this { return this.style('backgroundColor', String(value)); }
  width(value: number | string): this { return this.style('width', length(value)); }
  height(value: number | string): this { return this.style('height', length(value)); }
  top(value: number | string): this { return this.style('top', length(value)); }
  left(value: number | string): this { return this.style('left', length(value)); }
  bottom(value: number | string): this { return this.style('bottom', length(value)); }
  right(value: number | string): this { return this.style('right', length(value)); }

  rotate(a: number | string): this { return this.transform('rotate', angle(a)); }
  rotateX(a: number | string): this { return this.transform('rotateX', angle(a)); }
  rotateY(a: number | string): this { return this.transform('rotateY', angle(a)); }
  rotateZ(a: number | string): this { return this.transform('rotateZ', angle(a)); }
  rotate3d(x: number, y: number, z: number, a: number | string): this {
    return this.transform('rotate3d', plain(x, 0), plain(y, 0), plain(z, 0), angle(a));
  }

  // scale(s) scales both axes, as CSS does
  scale(sx: number, sy?: number): this { return this.transform('scale', plain(sx, 1), plain(sy ?? sx, 1)); }
  scaleX(s: number): this { return this.transform('scaleX', plain(s, 1)); }
  scaleY(s: number): this { return this.transform('scaleY', plain(s, 1)); }
  scaleZ(s: number): this { return this.transform('scaleZ', plain(s, 1)); }
  scale3d(x: number, y: number, z: number): this { return this.transform('scale3d', plain(x, 1), plain(y, 1), plain(z, 1)); }

  translate(tx: number | string, ty?: number | string): this { return this.transform('translate', length(tx), length(ty)); }
  translateX(t: number | string): this { return this.transform('translateX', length(t)); }
  translateY(t: number | string): this { return this.transform('translateY', length(t)); }
  translateZ(t: number | string): this { return this.transform('translateZ', length(t)); }
  translate3d(x: number | string, y: number | string, z: number | string): this {
    return this.transform('translate3d', length(x), length(y), length(z));
  }

  skew(ax: number | string, ay?: number | string): this { return this.transform('skew', angle(ax), angle(ay)); }
  skewX(a: number | string): this { return this.transform('skewX', angle(a)); }
  skewY(a: number | string): this { return this.transform('skewY', angle(a)); }

  matrix(...values: number[]): this { return this.transform('matrix', ...numbers(values, [1, 0, 0, 1, 0, 0])); }
  matrix3d(...values: number[]): this {
    return this.transform('matrix3d', ...numbers(values, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]));
  }

  private style(method: string, value: string | number): this {
    this.current.push({ type: 'style', args: [ANIMATION_STYLES[method]!, value] });
    return this;
  }

  private transform(type: string, ...args: Array<string | number>): this {
    this.current.push({ type, args });
    return this;
  }
}

/** a matrix always has all its cells: missing ones are the identity's */
function numbers(values: unknown[], identity: number[]): Array<string | number> {
  return identity.map((d, i) => plain(values[i], d));
}

/** wx.createAnimation */
export function createAnimation(options?: unknown): Animation {
  return new Animation(options);
}

/** the unit rules of the methods above, shared with this.animate's keyframes (logic/keyframe-frames.ts) */
export { length as cssLength, angle as cssAngle, plain as cssFactor, numbers as cssMatrixCells };
