import { ANIMATION_TRANSFORMS, cssAngle, cssFactor, cssLength, cssMatrixCells } from './animation';

/**
 * this.animate's keyframes (WeChat's "关键帧动画") turned into what the view plays: units added here, with the
 * rules of wx.createAnimation (numbers are px for lengths and deg for angles, rpx strings become --wx-rpx), so
 * the view writes the values as they are (view/keyframe-player.ts).
 */

/** one keyframe as the view gets it */
export interface Frame {
  /** 0..1, or null: spaced evenly between its neighbours (Web Animations' rule) */
  offset: number | null;
  /** the CSS easing from this keyframe to the next (WeChat's `ease`, default linear) */
  easing: string;
  /** style properties by WeChat's keyframe name, which is also their Web Animations name (backgroundColor...) */
  styles: Record<string, string>;
  /** transform functions in the order the keyframe names them: [WeChat name = CSS function, its CSS text] */
  transforms: Array<[fn: string, css: string]>;
}

/** the keyframe fields that are style properties (clearAnimation's option names for them are the same) */
export const KEYFRAME_STYLES: ReadonlySet<string> = new Set(['transformOrigin', 'backgroundColor', 'bottom', 'height', 'left', 'width', 'opacity', 'right', 'top']);
const LENGTHS = new Set(['bottom', 'height', 'left', 'width', 'right', 'top']);

/** what clearAnimation may name: every style and every transform function */
export const CLEARABLE: ReadonlySet<string> = new Set([...KEYFRAME_STYLES, ...ANIMATION_TRANSFORMS]);

const text = (value: unknown): string | undefined => (typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' && value.trim() !== '' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** the CSS text of one transform field, or undefined when its value is not something WeChat takes */
function transformCss(fn: string, value: unknown): string | undefined {
  const args = (values: Array<string | number>) => `${fn}(${values.join(', ')})`;
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  const [a, b, c, d] = list(value);
  switch (fn) {
    case 'rotate': case 'rotateX': case 'rotateY': case 'rotateZ': case 'skewX': case 'skewY':
      return args([cssAngle(a)]);
    case 'skew':
      return args([cssAngle(a), cssAngle(b ?? 0)]);
    case 'rotate3d':
      return args([cssFactor(a, 0), cssFactor(b, 0), cssFactor(c, 0), cssAngle(d ?? 0)]);
    case 'scaleX': case 'scaleY': case 'scaleZ':
      return args([cssFactor(a, 1)]);
    // scale: [s] or s scales both axes, as createAnimation's scale(s) does
    case 'scale':
      return args([cssFactor(a, 1), cssFactor(b ?? a, 1)]);
    case 'scale3d':
      return args([cssFactor(a, 1), cssFactor(b, 1), cssFactor(c, 1)]);
    case 'translateX': case 'translateY': case 'translateZ':
      return args([cssLength(a)]);
    case 'translate':
      return args([cssLength(a), cssLength(b ?? 0)]);
    case 'translate3d':
      return args([cssLength(a), cssLength(b ?? 0), cssLength(c ?? 0)]);
    case 'matrix':
      return args(cssMatrixCells(list(value), [1, 0, 0, 1, 0, 0]));
    case 'matrix3d':
      return args(cssMatrixCells(list(value), [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]));
    default:
      return undefined;
  }
}

/**
 * WeChat's keyframes -> frames. Fields WeChat does not document are left out; an offset outside 0..1, or before
 * an earlier keyframe's (Web Animations would refuse the whole animation), is dropped to be spaced evenly.
 */
export function toFrames(keyframes: unknown): Frame[] {
  if (!Array.isArray(keyframes)) return [];
  let lastOffset = 0;
  return keyframes
    .filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null && !Array.isArray(k))
    .map((keyframe) => {
      const given = keyframe['offset'];
      const offset = typeof given === 'number' && given >= lastOffset && given <= 1 ? given : null;
      if (offset !== null) lastOffset = offset;
      const frame: Frame = { offset, easing: typeof keyframe['ease'] === 'string' && keyframe['ease'] !== '' ? keyframe['ease'] : 'linear', styles: {}, transforms: [] };
      for (const [name, value] of Object.entries(keyframe)) {
        if (KEYFRAME_STYLES.has(name)) {
          const css = LENGTHS.has(name) && (typeof value === 'number' || typeof value === 'string') ? String(cssLength(value)) : text(value);
          if (css !== undefined) frame.styles[name] = css;
        } else if (ANIMATION_TRANSFORMS.has(name)) {
          const css = transformCss(name, value);
          if (css !== undefined) frame.transforms.push([name, css]);
        }
      }
      return frame;
    });
}

/** clearAnimation's options: the names set to true, or null for "all" (options left out) */
export function clearedNames(options: unknown): string[] | null {
  if (options === undefined || options === null) return null;
  if (typeof options !== 'object') return [];
  return Object.entries(options as Record<string, unknown>)
    .filter(([name, on]) => on === true && CLEARABLE.has(name))
    .map(([name]) => name);
}
