import { rpxCss, rpxNumber } from '../../rpx';

/** Attribute values arrive as the template computed them: numbers, booleans, or strings such as "5" or "false". */
export function numberAttr(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

export function stringAttr(value: unknown, fallback = ''): string {
  return value === undefined || value === null ? fallback : String(value);
}

/** px per rpx in this view (view.css sets --wx-rpx from the view's width; see docs/wechat-format.md section 2) */
export function pxPerRpx(): number {
  return parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--wx-rpx')) || 1;
}

/** A WeChat length attribute in px: a number or "12" / "12px" are px, "24rpx" follows the view's width. */
export function lengthAttr(value: unknown, fallback: number): number {
  const text = stringAttr(value).trim();
  const rpx = rpxNumber(text);
  if (rpx !== undefined) return rpx * pxPerRpx();
  return numberAttr(text.replace(/px$/, ''), fallback);
}

/**
 * The same length as a CSS value for a style: "Npx", or for rpx `calc(N * var(--wx-rpx))`, so that it follows
 * the view's width when the window is resized, as rpx in a page's styles does.
 */
export function lengthCss(value: unknown, fallback: number): string {
  const rpx = rpxNumber(stringAttr(value));
  return rpx !== undefined ? rpxCss(rpx) : `${lengthAttr(value, fallback)}px`;
}
